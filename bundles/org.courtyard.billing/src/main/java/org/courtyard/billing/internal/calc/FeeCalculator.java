package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The arithmetic of a fee: what one room owes for one fee item in one billing period. Pure and
 * deterministic; the billing run and the charge endpoint both use it.
 *
 * <p>Order of operations: full amount of the cycle (quantity × unit price × months), then proration
 * by days (full × days in effect / days in the cycle), then one rounding to the fee's scale and
 * mode, then, for scales 3 and 4, a rounding to the currency's two places with the same mode.
 * Rounding happens once per line, never on intermediate values. Metered fees are priced from the
 * consumption by their {@link TieredTariff} instead, rounded the same way.
 */
public final class FeeCalculator {

  /** Places the currency is kept in (分 for CNY). */
  public static final int MONEY_SCALE = 2;

  /**
   * Scale of the exact intermediate quotient. A quotient that could sit exactly on a rounding
   * boundary terminates well within 20 places (the divisor is a day count), so rounding it is
   * exact.
   */
  private static final int INTERMEDIATE_SCALE = 20;

  private FeeCalculator() {}

  /**
   * What a room owes for a periodic fee (area or fixed) in {@code period}; empty when the fee does
   * not apply to the room's type, is not charged in this month (quarterly and yearly fees are
   * charged in their cycle's first month), is not in effect on any day of the cycle, or comes to
   * zero.
   *
   * @param area the room's area in m²; only read for area fees
   */
  public static Optional<LineAmount> periodic(
      FeeTerms terms, YearMonth period, String roomType, BigDecimal area) {
    if (terms.kind() != FeeKind.AREA && terms.kind() != FeeKind.FIXED) {
      return Optional.empty();
    }
    return cycleLine(terms, period, roomType, terms.kind() == FeeKind.AREA ? area : BigDecimal.ONE);
  }

  /**
   * What a room owes for a per-vehicle fee in {@code period}: the room's current vehicles × unit
   * price × months of the cycle, prorated and rounded like a fixed fee. Empty for a room without
   * vehicles, and in the cases {@link #periodic} is empty in. The line's quantity is the number of
   * vehicles.
   *
   * @param vehicles the room's current vehicles when the run bills it
   */
  public static Optional<LineAmount> perVehicle(
      FeeTerms terms, YearMonth period, String roomType, int vehicles) {
    if (terms.kind() != FeeKind.PER_VEHICLE || vehicles <= 0) {
      return Optional.empty();
    }
    return cycleLine(terms, period, roomType, BigDecimal.valueOf(vehicles));
  }

  /**
   * Whether a periodic fee (area, fixed or per-vehicle) charges anything for {@code period} at all,
   * whatever the room: its cycle is charged in this month and it is in effect on a day of the
   * cycle. A billing run only needs a per-vehicle fee's vehicle counts when this holds.
   */
  public static boolean chargedIn(FeeTerms terms, YearMonth period) {
    if (!terms.cycle().chargedIn(period)) {
      return false;
    }
    LocalDate first = terms.cycle().firstDay(period);
    LocalDate last = terms.cycle().lastDay(period);
    return overlapDays(terms.effectiveFrom(), terms.effectiveTo(), first, last) > 0;
  }

  /** quantity × unit price × months of the cycle, prorated by days, rounded once. */
  private static Optional<LineAmount> cycleLine(
      FeeTerms terms, YearMonth period, String roomType, BigDecimal quantity) {
    if (!terms.appliesTo(roomType) || !terms.cycle().chargedIn(period)) {
      return Optional.empty();
    }
    LocalDate first = terms.cycle().firstDay(period);
    LocalDate last = terms.cycle().lastDay(period);
    int daysInCycle = days(first, last);
    int effective = overlapDays(terms.effectiveFrom(), terms.effectiveTo(), first, last);
    if (effective == 0) {
      return Optional.empty();
    }
    int months = terms.cycle().months();
    BigDecimal full = quantity.multiply(terms.unitPrice()).multiply(BigDecimal.valueOf(months));
    BigDecimal calculated =
        round(prorate(full, effective, daysInCycle), terms.scale(), terms.rounding());
    BigDecimal amount = toMoney(calculated, terms.rounding());
    if (amount.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new LineAmount(
            quantity, terms.unitPrice(), months, effective, daysInCycle, calculated, amount));
  }

