package org.courtyard.api;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Licence plates in one stored form: upper case, without the spaces, dots and hyphens people and
 * cameras put in ({@code 粤b·123 45} is {@code 粤B12345}). Checked loosely, to catch typing errors
 * without turning away real plates:
 *
 * <ul>
 *   <li>Chinese: a province character, a letter, then 5 letters or digits (ordinary plates) or 6
 *       (new-energy plates such as {@code 京AD12345}); or 4 and a suffix character such as 学 or 挂.
 *   <li>Anything else, e.g. foreign plates: 2 to 10 ASCII letters and digits.
 * </ul>
 */
public final class Plates {

  private static final Texts TEXTS = Texts.of(Plates.class);

  /** The one-character abbreviations of the provinces, municipalities and autonomous regions. */
  static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

  private static final Pattern CHINESE =
      Pattern.compile("[" + PROVINCES + "][A-Z](?:[A-Z0-9]{5,6}|[A-Z0-9]{4}[挂学警港澳领])");

  private static final Pattern ASCII = Pattern.compile("[A-Z0-9]{2,10}");

  /** Spaces, dots (including the middle dot printed on Chinese plates) and hyphens. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-\u00B7\u2022\u30FB]+");

  private Plates() {}

  /** Upper case, full-width letters and digits as ASCII, separators removed. */
  public static String normalize(String raw) {
    String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    return SEPARATORS.matcher(s).replaceAll("");
  }

  public static boolean isValid(String normalized) {
    return CHINESE.matcher(normalized).matches() || ASCII.matcher(normalized).matches();
  }

  /** A required plate in its stored form; {@code null} after reporting a problem. */
  public static String plate(String raw, String field, FieldReport report) {
    String v = TextRules.trimToNull(raw);
    if (v == null) {
      report.add(field, TextRules.IS_REQUIRED);
      return null;
    }
    String plate = normalize(v);
    if (plate.isEmpty()) {
      report.add(field, TextRules.IS_REQUIRED);
      return null;
    }
    if (!isValid(plate)) {
      report.add(field, TEXTS.text("plate.invalid", TextRules.quote(v)));
      return null;
    }
    return plate;
  }
}
