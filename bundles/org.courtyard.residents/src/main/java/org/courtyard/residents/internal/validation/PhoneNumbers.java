package org.courtyard.residents.internal.validation;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;
import org.courtyard.api.FieldReport;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;

/**
 * Phone numbers in one stored form: {@code +} and the digits with country code, no separators, e.g.
 * {@code +8613812345678}. The same person writes a number many ways ({@code 138 1234 5678}, {@code
 * +86-138-1234-5678}, {@code 008613812345678}, full-width digits from a Chinese input method), and
 * only one form can be searched and compared.
 *
 * <p>Accepted:
 *
 * <ul>
 *   <li>A Chinese mobile number, 11 digits starting 13 to 19, with or without {@code 86}, {@code
 *       +86} or {@code 0086} in front.
 *   <li>A Chinese landline with its area code, domestic ({@code 0755-1234 5678}: the trunk 0 is
 *       dropped) or international ({@code +86 755 1234 5678}).
 *   <li>Any other country as {@code +} or {@code 00}, then 8 to 15 digits in all (ITU E.164).
 * </ul>
 */
public final class PhoneNumbers {

  private static final Texts TEXTS = Texts.of(PhoneNumbers.class);

  public static final String CHINA = "86";

  /** What people put between digit groups; removed before anything else is looked at. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()\u00B7]+");

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /** Mainland mobile numbers: 1, then 3 to 9, then nine digits. */
  private static final Pattern CN_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

  /**
   * Area code without the trunk 0 and local number: Beijing (10) and the 2x cities have two-digit
   * codes and eight-digit numbers, everywhere else three-digit codes and seven or eight digits.
   */
  private static final Pattern CN_LANDLINE =
      Pattern.compile("(?:10|2[0-9])[0-9]{8}|[3-9][0-9]{9,10}");

  /** Characters a phone number, as people write it, is made of: a query of only these is one. */
  private static final Pattern PHONE_LIKE = Pattern.compile("\\+?[0-9\\s\\-.()\u00B7]+");

  public static final int MIN_DIGITS = 8;
  public static final int MAX_DIGITS = 15;

  /** Fewer digits than this match too many numbers to be a useful search. */
  public static final int MIN_SEARCH_DIGITS = 4;

  /** Longer input than this is no phone number, however it is written. */
  private static final int MAX_INPUT = 40;

  private PhoneNumbers() {}

  /** The stored form of {@code raw}, or empty when it is not a phone number this accepts. */
  public static Optional<String> normalize(String raw) {
    if (raw == null || raw.length() > MAX_INPUT) {
      return Optional.empty();
    }
    // NFKC turns full-width digits, plus and parentheses into ASCII, and U+3000 into a space.
    String s = SEPARATORS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
    String international;
    if (s.startsWith("+")) {
      international = s.substring(1);
    } else if (s.startsWith("00")) {
      international = s.substring(2);
    } else if (CN_MOBILE.matcher(s).matches()) {
      international = CHINA + s;
    } else if (s.startsWith("0") && CN_LANDLINE.matcher(s.substring(1)).matches()) {
      international = CHINA + s.substring(1);
    } else if (s.startsWith(CHINA) && CN_MOBILE.matcher(s.substring(2)).matches()) {
      international = s;
    } else {
      return Optional.empty();
    }
    if (!DIGITS.matcher(international).matches()) {
      return Optional.empty();
    }
    if (international.startsWith(CHINA)) {
      String national = international.substring(2);
      if (national.startsWith("0")) {
        national = national.substring(1); // "+86 (0)755 …": the trunk 0 has no place after +86
      }
      if (CN_MOBILE.matcher(national).matches() || CN_LANDLINE.matcher(national).matches()) {
        return Optional.of("+" + CHINA + national);
      }
      return Optional.empty();
    }
    if (international.length() < MIN_DIGITS
        || international.length() > MAX_DIGITS
        || international.startsWith("0")) {
      return Optional.empty();
    }
    return Optional.of("+" + international);
  }

  /** A required phone number in its stored form; {@code null} after reporting a problem. */
  public static String phone(String raw, String field, FieldReport report) {
    String v = TextRules.trimToNull(raw);
    if (v == null) {
      report.add(field, TextRules.IS_REQUIRED);
      return null;
    }
    Optional<String> normalized = normalize(v);
    if (normalized.isEmpty()) {
      report.add(field, TEXTS.text("phone.invalid", MIN_DIGITS, MAX_DIGITS, TextRules.quote(v)));
      return null;
    }
    return normalized.get();
  }

  /**
   * The digits a stored phone number must end with to match the search text {@code q}, or {@code
   * null} when {@code q} is not written like a phone number or has fewer than {@value
   * #MIN_SEARCH_DIGITS} digits. A complete number is normalised first, so that {@code 138 1234
   * 5678} finds {@code +8613812345678}; anything else is taken as the number's last digits.
   */
  public static String searchSuffix(String q) {
    if (q == null || q.length() > MAX_INPUT) {
      return null;
    }
    String s = Normalizer.normalize(q, Normalizer.Form.NFKC).strip();
    if (!PHONE_LIKE.matcher(s).matches()) {
      return null;
    }
    String digits =
        normalize(s).map(n -> n.substring(1)).orElseGet(() -> s.replaceAll("[^0-9]", ""));
    return digits.length() < MIN_SEARCH_DIGITS ? null : digits;
  }
}
