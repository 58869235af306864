package org.courtyard.api;

import java.util.function.BiConsumer;

/**
 * Field rules every module's validation shares. Each rule takes the raw value, reports what is
 * wrong with it to {@code report} as {@code (field, message)} (for example a {@link FieldErrors})
 * and returns the normalised value, or {@code null} when it reported a problem. Strings are
 * stripped (including the ideographic space U+3000 that Chinese input methods produce); blank
 * optional strings become {@code null}. Lengths are counted in code points, as PostgreSQL counts
 * {@code varchar} length, so a name of Chinese characters or emoji is measured as the column will
 * measure it.
 */
public final class TextRules {

  /** The message of a missing required value, in English. */
  public static final String REQUIRED = "is required";

  private static final Texts TEXTS = Texts.api();

  /** The message of a missing required value. */
  public static final Text IS_REQUIRED = TEXTS.text("rules.required");

  /** How much of a user's value a message quotes. */
  private static final int QUOTED_MAX = 40;

  private TextRules() {}

  /** {@code raw} without surrounding white space; {@code null} when nothing is left. */
  public static String trimToNull(String raw) {
    if (raw == null) {
      return null;
    }
    String s = raw.strip();
    return s.isEmpty() ? null : s;
  }

  /** A required single-line text of 1 to {@code max} characters. */
  public static String requiredLine(String raw, String field, int max, FieldReport report) {
    String v = trimToNull(raw);
    if (v == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    return line(v, field, max, report);
  }

  /** An optional single-line text of at most {@code max} characters; blank means absent. */
  public static String optionalLine(String raw, String field, int max, FieldReport report) {
    String v = trimToNull(raw);
    return v == null ? null : line(v, field, max, report);
  }

  private static String line(String v, String field, int max, FieldReport report) {
    if (!withinLength(v, field, max, report)) {
      return null;
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      report.add(field, TEXTS.text("rules.single-line"));
      return null;
    }
    return v;
  }

  /** Whether {@code v} has at most {@code max} characters (code points); reports it when not. */
  public static boolean withinLength(String v, String field, int max, FieldReport report) {
    int length = v.codePointCount(0, v.length());
    if (length > max) {
      report.add(field, TEXTS.text("rules.too-long", max, length));
      return false;
    }
    return true;
  }

  /** A value the caller must send, such as a parent id or a version. */
  public static <T> T required(T value, String field, FieldReport report) {
    if (value == null) {
      report.add(field, IS_REQUIRED);
    }
    return value;
  }

  /** A required whole number between {@code min} and {@code max}. */
  public static Integer requiredInRange(
      Integer value, String field, int min, int max, FieldReport report) {
    if (value == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    return optionalInRange(value, field, min, max, report);
  }

  /** An optional whole number between {@code min} and {@code max}. */
  public static Integer optionalInRange(
      Integer value, String field, int min, int max, FieldReport report) {
    if (value != null && (value < min || value > max)) {
      report.add(field, TEXTS.text("rules.out-of-range", min, max, value));
      return null;
    }
    return value;
  }

  /** {@link #requiredLine(String, String, int, FieldReport)}, reporting English messages. */
  public static String requiredLine(
      String raw, String field, int max, BiConsumer<String, String> report) {
    return requiredLine(raw, field, max, english(report));
  }

  /** {@link #optionalLine(String, String, int, FieldReport)}, reporting English messages. */
  public static String optionalLine(
      String raw, String field, int max, BiConsumer<String, String> report) {
    return optionalLine(raw, field, max, english(report));
  }

  /** {@link #withinLength(String, String, int, FieldReport)}, reporting English messages. */
  public static boolean withinLength(
      String v, String field, int max, BiConsumer<String, String> report) {
    return withinLength(v, field, max, english(report));
  }

  /** {@link #required(Object, String, FieldReport)}, reporting English messages. */
  public static <T> T required(T value, String field, BiConsumer<String, String> report) {
    return required(value, field, english(report));
  }

  /** {@link #requiredInRange(Integer, String, int, int, FieldReport)} in English messages. */
  public static Integer requiredInRange(
      Integer value, String field, int min, int max, BiConsumer<String, String> report) {
    return requiredInRange(value, field, min, max, english(report));
  }

  /** {@link #optionalInRange(Integer, String, int, int, FieldReport)} in English messages. */
  public static Integer optionalInRange(
      Integer value, String field, int min, int max, BiConsumer<String, String> report) {
    return optionalInRange(value, field, min, max, english(report));
  }

  private static FieldReport english(BiConsumer<String, String> report) {
    if (report instanceof FieldReport fields) {
      return fields;
    }
    return (field, message) -> report.accept(field, message.toString());
  }

  /** {@code value} in double quotes, {@linkplain #shorten shortened} to fit in a message. */
  public static String quote(String value) {
    return "\"" + shorten(value) + "\"";
  }

  /**
   * {@code value} cut to 40 characters (with an ellipsis) and with control characters shown as
   * {@code ?}: a user's value as a message may repeat it.
   */
  public static String shorten(String value) {
    String cut = value.length() > QUOTED_MAX ? cut(value, QUOTED_MAX) + "…" : value;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** {@code value} cut to at most {@code max} chars, for a column or a log line of that size. */
  public static String clip(String value, int max) {
    return value == null || value.length() <= max ? value : cut(value, max);
  }

  /** The first {@code max} chars of {@code value}, never half of a surrogate pair. */
  private static String cut(String value, int max) {
    int end = max > 0 && Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end);
  }
}
