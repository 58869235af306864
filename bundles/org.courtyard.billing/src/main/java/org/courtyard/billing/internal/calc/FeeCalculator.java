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
 * Rounding happens once per line, never on intermediate values.
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
    if (!terms.kind().periodic()
        || !terms.appliesTo(roomType)
        || !terms.cycle().chargedIn(period)) {
      return Optional.empty();
    }
    LocalDate first = terms.cycle().firstDay(period);
    LocalDate last = terms.cycle().lastDay(period);
    int daysInCycle = days(first, last);
    int effective = overlapDays(terms.effectiveFrom(), terms.effectiveTo(), first, last);
    if (effective == 0) {
      return Optional.empty();
    }
    BigDecimal quantity = terms.kind() == FeeKind.AREA ? area : BigDecimal.ONE;
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
