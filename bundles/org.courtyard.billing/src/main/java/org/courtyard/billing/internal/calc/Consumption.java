package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a room used in a billing period, from its meters' readings (抄表).
 *
 * <p>A meter's consumption in a period is measured from its <em>opening</em> reading, the last one
 * before the period starts (or, for a meter read for the first time during the period, its first
 * reading in the period), to its <em>closing</em> reading, the last one before the period ends.
 * Between the two, every reading adds its rise over the reading before it, except a replacement
 * reading: it is the starting value of a new physical meter, so the old meter counts up to its last
 * reading before the replacement and the new one from its replacement reading on.
 *
 * <p>A meter without two such readings has no consumption in the period (empty, not zero).
 */
public final class Consumption {

  /** One reading of one meter. */
  public record Reading(Instant readAt, BigDecimal value, boolean replacement) {}

  private Consumption() {}

  /** The first instant of {@code period} in {@code zone}. */
  public static Instant start(YearMonth period, ZoneId zone) {
    return period.atDay(1).atStartOfDay(zone).toInstant();
  }

  /** The first instant after {@code period} in {@code zone}: readings before it are in range. */
  public static Instant end(YearMonth period, ZoneId zone) {
    return start(period.plusMonths(1), zone);
  }

  /**
   * One meter's consumption in {@code [start, end)}.
   *
   * @param readings the meter's readings in any order; those at or after {@code end} and those
   *     before the opening reading are ignored
   * @return empty when the meter has no opening and later closing reading in range
   */
  public static Optional<BigDecimal> ofMeter(
      Collection<Reading> readings, Instant start, Instant end) {
    List<Reading> sorted = new ArrayList<>(readings);
    sorted.sort(Comparator.comparing(Reading::readAt));
    int opening = -1;
    int closing = -1;
    for (int i = 0; i < sorted.size(); i++) {
      Instant at = sorted.get(i).readAt();
      if (at.isBefore(start)) {
        opening = i;
      }
      if (at.isBefore(end)) {
        closing = i;
      }
    }
    if (opening < 0 && closing >= 0) {
      opening = 0; // read for the first time during the period: it counts from that reading
    }
    if (opening < 0 || closing <= opening) {
      return Optional.empty();
    }
    BigDecimal used = BigDecimal.ZERO;
    for (int i = opening + 1; i <= closing; i++) {
      Reading reading = sorted.get(i);
      BigDecimal rise = reading.value().subtract(sorted.get(i - 1).value());
      // A fall without the replacement flag cannot be stored through the API; should one be there
      // anyway, it is counted like a replacement rather than as negative consumption.
      if (!reading.replacement() && rise.signum() > 0) {
        used = used.add(rise);
      }
    }
    return Optional.of(used);
  }

  /**
   * The consumption of a room's meters of one type in {@code [start, end)}: the sum over the meters
   * that have one; empty when none has.
   *
   * @param meters the readings of each meter
   */
  public static Optional<BigDecimal> ofMeters(
      Collection<? extends Collection<Reading>> meters, Instant start, Instant end) {
    BigDecimal total = null;
    for (Collection<Reading> readings : meters) {
      Optional<BigDecimal> used = ofMeter(readings, start, end);
      if (used.isPresent()) {
        total = total == null ? used.get() : total.add(used.get());
      }
    }
    return Optional.ofNullable(total);
  }
}
