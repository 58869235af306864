package org.courtyard.workorders.internal.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.courtyard.workorders.internal.deadlines.Calendars.SHANGHAI;
import static org.courtyard.workorders.internal.deadlines.Calendars.at;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.courtyard.workorders.internal.MutableClock;
import org.junit.jupiter.api.Test;

/** An order's deadlines through report, pauses, response, completion and reopening. */
class DeadlinesTest {

  /** Respond in 2 h / 1 h / 30 min, resolve in 24 h / 8 h / 4 h, in working hours. */
  private static final DeadlineTerms WORKING =
      DeadlineTerms.ofMinutes(new int[] {120, 60, 30}, new int[] {1440, 480, 240}, true);

  private static final DeadlineTerms ROUND_THE_CLOCK =
      DeadlineTerms.ofMinutes(new int[] {120, 60, 30}, new int[] {1440, 480, 240}, false);

  private final MutableClock clock = new MutableClock(at("2026-03-09T09:00"), SHANGHAI);
  private final Deadlines deadlines = new Deadlines(Calendars.company(), 80, clock);

  private Deadlines.Check checkAt(OrderDeadlines d, Instant when) {
    clock.set(when);
    return deadlines.check(d);
  }

  @Test
  void aNewOrdersDeadlinesAndWarningsCountWorkingHoursOrEveryHour() {
    OrderDeadlines working = deadlines.reported(WORKING, Priority.NORMAL);
    assertThat(working.response().due()).isEqualTo(at("2026-03-09T11:00"));
    assertThat(working.response().warnAt()).isEqualTo(at("2026-03-09T10:36"));
    // Monday 8.5 h, Tuesday 9 h, Wednesday 6.5 h
    assertThat(working.resolution().due()).isEqualTo(at("2026-03-11T15:00"));
    assertThat(working.resolution().warnAt()).isEqualTo(at("2026-03-11T10:12"));

    OrderDeadlines allHours = deadlines.reported(ROUND_THE_CLOCK, Priority.NORMAL);
    assertThat(allHours.response().due()).isEqualTo(at("2026-03-09T11:00"));
    assertThat(allHours.resolution().due()).isEqualTo(at("2026-03-10T09:00"));
    assertThat(allHours.resolution().warnAt()).isEqualTo(at("2026-03-10T04:12"));

    OrderDeadlines emergency = deadlines.reported(ROUND_THE_CLOCK, Priority.EMERGENCY);
    assertThat(emergency.response().due()).isEqualTo(at("2026-03-09T09:30"));
    assertThat(emergency.resolution().due()).isEqualTo(at("2026-03-09T13:00"));
  }

  @Test
  void warningAndBreachComeAtTheirInstantsToTheNanosecond() {
    OrderDeadlines d = deadlines.reported(WORKING, Priority.URGENT);
    Instant warn = d.response().warnAt();
    Instant due = d.response().due();
    assertThat(due).isEqualTo(at("2026-03-09T10:00"));
    assertThat(checkAt(d, warn.minusNanos(1)).response()).isEqualTo(SlaState.ON_TIME);
    assertThat(checkAt(d, warn).response()).isEqualTo(SlaState.WARNING);
    // due at 10:00 means done by 10:00: not late at 10:00 itself
    assertThat(checkAt(d, due).response()).isEqualTo(SlaState.WARNING);
    assertThat(checkAt(d, due.plusNanos(1)).response()).isEqualTo(SlaState.BREACHED);
    assertThat(deadlines.check(d).breached()).isTrue();
  }

