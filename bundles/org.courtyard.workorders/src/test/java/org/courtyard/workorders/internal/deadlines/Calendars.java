package org.courtyard.workorders.internal.deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** The calendar the deadline tests share, and local times in its zone. */
final class Calendars {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private Calendars() {}

  /**
   * Monday to Friday 08:30–17:30, Saturday 09:00–12:00; a holiday week from Thursday 1 to Wednesday
   * 7 October 2026, paid for by two make-up days: Sunday 27 September and Saturday 10 October,
   * which work a full Monday.
   */
  static WorkingCalendar company() {
    return WorkingCalendar.builder(SHANGHAI)
        .weekdays(DayHours.of("08:30-17:30"))
        .hours(DayHours.of("09:00-12:00"), DayOfWeek.SATURDAY)
        .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7))
        .workday(LocalDate.of(2026, 9, 27))
        .workday(LocalDate.of(2026, 10, 10))
        .build();
  }

  /** {@code 2026-03-09T16:30} in Shanghai. */
  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }
}
