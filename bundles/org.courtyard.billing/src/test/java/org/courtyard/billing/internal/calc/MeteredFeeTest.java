package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.courtyard.billing.internal.calc.TieredTariff.Tier;
import org.junit.jupiter.api.Test;

class MeteredFeeTest {

  private static final YearMonth NOV = YearMonth.of(2026, 11);

  private static final TieredTariff TIERS =
      new TieredTariff(
          List.of(
              new Tier(new BigDecimal("10"), new BigDecimal("2.5")),
              new Tier(null, new BigDecimal("3.3333"))));

  private static FeeTerms metered(
      Set<String> types, int scale, Rounding rounding, LocalDate from, LocalDate to) {
    return new FeeTerms(
        FeeKind.METERED, new BigDecimal("2.5"), types, Cycle.MONTHLY, scale, rounding, from, to);
  }

  private static FeeTerms water() {
    return metered(Set.of(), 2, Rounding.HALF_UP, LocalDate.of(2020, 1, 1), null);
  }

  @Test
  void theConsumptionIsPricedByTheTiersAndRoundedOnce() {
    // 10 × 2.5 + 2.5 × 3.3333 = 33.33325
    LineAmount line =
        FeeCalculator.metered(water(), TIERS, NOV, "residential", new BigDecimal("12.5"))
            .orElseThrow();

    assertThat(line.calculated()).isEqualByComparingTo("33.33");
    assertThat(line.amount()).isEqualByComparingTo("33.33");
    assertThat(line.amount().scale()).isEqualTo(2);
    assertThat(line.quantity()).isEqualByComparingTo("12.5");
    assertThat(line.quantity().scale()).isEqualTo(3);
    assertThat(line.unitPrice()).isEqualByComparingTo("2.6667"); // 33.33325 / 12.5
    assertThat(line.months()).isEqualTo(1);
    assertThat(line.daysEffective()).isEqualTo(30);
    assertThat(line.daysInCycle()).isEqualTo(30);
  }

  @Test
  void theItemsRoundingRuleApplies() {
    FeeTerms up = metered(Set.of(), 1, Rounding.UP, LocalDate.of(2020, 1, 1), null);
    FeeTerms fine = metered(Set.of(), 4, Rounding.DOWN, LocalDate.of(2020, 1, 1), null);

    assertThat(FeeCalculator.metered(up, TIERS, NOV, "residential", new BigDecimal("12.5")))
        .hasValueSatisfying(l -> assertThat(l.amount()).isEqualByComparingTo("33.40"));
    LineAmount f =
        FeeCalculator.metered(fine, TIERS, NOV, "residential", new BigDecimal("12.5"))
            .orElseThrow();
    assertThat(f.calculated()).isEqualByComparingTo("33.3332");
    assertThat(f.amount()).isEqualByComparingTo("33.33");
  }

  @Test
  void noConsumptionOrAZeroAmountMakesNoLine() {
    assertThat(FeeCalculator.metered(water(), TIERS, NOV, "residential", BigDecimal.ZERO))
        .isEmpty();
    assertThat(
            FeeCalculator.metered(
                water(), TieredTariff.flat(BigDecimal.ZERO), NOV, "residential", BigDecimal.TEN))
        .isEmpty();
    assertThat(
            FeeCalculator.metered(
                metered(Set.of(), 2, Rounding.DOWN, LocalDate.of(2020, 1, 1), null),
                TieredTariff.flat(new BigDecimal("0.0001")),
                NOV,
                "residential",
                new BigDecimal("1")))
        .isEmpty();
  }

  @Test
  void theItemMustApplyToTheRoomTypeAndBeInEffectOnTheLastDayOfThePeriod() {
    FeeTerms residentialOnly =
        metered(Set.of("residential"), 2, Rounding.HALF_UP, LocalDate.of(2020, 1, 1), null);
    assertThat(FeeCalculator.metered(residentialOnly, TIERS, NOV, "commercial", BigDecimal.TEN))
        .isEmpty();
    assertThat(FeeCalculator.metered(residentialOnly, TIERS, NOV, "residential", BigDecimal.TEN))
        .isPresent();

    // replaced in mid-month: the old tariff does not charge November, the new one does
    FeeTerms old =
        metered(
            Set.of(), 2, Rounding.HALF_UP, LocalDate.of(2020, 1, 1), LocalDate.of(2026, 11, 15));
    FeeTerms current = metered(Set.of(), 2, Rounding.HALF_UP, LocalDate.of(2026, 11, 16), null);
    assertThat(FeeCalculator.metered(old, TIERS, NOV, "residential", BigDecimal.TEN)).isEmpty();
    assertThat(FeeCalculator.metered(current, TIERS, NOV, "residential", BigDecimal.TEN))
        .isPresent();
    FeeTerms future = metered(Set.of(), 2, Rounding.HALF_UP, LocalDate.of(2026, 12, 1), null);
    assertThat(FeeCalculator.metered(future, TIERS, NOV, "residential", BigDecimal.TEN)).isEmpty();
  }

  @Test
  void periodicAndMeteredCalculationsDoNotChargeEachOthersKinds() {
    assertThat(FeeCalculator.periodic(water(), NOV, "residential", BigDecimal.TEN)).isEmpty();
    FeeTerms fixed =
        new FeeTerms(
            FeeKind.FIXED,
            BigDecimal.TEN,
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            LocalDate.of(2020, 1, 1),
            null);
    assertThat(FeeCalculator.metered(fixed, TIERS, NOV, "residential", BigDecimal.TEN)).isEmpty();
    assertThat(FeeKind.METERED.periodic()).isTrue();
  }
}
