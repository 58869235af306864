package org.courtyard.workorders.internal.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.courtyard.workorders.internal.deadlines.Calendars.SHANGHAI;
import static org.courtyard.workorders.internal.deadlines.Calendars.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working time counted and added in the company's hours, holidays and make-up days. */
class WorkingCalendarTest {

  private final WorkingCalendar calendar = Calendars.company();

  @ParameterizedTest(name = "{0} + {1} min = {2}")
  @CsvSource({
    // inside one day
    "2026-03-09T09:00, 60, 2026-03-09T10:00",
    // lands exactly at closing time: due at 17:30 that day, not at the next opening
    "2026-03-09T15:30, 120, 2026-03-09T17:30",
    // one minute more runs into the next morning
    "2026-03-09T15:30, 121, 2026-03-10T08:31",
    // reported at closing time or at night: counting starts at the next opening
    "2026-03-09T17:30, 1, 2026-03-10T08:31",
    "2026-03-09T22:00, 60, 2026-03-10T09:30",
    "2026-03-09T06:00, 60, 2026-03-09T09:30",
    // Friday evening runs into Saturday morning's three hours
    "2026-03-13T17:00, 60, 2026-03-14T09:30",
    // Saturday's hours end at noon; Sunday is closed
    "2026-03-14T11:00, 120, 2026-03-16T09:30",
    // a whole working week, 5 x 9 h + 3 h, ends at Saturday noon
    "2026-03-09T08:30, 2880, 2026-03-14T12:00",
    // lands exactly where the holiday starts: due at closing the day before, not after the week
    "2026-09-30T15:30, 120, 2026-09-30T17:30",
    // the holiday week counts nothing
    "2026-09-30T17:00, 60, 2026-10-08T09:00",
    "2026-10-03T10:00, 60, 2026-10-08T09:30",
    // a make-up Sunday works a full Monday
    "2026-09-26T11:00, 120, 2026-09-27T09:30",
    "2026-09-27T17:00, 60, 2026-09-28T09:00",
    // a make-up Saturday too, not Saturday's short morning
    "2026-10-10T11:00, 120, 2026-10-10T13:00",
    // zero time is due at once, even at night
    "2026-03-09T22:00, 0, 2026-03-09T22:00",
  })
  void addsWorkingTime(String start, long minutes, String due) {
    assertThat(calendar.after(at(start), Duration.ofMinutes(minutes))).isEqualTo(at(due));
    if (minutes > 0) {
      assertThat(calendar.between(at(start), at(due))).isEqualTo(Duration.ofMinutes(minutes));
    }
  }

  @ParameterizedTest(name = "{0} to {1} = {2} min")
  @CsvSource({
    "2026-03-09T09:00, 2026-03-09T10:00, 60",
    "2026-03-09T17:30, 2026-03-10T08:30, 0",
    "2026-03-13T17:00, 2026-03-16T09:00, 240",
    "2026-09-30T17:00, 2026-10-08T09:00, 60",
    "2026-09-25T17:30, 2026-09-28T08:30, 720",
    "2026-03-10T10:00, 2026-03-09T10:00, 0",
  })
  void countsWorkingTimeBetweenTwoInstants(String from, String to, long minutes) {
    assertThat(calendar.between(at(from), at(to))).isEqualTo(Duration.ofMinutes(minutes));
  }

  @Test
  void daysWithALunchBreakSkipIt() {
    WorkingCalendar lunch =
        WorkingCalendar.builder(SHANGHAI)
            .weekdays(DayHours.of("08:30-12:00", "13:30-17:30"))
            .build();
    assertThat(lunch.after(at("2026-03-09T11:30"), Duration.ofMinutes(60)))
        .isEqualTo(at("2026-03-09T14:00"));
    // exactly at the start of the break: due at 12:00, not at 13:30
    assertThat(lunch.after(at("2026-03-09T11:30"), Duration.ofMinutes(30)))
        .isEqualTo(at("2026-03-09T12:00"));
    assertThat(lunch.between(at("2026-03-09T08:00"), at("2026-03-09T18:00")))
        .isEqualTo(Duration.ofMinutes(450));
    assertThat(lunch.hoursOn(LocalDate.of(2026, 3, 9)).totalMinutes()).isEqualTo(450);
  }

