package org.courtyard.parking.internal.tariff;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The fee of one temporary stay under a {@link Tariff}: a pure function of the entry, the exit, the
 * minutes given off (a resident's visitor grant, a merchant's coupon) and the lot's zone, with no
 * clock and no database, so that every boundary is tested as it is.
 *
 * <p>The charged time is {@code [entry + minutesOff, exit)}. A stay whose whole length is within
 * the free minutes is free, whatever is given off. Otherwise the first period is charged at the
 * start of the charged time, and each started unit after it at the day or the night price by the
 * local time it starts at. Each 24 hours counted from the entry is capped on its own, so a stay of
 * two days and an hour costs two caps and the hour.
 */
public final class Fees {

  /** The longest stay priced: beyond it the lot's staff decide. */
  public static final Duration LONGEST = Duration.ofDays(366);

  private static final Duration DAY = Duration.ofHours(24);

  /**
   * A fee and how it was made: the charged minutes and each 24 hours' amount before and after its
   * cap.
   */
  public record Fee(BigDecimal amount, long chargedMinutes, List<Day> days) {}

  /** One 24-hour block counted from the entry. */
  public record Day(Instant from, BigDecimal charged, BigDecimal capped) {}

  private Fees() {}

  /**
   * @throws IllegalArgumentException when the exit is before the entry, the stay is longer than
   *     {@link #LONGEST}, or {@code minutesOff} is negative
   */
  public static Fee of(Tariff t, Instant entry, Instant exit, long minutesOff, ZoneId zone) {
    if (exit.isBefore(entry)) {
      throw new IllegalArgumentException("the exit is before the entry");
    }
    if (Duration.between(entry, exit).compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException("a stay longer than " + LONGEST.toDays() + " days");
    }
    if (minutesOff < 0) {
      throw new IllegalArgumentException("negative minutes off");
    }
    Duration stay = Duration.between(entry, exit);
    Instant start = entry.plus(Duration.ofMinutes(minutesOff));
    if (stay.compareTo(Duration.ofMinutes(t.freeMinutes())) <= 0 || !start.isBefore(exit)) {
      return new Fee(BigDecimal.ZERO.setScale(2), 0, List.of());
    }
    long blocks = Duration.between(entry, exit).toMillis() / DAY.toMillis() + 1;
    BigDecimal[] charged = new BigDecimal[(int) blocks];
    java.util.Arrays.fill(charged, BigDecimal.ZERO);
    // the first period, in the block the charged time starts in
    charged[block(entry, start)] = charged[block(entry, start)].add(t.firstPrice());
    Instant unit = start.plus(Duration.ofMinutes(t.firstMinutes()));
    Duration step = Duration.ofMinutes(t.unitMinutes());
    while (unit.isBefore(exit)) {
      boolean night = t.night(unit.atZone(zone).toLocalTime());
      int b = block(entry, unit);
      charged[b] = charged[b].add(night ? t.nightUnitPrice() : t.unitPrice());
      unit = unit.plus(step);
    }
    BigDecimal total = BigDecimal.ZERO;
    List<Day> days = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      BigDecimal capped =
          t.capPer24h() != null && charged[b].compareTo(t.capPer24h()) > 0
              ? t.capPer24h()
              : charged[b];
      if (charged[b].signum() > 0) {
        days.add(new Day(entry.plus(DAY.multipliedBy(b)), scaled(charged[b]), scaled(capped)));
      }
      total = total.add(capped);
    }
    // every minute begun is charged time, as every unit begun is charged
    long seconds = Duration.between(start, exit).toSeconds();
    return new Fee(scaled(total), (seconds + 59) / 60, days);
  }

  private static int block(Instant entry, Instant t) {
    return (int) (Duration.between(entry, t).toMillis() / DAY.toMillis());
  }

  private static BigDecimal scaled(BigDecimal v) {
    return v.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }
}
