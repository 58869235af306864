package org.courtyard.workorders.internal.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A tenant's deadline rules: its working calendar, the share of the allowed time after which an
 * order is flagged, and the clock. The order service calls one method per lifecycle step that
 * touches a deadline and stores the result in the order's deadline columns; the sweep asks {@link
 * #check} (or compares the stored instants in SQL, which is the same rule).
 */
public final class Deadlines {

  private final WorkingCalendar calendar;
  private final int warnPercent;
  private final Clock clock;

  /**
   * @param warnPercent the share of the allowed time, 1 to 100, after which the order is flagged
   */
  public Deadlines(WorkingCalendar calendar, int warnPercent, Clock clock) {
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (warnPercent < 1 || warnPercent > 100) {
      throw new IllegalArgumentException("the warning share is 1 to 100 percent: " + warnPercent);
    }
    this.warnPercent = warnPercent;
  }

  /**
   * The time after which a clock allowed {@code allowed} warns, at {@code warnPercent}: what a
   * clock read back from the database needs to run again.
   */
  public static Duration warnAfter(Duration allowed, int warnPercent) {
    return SlaClock.share(allowed, warnPercent);
  }

  /** The hours a category's deadlines count in. */
  public ServiceHours hours(boolean workingHours) {
    return workingHours ? calendar : ServiceHours.ROUND_THE_CLOCK;
  }

  /** A new order's deadlines: both clocks start now. */
  public OrderDeadlines reported(DeadlineTerms terms, Priority priority) {
    Instant now = clock.instant();
    ServiceHours hours = hours(terms.workingHours());
    return new OrderDeadlines(
        SlaClock.start(now, terms.response(priority), warnPercent, hours),
        SlaClock.start(now, terms.resolution(priority), warnPercent, hours),
        terms.workingHours());
  }

  /** A technician accepted (or grabbed) the order: the response deadline is met, or missed. */
  public OrderDeadlines responded(OrderDeadlines d) {
    return new OrderDeadlines(
        d.response().meet(clock.instant(), hours(d.workingHours())),
        d.resolution(),
        d.workingHours());
  }

  /** The order is paused: the resolution clock stops. */
  public OrderDeadlines paused(OrderDeadlines d) {
    return new OrderDeadlines(
        d.response(),
        d.resolution().pause(clock.instant(), hours(d.workingHours())),
        d.workingHours());
  }

  /** Work goes on: the resolution clock runs with the time that was left. */
  public OrderDeadlines resumed(OrderDeadlines d) {
    return new OrderDeadlines(
        d.response(),
        d.resolution().resume(clock.instant(), hours(d.workingHours())),
        d.workingHours());
  }

  /**
   * The job is done, or the order cancelled: the resolution clock stops for good (and the response
   * clock too, if nobody had accepted the order).
   */
  public OrderDeadlines finished(OrderDeadlines d) {
    Instant now = clock.instant();
    ServiceHours hours = hours(d.workingHours());
    return new OrderDeadlines(
        d.response().met() ? d.response() : d.response().meet(now, hours),
        d.resolution().meet(now, hours),
        d.workingHours());
  }

  /**
   * The order was reopened: a fresh resolution clock with the full allowed time from now. The
   * response deadline was met once and stays as it was; the time spent paused adds up over the
   * order's life, for the reports.
   */
  public OrderDeadlines reopened(OrderDeadlines d) {
    SlaClock previous = d.resolution();
    SlaClock fresh =
        SlaClock.start(clock.instant(), previous.allowed(), warnPercent, hours(d.workingHours()));
    return new OrderDeadlines(
        d.response(), fresh.withPausedTotal(previous.pausedTotal()), d.workingHours());
  }

  /** Where each deadline stands now. */
  public Check check(OrderDeadlines d) {
    Instant now = clock.instant();
    return new Check(d.response().state(now), d.resolution().state(now));
  }

  /** The state of both deadlines at one instant. */
  public record Check(SlaState response, SlaState resolution) {

    /** Whether either deadline is missed, or being missed. */
    public boolean breached() {
      return response == SlaState.BREACHED
          || resolution == SlaState.BREACHED
          || response == SlaState.MET_LATE
          || resolution == SlaState.MET_LATE;
    }
  }
}
