package org.courtyard.driver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A number read from a device's payload, or the status and reason it was refused.
 *
 * <p>{@code new BigDecimal(text)} is not safe on what a device sends: {@code "1E-500000000"} is a
 * valid {@code BigDecimal} whose {@code setScale}, {@code add}, {@code stripTrailingZeros} or
 * {@code toPlainString} works through hundreds of millions of digits, and {@code "١٢٣"} (Arabic-
 * Indic digits) is read as 123. This reader checks the text's length, its grammar (ASCII digits, an
 * optional sign, point and exponent: no {@code NaN}, {@code Infinity}, {@code 0x1F}, {@code 1_000},
 * blanks) and the digits before and after the point, counted from the text, before it does any
 * arithmetic. A value that passes has at most the asked digits on either side of the point, so what
 * a driver computes with it afterwards stays small and fast.
 *
 * <pre>
 * PayloadNumber total = PayloadNumber.decimal(text, 12, 6);
 * if (!total.isGood()) {
 *   return total.asBad("channel 1: total");
 * }
 * </pre>
 *
 * @param value the number, when {@link #isGood()}; else null
 * @param status {@link RecordStatus#GOOD}, {@link RecordStatus#MALFORMED} for text that is not a
 *     number of this grammar or is too long, {@link RecordStatus#OUT_OF_RANGE} for a number with
 *     too many digits or outside the asked range
 * @param problem why it was refused, without the refused text (which may be huge); null when good
 */
public record PayloadNumber(BigDecimal value, RecordStatus status, String problem) {

  /** The longest text either reader looks at; longer text is refused before it is scanned. */
  public static final int MAX_LENGTH = 64;

  /** The most digits a caller may ask for on either side of the point. */
  public static final int MAX_DIGITS = 40;

  public PayloadNumber {
    Objects.requireNonNull(status, "status");
    if ((status == RecordStatus.GOOD) != (value != null)) {
      throw new IllegalArgumentException("a value exactly when GOOD");
    }
  }

  /**
   * Reads a decimal number such as {@code 21.5}, {@code -0.75}, {@code 1234.567} or {@code 1.5E3}.
   *
   * <p>Refused: text longer than {@link #MAX_LENGTH} or not of the grammar {@code
   * [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?} in ASCII ({@code MALFORMED}); a value with
   * more than {@code maxIntegerDigits} digits before the point, or a non-zero digit more than
   * {@code maxFractionDigits} places after it ({@code OUT_OF_RANGE}: {@code 1E-500000000} is one).
   * Zeros are never refused for their exponent ({@code 0E-500000000} is zero). The value's scale is
   * the text's, kept between 0 and {@code maxFractionDigits}: {@code 1.5E3} is {@code 1500}, {@code
   * 2.50000} with 2 fraction digits is {@code 2.50}; trailing zeros are dropped only as far as that
   * needs, so no value is rounded.
   *
   * @param maxIntegerDigits 1 to {@link #MAX_DIGITS}
   * @param maxFractionDigits 0 to {@link #MAX_DIGITS}
   */
  public static PayloadNumber decimal(
      CharSequence text, int maxIntegerDigits, int maxFractionDigits) {
    if (maxIntegerDigits < 1 || maxIntegerDigits > MAX_DIGITS) {
      throw new IllegalArgumentException("maxIntegerDigits must be 1-" + MAX_DIGITS);
    }
    if (maxFractionDigits < 0 || maxFractionDigits > MAX_DIGITS) {
      throw new IllegalArgumentException("maxFractionDigits must be 0-" + MAX_DIGITS);
    }
    PayloadNumber refused = refuseLength(text);
    if (refused != null) {
      return refused;
    }
    int n = text.length();
    int i = 0;
    if (text.charAt(i) == '+' || text.charAt(i) == '-') {
      i++;
    }
    // the mantissa: digits, an optional point, digits
    int intStart = i;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
    }
    int intEnd = i;
    int fracStart = i;
    int fracEnd = i;
    if (i < n && text.charAt(i) == '.') {
      fracStart = ++i;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
      }
      fracEnd = i;
    }
    if (intEnd == intStart && fracEnd == fracStart) {
      return malformed();
    }
    long exponent = 0;
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      boolean negative = false;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        negative = text.charAt(i) == '-';
        i++;
      }
      if (i == n) {
        return malformed();
      }
      while (i < n && isDigit(text.charAt(i))) {
        // saturates: the text is at most 64 characters, so 10^12 is already absurd
        exponent = Math.min(exponent * 10 + (text.charAt(i) - '0'), 1_000_000_000_000L);
        i++;
      }
      exponent = negative ? -exponent : exponent;
    }
    if (i != n) {
      return malformed();
    }
    // positions of the first and last non-zero digit, as powers of ten of the value
    long firstPower = Long.MIN_VALUE;
    long lastPower = Long.MAX_VALUE;
    int intDigits = intEnd - intStart;
    for (int k = intStart; k < intEnd; k++) {
      if (text.charAt(k) != '0') {
        long power = intDigits - 1 - (k - intStart) + exponent;
        firstPower = Math.max(firstPower, power);
        lastPower = Math.min(lastPower, power);
      }
    }
    for (int k = fracStart; k < fracEnd; k++) {
      if (text.charAt(k) != '0') {
        long power = -1 - (k - fracStart) + exponent;
        firstPower = Math.max(firstPower, power);
        lastPower = Math.min(lastPower, power);
      }
    }
    long naturalScale = (fracEnd - fracStart) - exponent;
    int scale = (int) Math.max(0, Math.min(naturalScale, maxFractionDigits));
    if (firstPower == Long.MIN_VALUE) {
      return good(BigDecimal.ZERO.setScale(scale));
    }
    if (firstPower >= maxIntegerDigits) {
      return outOfRange("more than " + maxIntegerDigits + " digits before the point");
    }
    if (-lastPower > maxFractionDigits) {
      return outOfRange("more than " + maxFractionDigits + " digits after the point");
    }
    // every non-zero digit now lies within the bounds and the exponent within about 64 + 40 of
    // zero, so this is cheap and exact
    return good(new BigDecimal(text.toString()).setScale(scale, RoundingMode.UNNECESSARY));
  }

  /**
   * Reads a whole number such as {@code 42} or {@code -7}: an optional sign and ASCII digits, at
   * most {@link #MAX_LENGTH} characters ({@code MALFORMED} otherwise), between {@code min} and
   * {@code max} ({@code OUT_OF_RANGE} otherwise).
   */
  public static PayloadNumber whole(CharSequence text, long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException("min above max");
    }
    PayloadNumber refused = refuseLength(text);
    if (refused != null) {
      return refused;
    }
    int n = text.length();
    int i = text.charAt(0) == '+' || text.charAt(0) == '-' ? 1 : 0;
    if (i == n) {
      return malformed();
    }
    for (int k = i; k < n; k++) {
      if (!isDigit(text.charAt(k))) {
        return malformed();
      }
    }
    long value;
    try {
      value = Long.parseLong(text.toString());
    } catch (NumberFormatException e) {
      return outOfRange("not between " + min + " and " + max); // the digits are ASCII: too big
    }
    if (value < min || value > max) {
      return outOfRange("not between " + min + " and " + max);
    }
    return good(BigDecimal.valueOf(value));
  }

  public boolean isGood() {
    return status == RecordStatus.GOOD;
  }

  /**
   * The whole number's value.
   *
   * @throws IllegalStateException if this number was refused
   * @throws ArithmeticException if it has a fraction or does not fit a long
   */
  public long longValue() {
    if (value == null) {
      throw new IllegalStateException("refused: " + problem);
    }
    return value.longValueExact();
  }

  /**
   * This refusal as a payload item, e.g. {@code asBad("temperature")} is an item of this status
   * with the detail {@code "temperature: more than 3 digits before the point"}.
   *
   * @throws IllegalStateException if this number was not refused
   */
  public Decoded asBad(String what) {
    if (value != null) {
      throw new IllegalStateException("a good number");
    }
    return Decoded.bad(status, what + ": " + problem);
  }

  private static PayloadNumber refuseLength(CharSequence text) {
    if (text == null || text.length() == 0) {
      return new PayloadNumber(null, RecordStatus.MALFORMED, "no number");
    }
    if (text.length() > MAX_LENGTH) {
      return new PayloadNumber(
          null,
          RecordStatus.MALFORMED,
          "a number of " + text.length() + " characters (at most " + MAX_LENGTH + ")");
    }
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static PayloadNumber good(BigDecimal value) {
    return new PayloadNumber(value, RecordStatus.GOOD, null);
  }

  private static PayloadNumber malformed() {
    return new PayloadNumber(null, RecordStatus.MALFORMED, "not a decimal number");
  }

  private static PayloadNumber outOfRange(String problem) {
    return new PayloadNumber(null, RecordStatus.OUT_OF_RANGE, problem);
  }
}
