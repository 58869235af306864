package org.courtyard.workorders.internal.settings;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.workorders.internal.deadlines.DayHours;

/**
 * What a settings or calendar edit must hold, checked field by field so that every wrong field is
 * named in one 422: the limits of the schema's CHECK constraints, a real time zone, and periods
 * {@link DayHours} reads (sorted, not overlapping, within the day). Values come back in their
 * stored form: {@code "08:30-12:00, 13:30-17:30"} is stored {@code "08:30-12:00,13:30-17:30"}.
 */
public final class SettingsRules {

  private static final Texts TEXTS = Texts.of(SettingsRules.class);

  /** The width of the schema's hours and names columns. */
  static final int MAX_TEXT = 100;

  /** A calendar is a few years of holidays, not a list of every day. */
  static final int MAX_DAYS = 2000;

  private SettingsRules() {}

  /** Settings as they will be stored. */
  record Settings(
      String timeZone, int warnPercent, int autoConfirmDays, int reopenDays, String makeupHours) {}

  /** A calendar as it will be stored: the hours of weekdays 1 to 7 and the dated exceptions. */
  record Calendar(Map<Integer, String> weekdays, List<CalendarView.CalendarDay> days) {}

  /**
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every wrong
   *     field
   */
  static Settings check(SettingsView in) {
    FieldErrors errors = new FieldErrors();
    String zone = in.timeZone() == null ? null : in.timeZone().strip();
    if (zone == null || zone.length() > 64 || !validZone(zone)) {
      errors.add("timeZone", TEXTS.text("settings.time-zone"));
    }
    range(errors, "warnPercent", in.warnPercent(), 1, 100, TEXTS.text("settings.warn-percent"));
    range(
        errors,
        "autoConfirmDays",
        in.autoConfirmDays(),
        0,
        90,
        TEXTS.text("settings.auto-confirm-days"));
    range(errors, "reopenDays", in.reopenDays(), 0, 365, TEXTS.text("settings.reopen-days"));
    String makeUp = null;
    if (in.makeupHours() != null && !in.makeupHours().isBlank()) {
      makeUp = periods(in.makeupHours());
      if (makeUp == null || makeUp.isEmpty()) {
        errors.add("makeupHours", TEXTS.text("settings.makeup-hours"));
      }
    }
    if (in.version() == null) {
      errors.add("version", TEXTS.text("field.version-required"));
    }
    errors.throwIfAny();
    return new Settings(zone, in.warnPercent(), in.autoConfirmDays(), in.reopenDays(), makeUp);
  }

  /**
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every wrong
   *     field, such as {@code weekdays.6} or {@code days[3].hours}
   */
  static Calendar check(CalendarView in) {
    FieldErrors errors = new FieldErrors();
    Map<Integer, String> week = new TreeMap<>();
    if (in.weekdays() == null) {
      errors.add("weekdays", TEXTS.text("calendar.weekdays"));
    } else {
      for (Map.Entry<String, String> e : in.weekdays().entrySet()) {
        Integer day = weekday(e.getKey());
        if (day == null) {
          errors.add("weekdays." + e.getKey(), TEXTS.text("calendar.weekday"));
          continue;
        }
        String hours = e.getValue() == null ? null : periods(e.getValue());
        if (hours == null) {
          errors.add("weekdays." + e.getKey(), TEXTS.text("calendar.weekday-hours"));
        } else {
          week.put(day, hours);
        }
      }
      if (in.weekdays().size() != 7 || week.size() != 7) {
        if (errors.isEmpty()) {
          errors.add("weekdays", TEXTS.text("calendar.weekdays"));
        }
      } else if (week.values().stream().allMatch(String::isEmpty)) {
        errors.add("weekdays", TEXTS.text("calendar.no-working-day"));
      }
    }
    List<CalendarView.CalendarDay> days = new ArrayList<>();
    if (in.days() != null) {
      if (in.days().size() > MAX_DAYS) {
        errors.add("days", TEXTS.text("calendar.too-many-days", MAX_DAYS));
      } else {
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < in.days().size(); i++) {
          CalendarView.CalendarDay d = in.days().get(i);
          String field = "days[" + i + "]";
          if (d == null) {
            errors.add(field, TEXTS.text("calendar.day"));
            continue;
          }
          CalendarView.CalendarDay checked = day(d, field, seen, i, errors);
          if (checked != null) {
            days.add(checked);
          }
        }
      }
    }
    if (in.version() == null) {
      errors.add("version", TEXTS.text("field.version-required"));
    }
    errors.throwIfAny();
    days.sort((a, b) -> a.day().compareTo(b.day()));
    return new Calendar(week, days);
  }

  private static CalendarView.CalendarDay day(
      CalendarView.CalendarDay d,
      String field,
      Map<LocalDate, Integer> seen,
      int index,
      FieldErrors errors) {
    boolean ok = true;
    LocalDate date = null;
    try {
      date = d.day() == null ? null : LocalDate.parse(d.day().strip());
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (date == null) {
      errors.add(field + ".day", TEXTS.text("calendar.day"));
      ok = false;
    } else {
      Integer first = seen.putIfAbsent(date, index);
      if (first != null) {
        errors.add(field + ".day", TEXTS.text("calendar.day-twice", date, first));
        ok = false;
      }
    }
    String kind = d.kind() == null ? null : d.kind().strip();
    if (!"holiday".equals(kind) && !"workday".equals(kind)) {
      errors.add(field + ".kind", TEXTS.text("calendar.kind"));
      ok = false;
    }
    String hours = null;
    if (d.hours() != null && !d.hours().isBlank()) {
      if ("holiday".equals(kind)) {
        errors.add(field + ".hours", TEXTS.text("calendar.holiday-hours"));
        ok = false;
      } else {
        hours = periods(d.hours());
        if (hours == null || hours.isEmpty()) {
          errors.add(field + ".hours", TEXTS.text("calendar.day-hours"));
          ok = false;
        }
      }
    }
    String name = d.name() == null || d.name().isBlank() ? null : d.name().strip();
    if (name != null && name.length() > MAX_TEXT) {
      errors.add(field + ".name", TEXTS.text("calendar.name", MAX_TEXT));
      ok = false;
    }
    return ok ? new CalendarView.CalendarDay(date.toString(), kind, hours, name) : null;
  }

  /** The stored form of comma-separated periods; "" for none; null when they do not read. */
  static String periods(String written) {
    try {
      String stored = DayHours.parse(written).stored();
      return stored.length() <= MAX_TEXT ? stored : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** "1" to "7", the ISO weekday; null otherwise. */
  private static Integer weekday(String key) {
    if (key == null || !key.matches("[1-7]")) {
      return null;
    }
    return DayOfWeek.of(Integer.parseInt(key)).getValue();
  }

  private static void range(
      FieldErrors errors, String field, Integer value, int min, int max, Text message) {
    if (value == null || value < min || value > max) {
      errors.add(field, message);
    }
  }

  private static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }
}