  @Test
  void holidaysAndMakeUpDaysReplaceTheirWeekday() {
    assertThat(calendar.hoursOn(LocalDate.of(2026, 10, 1))).isEqualTo(DayHours.CLOSED);
    assertThat(calendar.hoursOn(LocalDate.of(2026, 9, 27))).isEqualTo(DayHours.of("08:30-17:30"));
    assertThat(calendar.hoursOn(LocalDate.of(2026, 10, 10))).isEqualTo(DayHours.of("08:30-17:30"));
    assertThat(calendar.hoursOn(LocalDate.of(2026, 10, 17))).isEqualTo(DayHours.of("09:00-12:00"));
    WorkingCalendar own =
        WorkingCalendar.builder(SHANGHAI)
            .weekdays(DayHours.of("08:30-17:30"))
            .makeUpHours(DayHours.of("09:00-17:00"))
            .workday(LocalDate.of(2026, 9, 27))
            .workday(LocalDate.of(2026, 10, 11), DayHours.of("10:00-12:00"))
            .build();
    assertThat(own.hoursOn(LocalDate.of(2026, 9, 27))).isEqualTo(DayHours.of("09:00-17:00"));
    assertThat(own.hoursOn(LocalDate.of(2026, 10, 11))).hasToString("10:00-12:00");
  }

  @Test
  void aDayCanEndAtMidnight() {
    WorkingCalendar allDay =
        WorkingCalendar.builder(SHANGHAI)
            .hours(DayHours.of("00:00-24:00"), DayOfWeek.values())
            .build();
    assertThat(allDay.between(at("2026-03-09T00:00"), at("2026-03-16T00:00")))
        .isEqualTo(Duration.ofDays(7));
    assertThat(allDay.after(at("2026-03-09T23:00"), Duration.ofHours(2)))
        .isEqualTo(at("2026-03-10T01:00"));
  }

  @Test
  void shanghaiHasNoDaylightSavingSoEveryDayHas24HoursWhereBerlinsSpringDayHas23() {
    for (ZoneId zone : new ZoneId[] {SHANGHAI, ZoneId.of("Europe/Berlin")}) {
      WorkingCalendar allDay =
          WorkingCalendar.builder(zone)
              .hours(DayHours.of("00:00-24:00"), DayOfWeek.values())
              .build();
      // 29 March 2026: Europe's clocks jump from 02:00 to 03:00
      Duration day =
          allDay.between(
              LocalDateTime.parse("2026-03-29T00:00").atZone(zone).toInstant(),
              LocalDateTime.parse("2026-03-30T00:00").atZone(zone).toInstant());
      assertThat(day)
          .isEqualTo(zone.equals(SHANGHAI) ? Duration.ofHours(24) : Duration.ofHours(23));
    }
    // every day of a Shanghai year counts exactly its working periods, from midnight to midnight
    for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
      Duration counted =
          calendar.between(
              d.atStartOfDay(SHANGHAI).toInstant(),
              d.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
      assertThat(counted).isEqualTo(Duration.ofMinutes(calendar.hoursOn(d).totalMinutes()));
    }
  }

  @Test
  void roundTheClockCountsEverything() {
    ServiceHours all = ServiceHours.ROUND_THE_CLOCK;
    assertThat(all.after(at("2026-09-30T17:00"), Duration.ofHours(1)))
        .isEqualTo(at("2026-09-30T18:00"));
    assertThat(all.between(at("2026-09-30T17:00"), at("2026-10-08T17:00")))
        .isEqualTo(Duration.ofDays(8));
    assertThat(all.between(at("2026-10-08T17:00"), at("2026-09-30T17:00"))).isZero();
  }

  @Test
  void hoursReadAndWriteTheStoredForm() {
    assertThat(DayHours.parse("08:30-12:00,13:30-17:30"))
        .isEqualTo(DayHours.of("08:30-12:00", "13:30-17:30"));
    assertThat(DayHours.parse("08:30-12:00,13:30-17:30").stored())
        .isEqualTo("08:30-12:00,13:30-17:30");
    assertThat(DayHours.parse("")).isEqualTo(DayHours.CLOSED);
    assertThat(DayHours.CLOSED.stored()).isEmpty();
    assertThat(DayHours.parse("00:00-24:00").totalMinutes()).isEqualTo(1440);
    assertThatThrownBy(() -> DayHours.parse("08:30-12:00,"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badHoursAreRefused() {
    assertThatThrownBy(() -> DayHours.of("8:30-17:30"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DayHours.of("17:30-08:30"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DayHours.of("08:30-12:00", "11:00-17:30"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DayHours.of("08:30-24:30"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WorkingCalendar.builder(SHANGHAI).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.after(at("2026-03-09T09:00"), Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCalendarWhoseWorkingDaysAreAllHolidaysGivesUpInsteadOfLoopingForever() {
    WorkingCalendar closed =
        WorkingCalendar.builder(SHANGHAI)
            .hours(DayHours.of("09:00-10:00"), DayOfWeek.MONDAY)
            .holidays(LocalDate.of(2026, 1, 1), LocalDate.of(2036, 12, 31))
            .build();
    assertThatThrownBy(() -> closed.after(at("2026-03-09T09:00"), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
