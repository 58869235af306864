package org.courtyard.workorders.internal.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.workorders.internal.deadlines.Calendars.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Many random orders with random pause sequences against the company calendar and round the clock,
 * each checked against a reference computed the slow way: the used time is the counted time of the
 * running stretches, never decreases, and the deadline is the first instant the allowed time is
 * used up; a longer allowed time never gives an earlier deadline. The seeds are fixed, so a failure
 * can be replayed.
 */
class DeadlinePropertiesTest {

  private static final Instant YEAR_START = at("2026-01-01T00:00");
  private static final int ORDERS = 400;

  private static final ServiceHours[] HOURS = {Calendars.company(), ServiceHours.ROUND_THE_CLOCK};

  /** A random gap: seconds, minutes, hours, or days (over nights, weekends and holidays). */
  private static Duration gap(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> Duration.ofSeconds(random.nextInt(120));
      case 1 -> Duration.ofMinutes(random.nextInt(240));
      case 2 -> Duration.ofHours(random.nextInt(30)).plusSeconds(random.nextInt(3600));
      default -> Duration.ofDays(random.nextInt(9)).plusMinutes(random.nextInt(1440));
    };
  }

  /** Pause and resume instants, alternating, after {@code start}. */
  private static List<Instant> pauses(Random random, Instant start) {
    List<Instant> steps = new ArrayList<>();
    Instant t = start;
    for (int i = 2 * random.nextInt(6); i > 0; i--) {
      t = t.plus(gap(random));
      steps.add(t);
    }
    return steps;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 2026, 13})
  void usedTimeAndDeadlinesFollowTheRunningStretches(long seed) {
    Random random = new Random(seed);
    for (int order = 0; order < ORDERS; order++) {
      ServiceHours hours = HOURS[random.nextInt(HOURS.length)];
      Instant start = YEAR_START.plusSeconds(random.nextInt(360 * 24 * 3600));
      Duration allowed =
          Duration.ofMinutes(1 + random.nextInt(3000)).plusSeconds(random.nextInt(60));
      List<Instant> steps = pauses(random, start);
      String what = hours + " start " + start + " allowed " + allowed + " steps " + steps;

      SlaClock clock = SlaClock.start(start, allowed, 80, hours);
      List<Instant[]> running = new ArrayList<>();
      Instant runningSince = start;
      Duration previous = Duration.ZERO;
      Instant now = start;
      for (int i = 0; i <= steps.size(); i++) {
        Instant next = i < steps.size() ? steps.get(i) : now.plus(gap(random));
        // probe between the steps, in time order
        List<Instant> probes = new ArrayList<>();
        for (int probe = 0; probe < 3; probe++) {
          long span = Duration.between(now, next).toMillis();
          probes.add(now.plusMillis((long) (random.nextDouble() * span)));
        }
        probes.sort(null);
        for (Instant p : probes) {
          Duration used = clock.used(p, hours);
          assertThat(used).as(what).isEqualTo(reference(hours, running, runningSince, p));
          assertThat(used).as(what).isGreaterThanOrEqualTo(previous);
          previous = used;
        }
        if (clock.running()) {
          checkDeadline(clock, hours, allowed, what);
        }
        if (i == steps.size()) {
          break;
        }
        now = next;
        if (clock.running()) {
          clock = clock.pause(now, hours);
          running.add(new Instant[] {runningSince, now});
          runningSince = null;
        } else {
          clock = clock.resume(now, hours);
          runningSince = now;
        }
        assertThat(clock.used(now, hours))
            .as(what)
            .isEqualTo(reference(hours, running, runningSince, now));
      }
    }
  }

  /**
   * While the clock runs its deadline is the first instant at which the allowed time is used up,
   * unless the deadline had passed before a pause (then it stays where it was).
   */
  private static void checkDeadline(
      SlaClock clock, ServiceHours hours, Duration allowed, String what) {
    Instant due = clock.due();
    if (clock.used().compareTo(allowed) >= 0 && due.isBefore(clock.runningSince())) {
      return;
    }
    assertThat(clock.used(due, hours)).as(what).isEqualTo(allowed);
    if (due.isAfter(clock.runningSince())) {
      assertThat(clock.used(due.minusNanos(1), hours)).as(what).isLessThan(allowed);
    }
  }

  private static Duration reference(
      ServiceHours hours, List<Instant[]> running, Instant runningSince, Instant now) {
    Duration total = Duration.ZERO;
    for (Instant[] stretch : running) {
      total = total.plus(hours.between(stretch[0], stretch[1].isBefore(now) ? stretch[1] : now));
    }
    return runningSince == null ? total : total.plus(hours.between(runningSince, now));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 8, 9})
  void aLongerAllowedTimeNeverGivesAnEarlierDeadline(long seed) {
    Random random = new Random(seed);
    for (int order = 0; order < ORDERS; order++) {
      ServiceHours hours = HOURS[random.nextInt(HOURS.length)];
      Instant start = YEAR_START.plusSeconds(random.nextInt(360 * 24 * 3600));
      List<Instant> steps = pauses(random, start);
      Duration shorter = Duration.ofMinutes(1 + random.nextInt(3000));
      Duration longer = shorter.plusSeconds(random.nextInt(2) == 0 ? 1 : random.nextInt(100_000));
      Instant dueShorter = dueAfter(hours, start, shorter, steps);
      Instant dueLonger = dueAfter(hours, start, longer, steps);
      assertThat(dueShorter)
          .as(hours + " start " + start + " " + shorter + "/" + longer + " steps " + steps)
          .isBeforeOrEqualTo(dueLonger);
    }
  }

  /** The deadline once every pause of {@code steps} has ended. */
  private static Instant dueAfter(
      ServiceHours hours, Instant start, Duration allowed, List<Instant> steps) {
    SlaClock clock = SlaClock.start(start, allowed, 80, hours);
    for (Instant step : steps) {
      clock = clock.running() ? clock.pause(step, hours) : clock.resume(step, hours);
    }
    return clock.due();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12})
  void addingAndCountingWorkingTimeAreInverse(long seed) {
    Random random = new Random(seed);
    ServiceHours calendar = Calendars.company();
    for (int i = 0; i < 2000; i++) {
      Instant start =
          YEAR_START.plusSeconds(random.nextInt(360 * 24 * 3600)).plusNanos(random.nextInt(1000));
      Duration amount = gap(random);
      Instant due = calendar.after(start, amount);
      assertThat(calendar.between(start, due)).as(start + " + " + amount).isEqualTo(amount);
      if (!amount.isZero()) {
        assertThat(calendar.between(start, due.minusNanos(1))).isLessThan(amount);
      }
      Instant later = due.plus(gap(random));
      assertThat(calendar.between(start, later)).isGreaterThanOrEqualTo(amount);
    }
  }
}
