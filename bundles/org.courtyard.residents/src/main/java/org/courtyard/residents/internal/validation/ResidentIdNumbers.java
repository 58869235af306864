package org.courtyard.residents.internal.validation;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;

/**
 * Chinese resident identity numbers (居民身份证号码, GB 11643-1999): 6 digits of the issuing area, 8 of
 * the date of birth (yyyyMMdd), 3 of a sequence number and a check character computed with ISO 7064
 * MOD 11-2 over the first 17, where 10 is written X. Checking the date and the check character
 * catches nearly every typing error, which is what matters at a service desk.
 */
public final class ResidentIdNumbers {

  private static final Texts TEXTS = Texts.of(ResidentIdNumbers.class);

  public static final int LENGTH = 18;

  /** 2^(17-i) mod 11 for positions i = 0..16, the weights of ISO 7064 MOD 11-2. */
  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  /** The check character for each remainder 0..10 of the weighted sum. */
  private static final String CHECK_CHARACTERS = "10X98765432";

  private static final Pattern SHAPE = Pattern.compile("[0-9]{17}[0-9X]");

  private static final int EARLIEST_BIRTH_YEAR = 1900;

  private ResidentIdNumbers() {}

  /** Without white space, X upper-case, full-width digits as ASCII. */
  public static String normalize(String raw) {
    return Normalizer.normalize(raw, Normalizer.Form.NFKC)
        .replaceAll("\\s+", "")
        .toUpperCase(Locale.ROOT);
  }

  /**
   * The check character of the first 17 digits: the weighted sum's remainder modulo 11 looked up in
   * {@code 10X98765432}.
   */
  public static char checkCharacter(CharSequence first17) {
    if (first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException("need 17 digits, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      char c = first17.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit at position " + (i + 1));
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS.charAt(sum % 11);
  }

  public static boolean isValid(String normalized) {
    return problem(normalized) == null;
  }

  /**
   * What is wrong with a normalised number, as a message that follows the field name; {@code null}
   * when it is a valid number.
   */
  public static Text problem(String normalized) {
    if (normalized.length() != LENGTH) {
      return TEXTS.text("resident-id.length", normalized.length());
    }
    if (!SHAPE.matcher(normalized).matches()) {
      return TEXTS.text("resident-id.shape");
    }
    if (!validBirthDate(normalized.substring(6, 14))) {
      return TEXTS.text("resident-id.birth-date", normalized.substring(6, 14));
    }
    if (normalized.charAt(LENGTH - 1) != checkCharacter(normalized.substring(0, LENGTH - 1))) {
      // The expected character is not named: the mistyped digit is usually elsewhere, and a
      // "corrected" last character would only hide it.
      return TEXTS.text("resident-id.check-character");
    }
    return null;
  }

  private static boolean validBirthDate(String yyyymmdd) {
    int year = Integer.parseInt(yyyymmdd.substring(0, 4));
    int month = Integer.parseInt(yyyymmdd.substring(4, 6));
    int day = Integer.parseInt(yyyymmdd.substring(6, 8));
    if (year < EARLIEST_BIRTH_YEAR) {
      return false;
    }
    try {
      LocalDate.of(year, month, day);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
