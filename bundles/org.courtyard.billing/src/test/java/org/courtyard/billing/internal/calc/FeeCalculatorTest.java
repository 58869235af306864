package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeeCalculatorTest {

  private static final YearMonth NOV = YearMonth.of(2026, 11);

  private static FeeTerms terms(
      FeeKind kind,
      String price,
      Set<String> types,
      Cycle cycle,
      int scale,
      Rounding rounding,
      LocalDate from,
      LocalDate to) {
    return new FeeTerms(kind, new BigDecimal(price), types, cycle, scale, rounding, from, to);
  }

  private static FeeTerms area(String price) {
    return terms(
        FeeKind.AREA,
        price,
        Set.of(),
        Cycle.MONTHLY,
        2,
        Rounding.HALF_UP,
        LocalDate.of(2020, 1, 1),
        null);
  }

  @Test
  void anAreaFeeIsAreaTimesUnitPricePerMonth() {
    LineAmount line =
        FeeCalculator.periodic(area("2.5000"), NOV, "residential", new BigDecimal("89.50"))
            .orElseThrow();

    assertThat(line.amount()).isEqualByComparingTo("223.75");
    assertThat(line.amount().scale()).isEqualTo(2);
    assertThat(line.daysEffective()).isEqualTo(30);
    assertThat(line.quantity()).isEqualByComparingTo("89.50");
  }

  @Test
  void aFixedFeeOnlyChargesTheRoomTypesItNames() {
    FeeTerms parking =
        terms(
            FeeKind.FIXED,
            "300",
            Set.of("parking"),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2020, 1, 1),
            null);

    assertThat(FeeCalculator.periodic(parking, NOV, "parking", new BigDecimal("12.5")))
        .map(LineAmount::amount)
        .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("300.00"));
    assertThat(FeeCalculator.periodic(parking, NOV, "residential", new BigDecimal("90"))).isEmpty();
  }

  @Test
  void aFeeStartingMidMonthIsProratedByDays() {
    FeeTerms fee =
        terms(
            FeeKind.FIXED,
            "300",
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2026, 11, 21),
            null);

    LineAmount line = FeeCalculator.periodic(fee, NOV, "residential", BigDecimal.TEN).orElseThrow();

    assertThat(line.daysEffective()).isEqualTo(10);
    assertThat(line.daysInCycle()).isEqualTo(30);
    assertThat(line.amount()).isEqualByComparingTo("100.00");
  }

  @Test
  void aFeeEndingMidMonthIsProratedAndOneOutsideThePeriodIsNotCharged() {
    FeeTerms ends =
        terms(
            FeeKind.FIXED,
            "31",
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 10));
    assertThat(FeeCalculator.periodic(ends, YearMonth.of(2026, 12), "storage", BigDecimal.ONE))
        .map(LineAmount::amount)
        .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("10.00"));

    FeeTerms ended =
        terms(
            FeeKind.FIXED,
            "31",
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 10, 31));
    assertThat(FeeCalculator.periodic(ended, NOV, "storage", BigDecimal.ONE)).isEmpty();
    FeeTerms future =
        terms(
            FeeKind.FIXED,
            "31",
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2026, 12, 1),
            null);
    assertThat(FeeCalculator.periodic(future, NOV, "storage", BigDecimal.ONE)).isEmpty();
  }

  @Test
  void quarterlyAndYearlyFeesAreChargedInTheirCyclesFirstMonthForTheWholeCycle() {
    FeeTerms quarterly =
        terms(
            FeeKind.FIXED,
            "100",
            Set.of(),
            Cycle.QUARTERLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2020, 1, 1),
            null);
    assertThat(FeeCalculator.periodic(quarterly, YearMonth.of(2026, 10), "parking", BigDecimal.ONE))
        .map(LineAmount::amount)
        .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("300.00"));
    assertThat(FeeCalculator.periodic(quarterly, NOV, "parking", BigDecimal.ONE)).isEmpty();

    FeeTerms yearly =
        terms(
            FeeKind.FIXED,
            "100",
            Set.of(),
            Cycle.YEARLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2020, 1, 1),
            null);
    LineAmount jan =
        FeeCalculator.periodic(yearly, YearMonth.of(2027, 1), "parking", BigDecimal.ONE)
            .orElseThrow();
    assertThat(jan.amount()).isEqualByComparingTo("1200.00");
    assertThat(jan.months()).isEqualTo(12);
    assertThat(jan.daysInCycle()).isEqualTo(365);
    assertThat(FeeCalculator.periodic(yearly, NOV, "parking", BigDecimal.ONE)).isEmpty();
  }

  @Test
  void roundingModesAndScales() {
    BigDecimal raw = new BigDecimal("10.125");
    assertThat(FeeCalculator.round(raw, 2, Rounding.HALF_UP)).isEqualByComparingTo("10.13");
    assertThat(FeeCalculator.round(raw, 2, Rounding.DOWN)).isEqualByComparingTo("10.12");
    assertThat(FeeCalculator.round(new BigDecimal("10.121"), 2, Rounding.UP))
        .isEqualByComparingTo("10.13");
    assertThat(FeeCalculator.round(raw, 0, Rounding.HALF_UP)).isEqualByComparingTo("10");
    assertThat(FeeCalculator.round(new BigDecimal("10.5"), 0, Rounding.HALF_UP))
        .isEqualByComparingTo("11");
  }

  @Test
  void scalesFinerThanACentAreChargedInCentsWithTheSameMode() {
    FeeTerms fee =
        terms(
            FeeKind.AREA,
            "1.2345",
            Set.of(),
            Cycle.MONTHLY,
            4,
            Rounding.UP,
            LocalDate.of(2020, 1, 1),
            null);

    LineAmount line =
        FeeCalculator.periodic(fee, NOV, "residential", new BigDecimal("1.00")).orElseThrow();

    assertThat(line.calculated()).isEqualByComparingTo("1.2345");
    assertThat(line.amount()).isEqualByComparingTo("1.24");
  }

  @Test
  void aFeeThatComesToZeroIsNotCharged() {
    assertThat(FeeCalculator.periodic(area("0"), NOV, "residential", BigDecimal.TEN)).isEmpty();
    FeeTerms tiny =
        terms(
            FeeKind.FIXED,
            "0.004",
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.DOWN,
            LocalDate.of(2020, 1, 1),
            null);
    assertThat(FeeCalculator.periodic(tiny, NOV, "residential", BigDecimal.ONE)).isEmpty();
  }

  @Test
  void oneOffFeesAreNotChargedByRunsButByTheirUnitPrice() {
    FeeTerms once =
        terms(
            FeeKind.ONE_OFF,
            "50.005",
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2020, 1, 1),
            null);
    assertThat(FeeCalculator.periodic(once, NOV, "residential", BigDecimal.TEN)).isEmpty();
    assertThat(FeeCalculator.oneOff(once))
        .map(LineAmount::amount)
        .hasValueSatisfying(a -> assertThat(a).isEqualByComparingTo("50.01"));
  }

  @Test
  void prorationOfAFullPeriodIsTheAmountItself() {
    BigDecimal full = new BigDecimal("123.456789");
    assertThat(FeeCalculator.prorate(full, 31, 31)).isEqualByComparingTo(full);
    assertThat(FeeCalculator.prorate(full, 0, 31)).isEqualByComparingTo("0");
  }

  /** 1,000 seeded random cases of the invariants rounding and proration must keep. */
  @Test
  void propertiesOfRoundingAndProrationHoldForRandomInputs() {
    Random random = new Random(20261127L);
    Rounding[] modes = Rounding.values();
    for (int i = 0; i < 1000; i++) {
      BigDecimal full = BigDecimal.valueOf(random.nextInt(100_000_000), random.nextInt(7));
      int scale = random.nextInt(5);
      Rounding mode = modes[random.nextInt(modes.length)];
      YearMonth month = YearMonth.of(2000 + random.nextInt(40), 1 + random.nextInt(12));
      int days = month.lengthOfMonth();
      int split = 1 + random.nextInt(days - 1);
      BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
      String context =
          "case " + i + ": " + full + " scale " + scale + " " + mode + " split " + split + "/"
              + days;

      BigDecimal rounded = FeeCalculator.round(full, scale, mode);
      assertThat(rounded.subtract(full).abs()).as(context).isLessThan(unit);

      BigDecimal first = FeeCalculator.round(FeeCalculator.prorate(full, split, days), scale, mode);
      BigDecimal second =
          FeeCalculator.round(FeeCalculator.prorate(full, days - split, days), scale, mode);
      assertThat(first).as(context).isLessThanOrEqualTo(rounded);
      assertThat(second).as(context).isLessThanOrEqualTo(rounded);
      assertThat(first.add(second).subtract(rounded).abs()).as(context).isLessThanOrEqualTo(unit);

      FeeTerms fee =
          new FeeTerms(
              FeeKind.FIXED,
              full.setScale(Math.min(4, full.scale()), java.math.RoundingMode.DOWN),
              Set.of(),
              Cycle.MONTHLY,
              scale,
              mode,
              month.atDay(split + 1),
              null);
      FeeTerms whole =
          new FeeTerms(
              FeeKind.FIXED,
              fee.unitPrice(),
              Set.of(),
              Cycle.MONTHLY,
              scale,
              mode,
              month.atDay(1),
              null);
      Optional<LineAmount> part = FeeCalculator.periodic(fee, month, "residential", BigDecimal.ONE);
      Optional<LineAmount> all =
          FeeCalculator.periodic(whole, month, "residential", BigDecimal.ONE);
      BigDecimal partAmount = part.map(LineAmount::amount).orElse(BigDecimal.ZERO);
      BigDecimal allAmount = all.map(LineAmount::amount).orElse(BigDecimal.ZERO);
      assertThat(partAmount).as(context).isLessThanOrEqualTo(allAmount);
    }
  }
}
