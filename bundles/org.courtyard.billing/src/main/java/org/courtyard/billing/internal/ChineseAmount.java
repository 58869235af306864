package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of yuan in Chinese capital numerals (大写金额), as receipts and invoices print it beside
 * the figures so that nobody can alter them: 1,005.00 is 壹仟零伍元整, 123.45 is 壹佰贰拾叁元肆角伍分. Zeros inside
 * the number are read once (壹拾万零壹拾元), whole amounts end in 整.
 */
final class ChineseAmount {

  private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
  private static final String[] IN_SECTION = {"", "拾", "佰", "仟"};
  private static final String[] SECTIONS = {"", "万", "亿", "万亿"};

  private ChineseAmount() {}

  /**
   * @param amount zero or more, below 10,000 万亿; rounded half up to fen
   * @throws IllegalArgumentException for a negative or too large amount
   */
  static String of(BigDecimal amount) {
    BigDecimal fen = amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2);
    if (fen.signum() < 0 || fen.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0) {
      throw new IllegalArgumentException("not an amount a receipt can carry: " + amount);
    }
    long all = fen.longValueExact();
    long yuan = all / 100;
    int jiao = (int) (all / 10 % 10);
    int cents = (int) (all % 10);
    if (all == 0) {
      return "零元整";
    }
    StringBuilder out = new StringBuilder();
    if (yuan > 0) {
      out.append(yuan(yuan)).append('元');
    }
    if (jiao == 0 && cents == 0) {
      return out.append('整').toString();
    }
    if (jiao > 0) {
      out.append(DIGITS.charAt(jiao)).append('角');
    } else if (yuan > 0) {
      out.append('零');
    }
    if (cents > 0) {
      out.append(DIGITS.charAt(cents)).append('分');
    } else {
      out.append('整');
    }
    return out.toString();
  }

  private static String yuan(long n) {
    int[] sections = new int[SECTIONS.length];
    int count = 0;
    for (long rest = n; rest > 0; rest /= 10_000) {
      if (count == SECTIONS.length) {
        throw new IllegalArgumentException("too large: " + n);
      }
      sections[count++] = (int) (rest % 10_000);
    }
    StringBuilder out = new StringBuilder();
    boolean zeroPending = false;
    for (int i = count - 1; i >= 0; i--) {
      int section = sections[i];
      if (section == 0) {
        zeroPending = out.length() > 0;
        continue;
      }
      if (zeroPending || (out.length() > 0 && section < 1000)) {
        out.append('零');
      }
      out.append(section(section)).append(SECTIONS[i]);
      zeroPending = false;
    }
    return out.toString();
  }

  /** 1 to 9999, with the zeros between digits read once and trailing zeros not at all. */
  private static String section(int n) {
    StringBuilder out = new StringBuilder();
    boolean zero = false;
    for (int pos = 3; pos >= 0; pos--) {
      int digit = n / (int) Math.pow(10, pos) % 10;
      if (digit == 0) {
        zero = out.length() > 0;
      } else {
        if (zero) {
          out.append('零');
          zero = false;
        }
        out.append(DIGITS.charAt(digit)).append(IN_SECTION[pos]);
      }
    }
    return out.toString();
  }
}
