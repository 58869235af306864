package org.courtyard.residents.internal.validation;

/**
 * What lists may show of a person's contact and identity: enough to tell people apart and to
 * confirm a number with them at the desk, not enough to copy a number out of a screen or a
 * spreadsheet export. One record in full is a deliberate {@code GET /persons/{id}} away.
 */
public final class Masks {

  private static final int PHONE_HEAD = 3;
  private static final int PHONE_TAIL = 4;
  private static final int ID_KEEP = 4;

  private Masks() {}

  /**
   * A stored phone number with the middle digits hidden: {@code +8613812345678} becomes {@code +86
   * 138****5678}; other countries keep {@code +} and the first three digits, {@code +4915112345678}
   * becomes {@code +491******5678}.
   */
  public static String phone(String stored) {
    if (stored == null) {
      return null;
    }
    String digits = stored.startsWith("+") ? stored.substring(1) : stored;
    if (digits.startsWith(PhoneNumbers.CHINA) && digits.length() > PhoneNumbers.CHINA.length()) {
      return "+" + PhoneNumbers.CHINA + " " + middle(digits.substring(2), PHONE_HEAD, PHONE_TAIL);
    }
    return "+" + middle(digits, PHONE_HEAD, PHONE_TAIL);
  }

  /**
   * An identity or passport number with only its first and last four characters shown: {@code
   * 110101199003071233} becomes {@code 1101**********1233}. Shorter numbers show less, a quarter at
   * each end at most, so that a 9-character passport number is not shown nearly whole.
   */
  public static String idNumber(String stored) {
    if (stored == null) {
      return null;
    }
    int length = stored.codePointCount(0, stored.length());
    int keep = Math.min(ID_KEEP, length / 4);
    return middle(stored, keep, keep);
  }

  /**
   * {@code value} with everything but {@code head} leading and {@code tail} trailing characters
   * replaced by {@code *}; when that would leave nothing hidden, only the last two stay visible.
   */
  static String middle(String value, int head, int tail) {
    int[] cps = value.codePoints().toArray();
    if (cps.length <= head + tail) {
      head = 0;
      tail = Math.min(2, cps.length / 2);
    }
    StringBuilder out = new StringBuilder(cps.length);
    for (int i = 0; i < cps.length; i++) {
      if (i < head || i >= cps.length - tail) {
        out.appendCodePoint(cps[i]);
      } else {
        out.append('*');
      }
    }
    return out.toString();
  }
}
