package org.courtyard.residents.internal.validation;

import static org.courtyard.api.TextRules.IS_REQUIRED;
import static org.courtyard.api.TextRules.optionalLine;
import static org.courtyard.api.TextRules.quote;
import static org.courtyard.api.TextRules.requiredLine;
import static org.courtyard.api.TextRules.trimToNull;
import static org.courtyard.api.TextRules.withinLength;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.courtyard.api.FieldReport;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;

/**
 * Field rules of persons, occupancies and vehicles. Each method takes the raw value, reports what
 * is wrong with it to {@code report} as {@code (field, message)} and returns the normalised value,
 * or {@code null} when it reported a problem. Strings are trimmed (including the ideographic space
 * U+3000 that Chinese input methods produce), blank optional strings become {@code null}. Phone
 * numbers, identity numbers, plates and shares have classes of their own.
 */
public final class Rules {

  private static final Texts TEXTS = Texts.of(Rules.class);

  public static final int NAME_MAX = 100;
  public static final int EMAIL_MAX = 254;
  public static final int NOTE_MAX = 1000;
  public static final int DOCUMENT_NUMBER_MAX = 32;
  public static final int COLOR_MAX = 20;

  /** Dates outside this range are typing errors, not move-in or move-out dates. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);

  public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

  /** One @, something on each side, a dot in the domain, no white space: loose on purpose. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private Rules() {}

  /** Whether {@code v} has the shape of an e-mail address (what {@link #email} accepts). */
  public static boolean isEmail(String v) {
    return v != null && v.length() <= EMAIL_MAX && EMAIL.matcher(v).matches();
  }

  /** A required name of 1 to 100 characters on one line. */
  public static String name(String raw, String field, FieldReport report) {
    return requiredLine(raw, field, NAME_MAX, report);
  }

  /** An optional note: several lines allowed, at most 1000 characters; blank means absent. */
  public static String note(String raw, String field, FieldReport report) {
    String v = trimToNull(raw);
    if (v == null) {
      return null;
    }
    if (!withinLength(v, field, NOTE_MAX, report)) {
      return null;
    }
    if (v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      report.add(field, TEXTS.text("rules.note-control"));
      return null;
    }
    return v;
  }

  /** An optional e-mail address, checked for its shape only; blank means absent. */
  public static String email(String raw, String field, FieldReport report) {
    String v = optionalLine(raw, field, EMAIL_MAX, report);
    if (v != null && !EMAIL.matcher(v).matches()) {
      report.add(field, TEXTS.text("rules.email", quote(v)));
      return null;
    }
    return v;
  }

  /** A required date between 1900 and 2199. */
  public static LocalDate date(LocalDate value, String field, FieldReport report) {
    if (value == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    if (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE)) {
      report.add(field, TEXTS.text("rules.date-range", EARLIEST_DATE, LATEST_DATE, value));
      return null;
    }
    return value;
  }

  public static OccupancyRole role(String raw, String field, FieldReport report) {
    String v = trimToNull(raw);
    if (v == null) {
      report.add(field, IS_REQUIRED);
      return null;
    }
    OccupancyRole role = OccupancyRole.parse(v).orElse(null);
    if (role == null) {
      report.add(field, TEXTS.text("rules.one-of", OccupancyRole.allowedValues(), quote(v)));
    }
    return role;
  }

  /** An identity document: its type and number, both absent when no number was given. */
  public record Identity(IdType type, String number) {
    public String typeValue() {
      return type == null ? null : type.value();
    }
  }

  /**
   * The identity document of a person. The number is optional; with a number, the type defaults to
   * resident_id. A resident identity number must be a valid one (length, date of birth, check
   * character) and is stored with an upper-case X; passport and other numbers are free text on one
   * line, passport numbers in upper case. Without a number the type is kept if sent, so that a form
   * whose type field has a default does not fail.
   *
   * @return the identity, or {@code null} after reporting a problem
   */
  public static Identity identity(
      String rawType, String rawNumber, String typeField, String numberField, FieldReport report) {
    String t = trimToNull(rawType);
    IdType type = null;
    if (t != null) {
      type = IdType.parse(t).orElse(null);
      if (type == null) {
        report.add(typeField, TEXTS.text("rules.one-of", IdType.allowedValues(), quote(t)));
        return null;
      }
    }
    String n = trimToNull(rawNumber);
    if (n == null) {
      return new Identity(type, null);
    }
    if (type == null) {
      type = IdType.RESIDENT_ID;
    }
    String number;
    switch (type) {
      case RESIDENT_ID -> {
        number = ResidentIdNumbers.normalize(n);
        Text problem = ResidentIdNumbers.problem(number);
        if (problem != null) {
          report.add(numberField, problem);
          return null;
        }
      }
      case PASSPORT ->
          number =
              requiredLine(n.toUpperCase(Locale.ROOT), numberField, DOCUMENT_NUMBER_MAX, report);
      default -> number = requiredLine(n, numberField, DOCUMENT_NUMBER_MAX, report);
    }
    return number == null ? null : new Identity(type, number);
  }
}
