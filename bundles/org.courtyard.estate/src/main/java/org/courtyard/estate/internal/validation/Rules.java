package org.courtyard.estate.internal.validation;

import static org.courtyard.api.TextRules.IS_REQUIRED;
import static org.courtyard.api.TextRules.quote;
import static org.courtyard.api.TextRules.requiredInRange;
import static org.courtyard.api.TextRules.requiredLine;
import static org.courtyard.api.TextRules.shorten;
import static org.courtyard.api.TextRules.trimToNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;
import org.courtyard.api.FieldReport;
import org.courtyard.api.Texts;

/**
 * Field rules of estates, buildings, units and rooms, in the manner of {@link
 * org.courtyard.api.TextRules} (which holds the rules every module shares): each method takes the
 * raw value, reports what is wrong with it to {@code report} as {@code (field, message)} and
 * returns the normalised value, or {@code null} when it reported a problem.
 */
public final class Rules {

  public static final int CODE_MAX = 32;
  public static final int NAME_MAX = 100;
  public static final int ADDRESS_MAX = 200;
  public static final int FLOORS_MIN = 1;
  public static final int FLOORS_MAX = 200;
  public static final int FLOOR_MIN = -10;
  public static final int FLOOR_MAX = 200;
  public static final BigDecimal AREA_MAX = new BigDecimal("100000");
  public static final int AREA_SCALE = 2;

  /** Codes end up in URLs, file names and device configurations: keep them to portable ASCII. */
  private static final Pattern CODE_CHARS = Pattern.compile("[A-Za-z0-9._-]+");

  /** Longer numeric text than this is no plausible floor or area; refuse before parsing it. */
  private static final int MAX_NUMBER_TEXT = 32;

  private static final Texts TEXTS = Texts.of(Rules.class);

  private Rules() {}

  /** A code of an estate, building or unit, or a room number: 1 to 32 of A-Z a-z 0-9 . _ - */
  public static String code(String raw, String field, FieldReport report) {
    String v = trimToNull(raw);
    if (v == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    if (v.length() > CODE_MAX) {
      report.add(field, TEXTS.text("rules.code-too-long", CODE_MAX, v.length()));
      return null;
    }
    if (!CODE_CHARS.matcher(v).matches()) {
      report.add(field, TEXTS.text("rules.code-chars", quote(v)));
      return null;
    }
    return v;
  }

  /** A required display name of 1 to 100 characters on one line. */
  public static String name(String raw, String field, FieldReport report) {
    return requiredLine(raw, field, NAME_MAX, report);
  }

  /**
   * A floor area in square metres: more than 0, at most 100000, at most two decimals; returned with
   * exactly two decimals, as the column stores it. Never rounded: 85.555 is an error, not 85.56.
   */
  public static BigDecimal area(BigDecimal value, String field, FieldReport report) {
    if (value == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    if (value.signum() <= 0 || value.compareTo(AREA_MAX) > 0) {
      report.add(
          field,
          TEXTS.text("rules.area-range", AREA_MAX.toPlainString(), shorten(value.toString())));
      return null;
    }
    if (value.stripTrailingZeros().scale() > AREA_SCALE) {
      report.add(field, TEXTS.text("rules.area-scale", AREA_SCALE, shorten(value.toString())));
      return null;
    }
    return value.setScale(AREA_SCALE, RoundingMode.UNNECESSARY);
  }

  public static RoomType roomType(String raw, String field, FieldReport report) {
    String v = trimToNull(raw);
    if (v == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    RoomType type = RoomType.parse(v).orElse(null);
    if (type == null) {
      report.add(field, TEXTS.text("rules.one-of", RoomType.allowedValues(), quote(v)));
    }
    return type;
  }

  /**
   * @param ifAbsent what a missing value means, or {@code null} if the value is required
   */
  public static RoomStatus roomStatus(
      String raw, String field, RoomStatus ifAbsent, FieldReport report) {
    String v = trimToNull(raw);
    if (v == null) {
      if (ifAbsent == null) {
        report.add(field, IS_REQUIRED);
      }
      return ifAbsent;
    }
    RoomStatus status = RoomStatus.parse(v).orElse(null);
    if (status == null) {
      report.add(field, TEXTS.text("rules.one-of", RoomStatus.allowedValues(), quote(v)));
    }
    return status;
  }

  /** A whole number written as text, as in a CSV cell, then checked against min..max. */
  public static Integer integerText(
      String raw, String field, int min, int max, FieldReport report) {
    String v = trimToNull(raw);
    if (v == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    Integer parsed = null;
    if (v.length() <= MAX_NUMBER_TEXT) {
      try {
        parsed = Integer.valueOf(v);
      } catch (NumberFormatException e) {
        // reported below, with the value the user wrote
      }
    }
    if (parsed == null) {
      report.add(field, TEXTS.text("rules.whole-number", quote(v)));
      return null;
    }
    return requiredInRange(parsed, field, min, max, report);
  }

  /** An area written as text, as in a CSV cell: a plain decimal number such as 89.5. */
  public static BigDecimal areaText(String raw, String field, FieldReport report) {
    String v = trimToNull(raw);
    if (v == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    BigDecimal parsed = null;
    if (v.length() <= MAX_NUMBER_TEXT) {
      try {
        parsed = new BigDecimal(v);
      } catch (NumberFormatException e) {
        // reported below, with the value the user wrote
      }
    }
    if (parsed == null) {
      report.add(field, TEXTS.text("rules.area-number", quote(v)));
      return null;
    }
    return area(parsed, field, report);
  }
}
