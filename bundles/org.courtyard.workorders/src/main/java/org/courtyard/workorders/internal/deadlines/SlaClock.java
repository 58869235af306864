package org.courtyard.workorders.internal.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One deadline's clock (response or resolution): the time allowed, the counted time used before the
 * current run, since when it runs (null while paused or stopped), since when it is paused, the wall
 * time spent paused, the due and warning instants, and when it was met.
 *
 * <p>Pausing adds the counted time of the run to {@code used}, so a pause over a night, a weekend
 * or a holiday costs the order nothing it would have counted anyway. While paused the due and
 * warning instants are unknown (null: the sweep skips the order), unless they had already passed
 * when the pause began: a breach stays a breach. Resuming sets them from the time still left.
 */
public record SlaClock(
    Duration allowed,
    Duration warnAfter,
    Duration used,
    Instant runningSince,
    Instant pausedSince,
    Duration pausedTotal,
    Instant due,
    Instant warnAt,
    Instant metAt) {

  public SlaClock {
    Objects.requireNonNull(allowed, "allowed");
    Objects.requireNonNull(warnAfter, "warnAfter");
    Objects.requireNonNull(used, "used");
    Objects.requireNonNull(pausedTotal, "pausedTotal");
    if (warnAfter.compareTo(allowed) > 0 || warnAfter.isNegative()) {
      throw new IllegalArgumentException("the warning comes within the allowed time");
    }
    int states =
        (runningSince != null ? 1 : 0) + (pausedSince != null ? 1 : 0) + (metAt != null ? 1 : 0);
    if (states != 1) {
      throw new IllegalArgumentException("a clock is running, paused or met: one of them");
    }
  }

  /** A clock started at {@code at}, warning after {@code warnPercent} of the allowed time. */
  static SlaClock start(Instant at, Duration allowed, int warnPercent, ServiceHours hours) {
    Duration warnAfter = share(allowed, warnPercent);
    return new SlaClock(
        allowed,
        warnAfter,
        Duration.ZERO,
        at,
        null,
        Duration.ZERO,
        hours.after(at, allowed),
        hours.after(at, warnAfter),
        null);
  }

  /** The same clock with the wall time paused carried over from an earlier run of the order. */
  SlaClock withPausedTotal(Duration total) {
    return new SlaClock(
        allowed, warnAfter, used, runningSince, pausedSince, total, due, warnAt, metAt);
  }

  public boolean running() {
    return runningSince != null;
  }

  public boolean paused() {
    return pausedSince != null;
  }

  public boolean met() {
    return metAt != null;
  }

  /** Counted time used by {@code now}: it grows only while the clock runs. */
  public Duration used(Instant now, ServiceHours hours) {
    return running() ? used.plus(hours.between(runningSince, now)) : used;
  }

  /**
   * Stops the clock for a pause. A deadline passed before the pause stays (the order is late); one
   * reached exactly at the pause is not passed yet and moves, as a warning reached by then stays.
   *
   * @throws IllegalStateException when it is not running
   */
  SlaClock pause(Instant at, ServiceHours hours) {
    requireRunning("paused");
    return new SlaClock(
        allowed,
        warnAfter,
        used(at, hours),
        null,
        at,
        pausedTotal,
        due != null && at.isAfter(due) ? due : null,
        warnAt != null && !at.isBefore(warnAt) ? warnAt : null,
        null);
  }

  /**
   * Runs the clock again after a pause, with the time that was left when it paused.
   *
   * @throws IllegalStateException when it is not paused
   */
  SlaClock resume(Instant at, ServiceHours hours) {
    if (!paused()) {
      throw new IllegalStateException("a clock that is not paused cannot be resumed");
    }
    Duration pausedFor =
        at.isAfter(pausedSince) ? Duration.between(pausedSince, at) : Duration.ZERO;
    return new SlaClock(
        allowed,
        warnAfter,
        used,
        at,
        null,
        pausedTotal.plus(pausedFor),
        due != null ? due : hours.after(at, left(allowed)),
        warnAt != null ? warnAt : hours.after(at, left(warnAfter)),
        null);
  }

  /** Stops the clock for good: responded, or the job is done (or the order cancelled). */
  SlaClock meet(Instant at, ServiceHours hours) {
    if (met()) {
      throw new IllegalStateException("the clock was met already");
    }
    Duration pausedFor =
        paused() && at.isAfter(pausedSince) ? Duration.between(pausedSince, at) : Duration.ZERO;
    return new SlaClock(
        allowed,
        warnAfter,
        used(at, hours),
        null,
        null,
        pausedTotal.plus(pausedFor),
        due,
        warnAt,
        at);
  }

  /** Where the clock stands at {@code now}. */
  public SlaState state(Instant now) {
    if (met()) {
      return due != null && metAt.isAfter(due) ? SlaState.MET_LATE : SlaState.MET;
    }
    if (due != null && now.isAfter(due)) {
      return SlaState.BREACHED;
    }
    if (paused()) {
      return SlaState.PAUSED;
    }
    return now.isBefore(warnAt) ? SlaState.ON_TIME : SlaState.WARNING;
  }

  /** {@code percent} of {@code allowed}, rounded down to the second. */
  static Duration share(Duration allowed, int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("the warning share is 1 to 100 percent: " + percent);
    }
    return Duration.ofSeconds(allowed.getSeconds() * percent / 100);
  }

  private Duration left(Duration of) {
    Duration left = of.minus(used);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void requireRunning(String what) {
    if (!running()) {
      throw new IllegalStateException("a clock that is not running cannot be " + what);
    }
  }
}
