package org.courtyard.messaging;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a message goes: a kind ({@link #EMAIL}, {@link #PHONE}, or a kind a later channel brings,
 * such as {@code wechat}) and the address itself. Kinds are plain names rather than an enum so that
 * a new channel needs no new version of this package.
 *
 * @param kind lower-case letters, digits and dashes, starting with a letter
 * @param value the address as the channel takes it, trimmed; e-mail domains are kept as given
 */
public record Address(String kind, String value) {

  public static final String EMAIL = "email";
  public static final String PHONE = "phone";

  private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");

  public Address {
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("an address kind is a short lower-case name: " + kind);
    }
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a " + kind + " address is empty");
    }
    value = value.strip();
  }

  public static Address email(String value) {
    return new Address(EMAIL, value);
  }

  public static Address phone(String value) {
    return new Address(PHONE, value);
  }

  /**
   * The address as logs may show it: enough to tell two apart, not enough to reach the person. An
   * e-mail keeps the first two characters of its local part and its domain ({@code
   * zh***@example.com}), a phone number its first three digits after the country code and its last
   * four ({@code +86138****5678}), anything else its first two and last two characters.
   */
  public String masked() {
    if (EMAIL.equals(kind)) {
      int at = value.lastIndexOf('@');
      if (at > 0) {
        return keep(value.substring(0, at), 2, 0, false) + value.substring(at);
      }
    }
    if (PHONE.equals(kind)) {
      String digits = value.replaceAll("[^0-9+]", "");
      if (digits.length() >= 11) {
        return keep(digits, digits.length() - 8, 4, true);
      }
    }
    return keep(value, 2, 2, false);
  }

  /**
   * The first {@code head} and last {@code tail} characters with stars between: as many as are
   * hidden when {@code exact}, else three. A value too short for that shows only its first third.
   */
  private static String keep(String s, int head, int tail, boolean exact) {
    int[] cps = s.codePoints().toArray();
    if (head + tail + 3 > cps.length) {
      head = cps.length / 3;
      tail = 0;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < head; i++) {
      out.appendCodePoint(cps[i]);
    }
    out.append("*".repeat(exact ? cps.length - head - tail : 3));
    for (int i = cps.length - tail; i < cps.length; i++) {
      out.appendCodePoint(cps[i]);
    }
    return out.toString();
  }

  /**
   * The address compared case-insensitively where the kind allows it: e-mail addresses in lower
   * case, phone numbers without spaces, dashes and brackets. For per-recipient limits.
   */
  public String normalized() {
    return switch (kind) {
      case EMAIL -> value.toLowerCase(Locale.ROOT);
      case PHONE -> value.replaceAll("[\\s\\-()]", "");
      default -> value;
    };
  }

  @Override
  public String toString() {
    return kind + ":" + masked();
  }
}
