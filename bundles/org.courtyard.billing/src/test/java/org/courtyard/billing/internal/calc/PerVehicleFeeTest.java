package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PerVehicleFeeTest {

  private static final YearMonth NOV = YearMonth.of(2026, 11);
  private static final LocalDate FROM = LocalDate.of(2020, 1, 1);

  private static FeeTerms perVehicle(
      String price, Set<String> types, Cycle cycle, LocalDate from, LocalDate to) {
    return new FeeTerms(
        FeeKind.PER_VEHICLE, new BigDecimal(price), types, cycle, 2, Rounding.HALF_UP, from, to);
  }

  private static FeeTerms perVehicle(String price) {
    return perVehicle(price, Set.of(), Cycle.MONTHLY, FROM, null);
  }

  @Test
  void theKindIsParsedAndNeedsResidents() {
    assertThat(FeeKind.parse("per_vehicle")).contains(FeeKind.PER_VEHICLE);
    assertThat(FeeKind.PER_VEHICLE.periodic()).isTrue();
    assertThat(FeeKind.PER_VEHICLE.needsResidents()).isTrue();
    assertThat(FeeKind.FIXED.needsResidents()).isFalse();
    assertThat(FeeKind.allowedValues()).endsWith("per_vehicle");
  }

  @Test
  void unitPriceTimesVehiclesPerMonth() {
    LineAmount line =
        FeeCalculator.perVehicle(perVehicle("60"), NOV, "residential", 2).orElseThrow();

    assertThat(line.quantity()).isEqualByComparingTo("2");
    assertThat(line.unitPrice()).isEqualByComparingTo("60");
    assertThat(line.months()).isEqualTo(1);
    assertThat(line.daysEffective()).isEqualTo(30);
    assertThat(line.amount()).isEqualByComparingTo("120.00");
    assertThat(line.amount().scale()).isEqualTo(2);
  }

  @Test
  void aRoomWithoutVehiclesGetsNoLine() {
    assertThat(FeeCalculator.perVehicle(perVehicle("60"), NOV, "residential", 0)).isEmpty();
    assertThat(FeeCalculator.perVehicle(perVehicle("60"), NOV, "residential", -1)).isEmpty();
  }

  @Test
  void onlyTheNamedRoomTypesAreCharged() {
    FeeTerms flatsOnly = perVehicle("60", Set.of("residential"), Cycle.MONTHLY, FROM, null);

    assertThat(FeeCalculator.perVehicle(flatsOnly, NOV, "residential", 1)).isPresent();
    assertThat(FeeCalculator.perVehicle(flatsOnly, NOV, "commercial", 1)).isEmpty();
  }

  @Test
  void aFeeStartingInTheMonthIsProratedByDaysBeforeRounding() {
    // 3 vehicles × 50 × 15/30 days = 75.00
    FeeTerms fromMid = perVehicle("50", Set.of(), Cycle.MONTHLY, LocalDate.of(2026, 11, 16), null);

    LineAmount line = FeeCalculator.perVehicle(fromMid, NOV, "residential", 3).orElseThrow();

    assertThat(line.daysEffective()).isEqualTo(15);
    assertThat(line.daysInCycle()).isEqualTo(30);
    assertThat(line.amount()).isEqualByComparingTo("75.00");
  }

  @Test
  void aQuarterlyFeeChargesThreeMonthsInTheCyclesFirstMonthOnly() {
    FeeTerms quarterly = perVehicle("40", Set.of(), Cycle.QUARTERLY, FROM, null);

    LineAmount october =
        FeeCalculator.perVehicle(quarterly, YearMonth.of(2026, 10), "residential", 2).orElseThrow();

    assertThat(october.months()).isEqualTo(3);
    assertThat(october.amount()).isEqualByComparingTo("240.00");
    assertThat(FeeCalculator.perVehicle(quarterly, NOV, "residential", 2)).isEmpty();
  }

  @Test
  void otherKindsAreNotPricedPerVehicleAndPerVehicleIsNotPricedAsPeriodic() {
    FeeTerms fixed =
        new FeeTerms(
            FeeKind.FIXED,
            new BigDecimal("60"),
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            FROM,
            null);

    assertThat(FeeCalculator.perVehicle(fixed, NOV, "residential", 2)).isEmpty();
    assertThat(FeeCalculator.periodic(perVehicle("60"), NOV, "residential", BigDecimal.TEN))
        .isEmpty();
  }

  @Test
  void aZeroPriceGivesNoLine() {
    assertThat(FeeCalculator.perVehicle(perVehicle("0"), NOV, "residential", 4)).isEmpty();
  }

  @Test
  void chargedInFollowsTheCycleAndTheEffectiveDates() {
    assertThat(FeeCalculator.chargedIn(perVehicle("60"), NOV)).isTrue();
    assertThat(
            FeeCalculator.chargedIn(
                perVehicle("60", Set.of(), Cycle.MONTHLY, FROM, LocalDate.of(2026, 10, 31)), NOV))
        .isFalse();
    assertThat(
            FeeCalculator.chargedIn(
                perVehicle("60", Set.of(), Cycle.MONTHLY, LocalDate.of(2026, 12, 1), null), NOV))
        .isFalse();
    assertThat(FeeCalculator.chargedIn(perVehicle("60", Set.of(), Cycle.YEARLY, FROM, null), NOV))
        .isFalse();
    assertThat(
            FeeCalculator.chargedIn(
                perVehicle("60", Set.of(), Cycle.YEARLY, FROM, null), YearMonth.of(2027, 1)))
        .isTrue();
  }
}