  @Test
  void theWarningShareIsTheTenants() {
    Deadlines half = new Deadlines(Calendars.company(), 50, clock);
    assertThat(half.reported(WORKING, Priority.NORMAL).response().warnAt())
        .isEqualTo(at("2026-03-09T10:00"));
    Deadlines atTheEnd = new Deadlines(Calendars.company(), 100, clock);
    OrderDeadlines d = atTheEnd.reported(WORKING, Priority.NORMAL);
    assertThat(d.response().warnAt()).isEqualTo(d.response().due());
    assertThatThrownBy(() -> new Deadlines(Calendars.company(), 0, clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Deadlines(Calendars.company(), 101, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theResponseIsMetByAcceptingByTheDueInstant() {
    OrderDeadlines d = deadlines.reported(WORKING, Priority.URGENT);
    clock.set(at("2026-03-09T10:00"));
    OrderDeadlines onTime = deadlines.responded(d);
    assertThat(onTime.response().metAt()).isEqualTo(at("2026-03-09T10:00"));
    assertThat(checkAt(onTime, at("2026-03-20T10:00")).response()).isEqualTo(SlaState.MET);

    clock.set(at("2026-03-09T10:00:01"));
    OrderDeadlines late = deadlines.responded(d);
    assertThat(deadlines.check(late).response()).isEqualTo(SlaState.MET_LATE);
    assertThat(deadlines.check(late).breached()).isTrue();
    // the resolution clock does not care who accepted when
    assertThat(late.resolution()).isEqualTo(d.resolution());
  }

  @Test
  void aPauseOverTheWeekendCostsOnlyTheWorkingTimeTheOrderWouldHaveUsed() {
    clock.set(at("2026-03-13T14:00"));
    OrderDeadlines d = deadlines.reported(WORKING, Priority.URGENT);
    // Friday 3.5 h, Saturday 3 h, Monday 1.5 h
    assertThat(d.resolution().due()).isEqualTo(at("2026-03-16T10:00"));

    clock.set(at("2026-03-13T17:00"));
    d = deadlines.paused(d);
    assertThat(d.resolution().used()).isEqualTo(Duration.ofHours(3));
    assertThat(d.resolution().due()).isNull();
    assertThat(d.resolution().warnAt()).isNull();
    // the clock stands still: past the old deadline, and days later, the order is only paused
    assertThat(checkAt(d, at("2026-03-16T10:00:01")).resolution()).isEqualTo(SlaState.PAUSED);
    assertThat(checkAt(d, at("2026-03-30T10:00")).resolution()).isEqualTo(SlaState.PAUSED);
    assertThat(d.resolution().used(at("2026-03-30T10:00"), Calendars.company()))
        .isEqualTo(Duration.ofHours(3));

    clock.set(at("2026-03-16T10:00"));
    d = deadlines.resumed(d);
    // five hours left from Monday 10:00
    assertThat(d.resolution().due()).isEqualTo(at("2026-03-16T15:00"));
    assertThat(d.resolution().warnAt()).isEqualTo(at("2026-03-16T13:24"));
    assertThat(d.resolution().pausedTotal()).isEqualTo(Duration.ofHours(65));
    assertThat(checkAt(d, at("2026-03-16T15:00")).resolution()).isEqualTo(SlaState.WARNING);
    assertThat(checkAt(d, at("2026-03-16T15:01")).resolution()).isEqualTo(SlaState.BREACHED);
  }

  @Test
  void aPauseOverTheHolidayWeekAndOvernightPausesAddUp() {
    clock.set(at("2026-09-29T16:00"));
    OrderDeadlines d = deadlines.reported(WORKING, Priority.URGENT);
    clock.set(at("2026-09-29T17:00"));
    d = deadlines.paused(d);
    clock.set(at("2026-09-30T09:00"));
    d = deadlines.resumed(d);
    clock.set(at("2026-09-30T17:00"));
    d = deadlines.paused(d);
    clock.set(at("2026-10-08T08:00"));
    d = deadlines.resumed(d);
    // 1 h on Tuesday and 7 h from 09:00 on Wednesday: due at 16:00, before the second pause began,
    // so that pause does not move it and the order is late when work resumes after the holiday
    assertThat(d.resolution().due()).isEqualTo(at("2026-09-30T16:00"));
    assertThat(checkAt(d, at("2026-10-08T08:00")).resolution()).isEqualTo(SlaState.BREACHED);

    clock.set(at("2026-09-29T16:00"));
    OrderDeadlines e = deadlines.reported(WORKING, Priority.URGENT);
    clock.set(at("2026-09-30T12:00"));
    e = deadlines.paused(e);
    assertThat(e.resolution().used()).isEqualTo(Duration.ofMinutes(60 + 30 + 210));
    clock.set(at("2026-10-08T08:00"));
    e = deadlines.resumed(e);
    // three hours left, counted from Thursday's opening after the holiday
    assertThat(e.resolution().due()).isEqualTo(at("2026-10-08T11:30"));
  }

  @Test
  void roundTheClockAPauseMovesTheDeadlineByItsLength() {
    OrderDeadlines d = deadlines.reported(ROUND_THE_CLOCK, Priority.URGENT);
    Instant due = d.resolution().due();
    clock.advance(Duration.ofHours(2));
    d = deadlines.paused(d);
    clock.advance(Duration.ofHours(10).plusSeconds(7));
    d = deadlines.resumed(d);
    assertThat(d.resolution().due()).isEqualTo(due.plus(Duration.ofHours(10).plusSeconds(7)));
  }

  @Test
  void aBreachBeforeThePauseStaysABreach() {
    OrderDeadlines d = deadlines.reported(ROUND_THE_CLOCK, Priority.EMERGENCY);
    Instant due = d.resolution().due();
    clock.set(due.plusSeconds(1));
    d = deadlines.paused(d);
    assertThat(d.resolution().due()).isEqualTo(due);
    assertThat(deadlines.check(d).resolution()).isEqualTo(SlaState.BREACHED);
    clock.advance(Duration.ofDays(1));
    d = deadlines.resumed(d);
    assertThat(d.resolution().due()).isEqualTo(due);
    clock.advance(Duration.ofHours(1));
    d = deadlines.finished(d);
    assertThat(deadlines.check(d).resolution()).isEqualTo(SlaState.MET_LATE);
  }

  @Test
  void pausedExactlyAtTheDeadlineTheOrderIsLateTheMomentWorkResumes() {
    OrderDeadlines d = deadlines.reported(WORKING, Priority.EMERGENCY);
    Instant due = d.resolution().due();
    clock.set(due);
    d = deadlines.paused(d);
    assertThat(d.resolution().due()).isNull();
    assertThat(d.resolution().warnAt()).isEqualTo(at("2026-03-09T12:12"));
    assertThat(checkAt(d, due.plus(Duration.ofDays(2))).resolution()).isEqualTo(SlaState.PAUSED);
    d = deadlines.resumed(d);
    assertThat(d.resolution().due()).isEqualTo(due.plus(Duration.ofDays(2)));
    assertThat(deadlines.check(d).resolution()).isEqualTo(SlaState.WARNING);
    assertThat(checkAt(d, due.plus(Duration.ofDays(2)).plusNanos(1)).resolution())
        .isEqualTo(SlaState.BREACHED);
  }

  @Test
  void aReopenedOrderGetsAFreshResolutionDeadlineAndKeepsItsResponse() {
    OrderDeadlines d = deadlines.reported(WORKING, Priority.URGENT);
    clock.set(at("2026-03-09T09:20"));
    d = deadlines.responded(d);
    clock.set(at("2026-03-09T10:00"));
    d = deadlines.paused(d);
    clock.set(at("2026-03-09T11:00"));
    d = deadlines.resumed(d);
    clock.set(at("2026-03-09T16:00"));
    d = deadlines.finished(d);
    assertThat(deadlines.check(d).resolution()).isEqualTo(SlaState.MET);
    assertThat(d.resolution().used()).isEqualTo(Duration.ofHours(6));

    clock.set(at("2026-03-12T17:00"));
    OrderDeadlines reopened = deadlines.reopened(d);
    assertThat(reopened.response()).isEqualTo(d.response());
    // the full 8 h again: 30 min on Thursday, 7.5 h on Friday
    assertThat(reopened.resolution().due()).isEqualTo(at("2026-03-13T16:00"));
    assertThat(reopened.resolution().used()).isZero();
    assertThat(reopened.resolution().pausedTotal()).isEqualTo(Duration.ofHours(1));
    assertThat(deadlines.check(reopened).resolution()).isEqualTo(SlaState.ON_TIME);
  }

  @Test
  void anOrderCancelledBeforeAnyoneAcceptedStopsBothClocks() {
    OrderDeadlines d = deadlines.reported(WORKING, Priority.NORMAL);
    clock.set(at("2026-03-09T12:00"));
    d = deadlines.finished(d);
    assertThat(d.response().metAt()).isEqualTo(at("2026-03-09T12:00"));
    assertThat(deadlines.check(d)).isEqualTo(new Deadlines.Check(SlaState.MET_LATE, SlaState.MET));
  }

  @Test
  void aClockRefusesStepsOutOfOrder() {
    OrderDeadlines d = deadlines.reported(WORKING, Priority.NORMAL);
    assertThatThrownBy(() -> deadlines.resumed(d)).isInstanceOf(IllegalStateException.class);
    OrderDeadlines paused = deadlines.paused(d);
    assertThatThrownBy(() -> deadlines.paused(paused)).isInstanceOf(IllegalStateException.class);
    OrderDeadlines done = deadlines.finished(paused);
    assertThatThrownBy(() -> deadlines.finished(done)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void termsGiveAMorePressingPriorityNeverMoreTimeAndNeverLongerToRespondThanToResolve() {
    assertThatThrownBy(
            () ->
                DeadlineTerms.ofMinutes(new int[] {120, 60, 90}, new int[] {1440, 480, 240}, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> DeadlineTerms.ofMinutes(new int[] {120, 60, 30}, new int[] {100, 480, 240}, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> DeadlineTerms.ofMinutes(new int[] {120, 60, 0}, new int[] {1440, 480, 240}, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DeadlineTerms(Map.of(), Map.of(), true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(WORKING.resolution(Priority.URGENT)).isEqualTo(Duration.ofHours(8));
  }
}
