package org.courtyard.workorders.internal.deadlines;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A category's deadlines (the columns of {@code workorder_category}): the time to respond (a
 * technician accepts) and to resolve (the job is done) for each priority, and whether that time is
 * counted in the tenant's working hours or round the clock. A more pressing priority never gets
 * more time, and nobody is given longer to respond than to resolve; the table's CHECK constraints
 * say the same.
 */
public record DeadlineTerms(
    Map<Priority, Duration> response, Map<Priority, Duration> resolution, boolean workingHours) {

  public DeadlineTerms {
    response = complete("response", response);
    resolution = complete("resolution", resolution);
    for (Priority p : Priority.values()) {
      if (response.get(p).compareTo(resolution.get(p)) > 0) {
        throw new IllegalArgumentException(
            p.code() + ": the response time is longer than the resolution time");
      }
    }
  }

  /** Terms in minutes, in the order normal, urgent, emergency, as the table stores them. */
  public static DeadlineTerms ofMinutes(int[] response, int[] resolution, boolean workingHours) {
    return new DeadlineTerms(minutes(response), minutes(resolution), workingHours);
  }

  public Duration response(Priority priority) {
    return response.get(priority);
  }

  public Duration resolution(Priority priority) {
    return resolution.get(priority);
  }

  private static Map<Priority, Duration> minutes(int[] minutes) {
    if (minutes.length != Priority.values().length) {
      throw new IllegalArgumentException("one time per priority: normal, urgent, emergency");
    }
    Map<Priority, Duration> map = new EnumMap<>(Priority.class);
    for (Priority p : Priority.values()) {
      map.put(p, Duration.ofMinutes(minutes[p.ordinal()]));
    }
    return map;
  }

  private static Map<Priority, Duration> complete(String what, Map<Priority, Duration> times) {
    Map<Priority, Duration> copy = new EnumMap<>(Priority.class);
    copy.putAll(times);
    Duration longer = null;
    for (Priority p : Priority.values()) {
      Duration d = copy.get(p);
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " time of " + p.code() + " is positive: " + d);
      }
      if (longer != null && d.compareTo(longer) > 0) {
        throw new IllegalArgumentException(
            what + " time of " + p.code() + " is longer than that of a less pressing priority");
      }
      longer = d;
    }
    return Map.copyOf(copy);
  }
}
