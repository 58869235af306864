package org.courtyard.identity.internal;

import java.util.regex.Pattern;

/**
 * A role's entry: a permission id ({@code billing.payment.create}) or a pattern where {@code *}
 * stands for any run of characters ({@code billing.*}, {@code *.read}, {@code *}). Patterns let the
 * role templates cover what a module enabled later declares.
 */
final class PermissionPattern {

  private static final Pattern SHAPE =
      Pattern.compile("^(\\*|[a-z][a-z0-9-]*)(\\.(\\*|[a-z][a-z0-9-]*)){0,2}$");

  private final String text;
  private final Pattern regex;

  private PermissionPattern(String text) {
    this.text = text;
    this.regex = Pattern.compile(Pattern.quote(text).replace("*", "\\E.*\\Q"));
  }

  /** Whether {@code text} is a well-formed entry: three parts, or fewer when it ends in a star. */
  static boolean isWellFormed(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return false;
    }
    return text.split("\\.").length == 3 || text.endsWith("*") || text.startsWith("*");
  }

  static PermissionPattern of(String text) {
    if (!isWellFormed(text)) {
      throw new IllegalArgumentException("not a permission or pattern: " + text);
    }
    return new PermissionPattern(text);
  }

  boolean isPattern() {
    return text.indexOf('*') >= 0;
  }

  boolean matches(String permission) {
    return regex.matcher(permission).matches();
  }

  String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
