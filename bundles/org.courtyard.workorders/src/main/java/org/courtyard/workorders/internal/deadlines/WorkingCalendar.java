package org.courtyard.workorders.internal.deadlines;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tenant's working hours in its zone: the periods of each weekday, the public holidays (closed
 * whatever the weekday) and the make-up working days (调休: a Saturday or Sunday worked in exchange
 * for a longer holiday), which work the hours of a regular working day unless they say otherwise.
 * Days are the zone's calendar days; periods are converted with the zone's rules, so the answers
 * are right in a zone with daylight saving as well.
 */
public final class WorkingCalendar implements ServiceHours {

  /**
   * How far {@link #after} looks for working time: a calendar must not hide a deadline decades away
   * behind a typo in its holidays.
   */
  private static final int MAX_DAYS = 5 * 366;

  private final ZoneId zone;
  private final Map<DayOfWeek, DayHours> week;
  private final Map<LocalDate, DayHours> exceptions;

  private WorkingCalendar(Builder builder) {
    this.zone = builder.zone;
    this.week = new EnumMap<>(builder.week);
    this.exceptions = Map.copyOf(builder.exceptions);
  }

  /** A calendar in {@code zone} in which nobody works until {@link Builder#hours} says when. */
  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The working periods of {@code date}: its holiday or make-up day first, else its weekday's. */
  public DayHours hoursOn(LocalDate date) {
    DayHours exception = exceptions.get(date);
    return exception != null ? exception : week.getOrDefault(date.getDayOfWeek(), DayHours.CLOSED);
  }

  @Override
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate date = from.atZone(zone).toLocalDate();
        !date.isAfter(last);
        date = date.plusDays(1)) {
      DayHours hours = hoursOn(date);
      for (int i = 0; i < hours.periods(); i++) {
        Instant start = max(at(date, hours.startMinute(i)), from);
        Instant end = min(at(date, hours.endMinute(i)), to);
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  @Override
  public Instant after(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("negative amount " + amount);
    }
    if (amount.isZero()) {
      return start;
    }
    Duration left = amount;
    LocalDate date = start.atZone(zone).toLocalDate();
    for (int day = 0; day < MAX_DAYS; day++, date = date.plusDays(1)) {
      DayHours hours = hoursOn(date);
      for (int i = 0; i < hours.periods(); i++) {
        Instant from = max(at(date, hours.startMinute(i)), start);
        Instant end = at(date, hours.endMinute(i));
        if (!end.isAfter(from)) {
          continue;
        }
        Duration available = Duration.between(from, end);
        if (available.compareTo(left) >= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException(
        "no " + amount + " of working time within " + MAX_DAYS + " days after " + start);
  }

  /** The instant of {@code minute} minutes after the start of {@code date}; 1440 is midnight. */
  private Instant at(LocalDate date, int minute) {
    if (minute == 24 * 60) {
      return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
    return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  @Override
  public String toString() {
    return "working hours in " + zone + " " + week + ", " + exceptions.size() + " exceptions";
  }

  /** Collects the weekly hours, holidays and make-up days; {@link #build} checks them. */
  public static final class Builder {

    private final ZoneId zone;
    private final Map<DayOfWeek, DayHours> week = new EnumMap<>(DayOfWeek.class);
    private final Map<LocalDate, DayHours> exceptions = new HashMap<>();
    private final Map<LocalDate, DayHours> makeUpDays = new HashMap<>();
    private DayHours makeUpHours;

    private Builder(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The working periods of the given weekdays. */
    public Builder hours(DayHours hours, DayOfWeek... days) {
      for (DayOfWeek day : days) {
        week.put(day, hours);
      }
      return this;
    }

    /** Monday to Friday with the same periods. */
    public Builder weekdays(DayHours hours) {
      return hours(
          hours,
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);
    }

    /** The periods a make-up day works when it does not name its own; Monday's by default. */
    public Builder makeUpHours(DayHours hours) {
      this.makeUpHours = hours;
      return this;
    }

    /** A public holiday: closed whatever its weekday. */
    public Builder holiday(LocalDate date) {
      exceptions.put(date, DayHours.CLOSED);
      makeUpDays.remove(date);
      return this;
    }

    /** Every day from {@code first} to {@code last}, both included, is a holiday. */
    public Builder holidays(LocalDate first, LocalDate last) {
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        holiday(d);
      }
      return this;
    }

    /** A make-up working day (调休) with the make-up hours. */
    public Builder workday(LocalDate date) {
      makeUpDays.put(date, null);
      exceptions.remove(date);
      return this;
    }

    /** A make-up working day with its own periods. */
    public Builder workday(LocalDate date, DayHours hours) {
      makeUpDays.put(date, hours);
      exceptions.remove(date);
      return this;
    }

    /**
     * @throws IllegalArgumentException when no weekday has working hours: a deadline in such a
     *     calendar would never come
     */
    public WorkingCalendar build() {
      if (week.values().stream().allMatch(DayHours::closed)) {
        throw new IllegalArgumentException("a working calendar has working hours on some weekday");
      }
      DayHours monday = week.getOrDefault(DayOfWeek.MONDAY, DayHours.CLOSED);
      DayHours standard =
          makeUpHours != null
              ? makeUpHours
              : !monday.closed()
                  ? monday
                  : week.values().stream().filter(h -> !h.closed()).findFirst().orElseThrow();
      makeUpDays.forEach((date, hours) -> exceptions.put(date, hours != null ? hours : standard));
      return new WorkingCalendar(this);
    }
  }
}