  /**
   * What a room owes for a metered fee in {@code period}: its consumption priced by the tariff,
   * rounded once like any fee. No proration: the consumption is what was measured. Empty when the
   * fee does not apply to the room's type, is not in effect on the last day of the period (so that
   * a tariff replaced by another in mid-month charges the month once, at the new tariff), or comes
   * to zero.
   *
   * <p>The line's quantity is the consumption and its unit price the average price (cost ÷
   * consumption, four places), for reading the bill; the amount comes from the exact cost.
   */
  public static Optional<LineAmount> metered(
      FeeTerms terms,
      TieredTariff tariff,
      YearMonth period,
      String roomType,
      BigDecimal consumption) {
    LocalDate last = period.atEndOfMonth();
    if (terms.kind() != FeeKind.METERED
        || !terms.appliesTo(roomType)
        || terms.effectiveFrom().isAfter(last)
        || (terms.effectiveTo() != null && terms.effectiveTo().isBefore(last))
        || consumption.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal cost = tariff.cost(consumption);
    BigDecimal calculated = round(cost, terms.scale(), terms.rounding());
    BigDecimal amount = toMoney(calculated, terms.rounding());
    if (amount.signum() == 0) {
      return Optional.empty();
    }
    BigDecimal averagePrice = cost.divide(consumption, 4, RoundingMode.HALF_UP);
    int days = period.lengthOfMonth();
    return Optional.of(
        new LineAmount(
            consumption.setScale(3, RoundingMode.UNNECESSARY),
            averagePrice,
            1,
            days,
            days,
            calculated,
            amount));
  }

  /** A one-off fee: its unit price once, rounded like any fee; empty if it comes to zero. */
  public static Optional<LineAmount> oneOff(FeeTerms terms) {
    BigDecimal calculated = round(terms.unitPrice(), terms.scale(), terms.rounding());
    BigDecimal amount = toMoney(calculated, terms.rounding());
    if (amount.signum() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new LineAmount(BigDecimal.ONE, terms.unitPrice(), 1, 1, 1, calculated, amount));
  }

  /** {@code full × days / totalDays}, unrounded (exact wherever rounding could depend on it). */
  public static BigDecimal prorate(BigDecimal full, long days, long totalDays) {
    if (totalDays <= 0 || days < 0 || days > totalDays) {
      throw new IllegalArgumentException("days " + days + " of " + totalDays);
    }
    if (days == totalDays) {
      return full;
    }
    return full.multiply(BigDecimal.valueOf(days))
        .divide(BigDecimal.valueOf(totalDays), INTERMEDIATE_SCALE, RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
  }

  public static BigDecimal round(BigDecimal raw, int scale, Rounding rounding) {
    return raw.setScale(scale, rounding.mode());
  }

  /** An amount already rounded to the fee's scale, in the currency's two places. */
  public static BigDecimal toMoney(BigDecimal calculated, Rounding rounding) {
    return calculated.setScale(MONEY_SCALE, rounding.mode());
  }

  /** Days of [first, last] on which a fee effective [from, to] applies; {@code to} null = open. */
  public static int overlapDays(LocalDate from, LocalDate to, LocalDate first, LocalDate last) {
    LocalDate start = from.isAfter(first) ? from : first;
    LocalDate end = to == null || to.isAfter(last) ? last : to;
    return end.isBefore(start) ? 0 : days(start, end);
  }

  private static int days(LocalDate first, LocalDate last) {
    return (int) ChronoUnit.DAYS.between(first, last) + 1;
  }
}
