package org.courtyard.workorders.internal.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Params;

/**
 * What a technician's shifts must be: each on a day of the range being replaced, from and to
 * written HH:MM in the tenant's zone, ending the next day when "to" is not after "from" (a night
 * shift), never the same instant; and no two of them overlapping. The database's exclusion
 * constraint refuses an overlap with a shift outside the range as well.
 */
public final class DutyRules {

  private static final Texts TEXTS = Texts.of(DutyRules.class);
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  /** The widest range one request reads or replaces: a quarter. */
  static final int MAX_RANGE_DAYS = 92;

  /** Shifts in one replacement: a few a day over the widest range. */
  static final int MAX_SHIFTS = 400;

  private DutyRules() {}

  /** A shift as stored: its day and wall times, and the instants they are in the zone. */
  record Shift(LocalDate day, LocalTime from, LocalTime to, Instant startsAt, Instant endsAt) {}

  /** A range of days, both included. */
  record Days(LocalDate from, LocalDate to) {}

  /**
   * The days {@code from} to {@code to}: both given, in order, at most {@value #MAX_RANGE_DAYS}
   * days; when {@code required} is false a missing {@code from} is today and a missing {@code to}
   * six days after {@code from}.
   *
   * @throws org.courtyard.api.ProblemException 400 {@code invalid-parameter}
   */
  static Days days(String from, String to, LocalDate today, boolean required) {
    LocalDate f = Params.date("from", from);
    LocalDate t = Params.date("to", to);
    if (required && (f == null || t == null)) {
      throw Params.invalid(TEXTS.text("duty.range-required"));
    }
    if (f == null) {
      f = t == null ? today : t.minusDays(6);
    }
    if (t == null) {
      t = f.plusDays(6);
    }
    if (t.isBefore(f) || ChronoUnit.DAYS.between(f, t) >= MAX_RANGE_DAYS) {
      throw Params.invalid(TEXTS.text("duty.range", MAX_RANGE_DAYS));
    }
    return new Days(f, t);
  }

  /**
   * The shifts of {@code in} in {@code zone}, sorted by start.
   *
   * @throws org.courtyard.api.ProblemException 422 {@code validation-failed} naming every wrong
   *     field, such as {@code shifts[1].to}, and each shift that overlaps an earlier one
   */
  static List<Shift> check(DutyInput in, Days days, ZoneId zone) {
    FieldErrors errors = new FieldErrors();
    List<DutyInput.ShiftInput> shifts = in.shifts() == null ? List.of() : in.shifts();
    if (shifts.size() > MAX_SHIFTS) {
      errors.add("shifts", TEXTS.text("duty.too-many", MAX_SHIFTS));
      errors.throwIfAny();
    }
    List<Shift> checked = new ArrayList<>();
    List<Integer> index = new ArrayList<>();
    for (int i = 0; i < shifts.size(); i++) {
      DutyInput.ShiftInput s = shifts.get(i);
      String field = "shifts[" + i + "]";
      if (s == null) {
        errors.add(field, TEXTS.text("duty.shift"));
        continue;
      }
      LocalDate day = date(s.day());
      if (day == null) {
        errors.add(field + ".day", TEXTS.text("duty.day"));
      } else if (day.isBefore(days.from()) || day.isAfter(days.to())) {
        errors.add(field + ".day", TEXTS.text("duty.day-in-range", days.from(), days.to()));
        day = null;
      }
      LocalTime from = time(s.from());
      if (from == null) {
        errors.add(field + ".from", TEXTS.text("duty.time"));
      }
      LocalTime to = time(s.to());
      if (to == null) {
        errors.add(field + ".to", TEXTS.text("duty.time"));
      } else if (to.equals(from)) {
        errors.add(field + ".to", TEXTS.text("duty.empty"));
        to = null;
      }
      if (day == null || from == null || to == null) {
        continue;
      }
      Instant starts = ZonedDateTime.of(day, from, zone).toInstant();
      LocalDate endDay = to.isAfter(from) ? day : day.plusDays(1);
      Instant ends = ZonedDateTime.of(endDay, to, zone).toInstant();
      if (!ends.isAfter(starts)) {
        // a daylight-saving jump swallowed the whole shift
        errors.add(field + ".to", TEXTS.text("duty.empty"));
        continue;
      }
      for (int j = 0; j < checked.size(); j++) {
        Shift other = checked.get(j);
        if (starts.isBefore(other.endsAt()) && other.startsAt().isBefore(ends)) {
          errors.add(field, TEXTS.text("duty.overlap", "shifts[" + index.get(j) + "]"));
        }
      }
      checked.add(new Shift(day, from, to, starts, ends));
      index.add(i);
    }
    errors.throwIfAny();
    checked.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
    return List.copyOf(checked);
  }

  private static LocalDate date(String value) {
    try {
      return value == null ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalTime time(String value) {
    if (value == null || !TIME.matcher(value.strip()).matches()) {
      return null;
    }
    return LocalTime.parse(value.strip());
  }
}
