package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.billing.internal.calc.Cycle;
import org.courtyard.billing.internal.calc.FeeKind;
import org.courtyard.billing.internal.calc.FeeTerms;
import org.courtyard.billing.internal.calc.MeterType;
import org.courtyard.billing.internal.calc.Rounding;
import org.courtyard.billing.internal.calc.TieredTariff;
import org.courtyard.estate.RoomSummary;
import org.junit.jupiter.api.Test;

class BillingRunsTest {

  private static final YearMonth NOV = YearMonth.of(2026, 11);
  private static final LocalDate FROM = LocalDate.of(2020, 1, 1);

  private static final RoomSummary ROOM =
      new RoomSummary(
          7, 1, 2, 3, "GV/B1/U1/101", 1, new BigDecimal("89.50"), "residential", "occupied");

  private static Catalog.Fee periodic(long id, String code, FeeKind kind, String price) {
    return new Catalog.Fee(
        id,
        code,
        code,
        new FeeTerms(
            kind, new BigDecimal(price), Set.of(), Cycle.MONTHLY, 2, Rounding.HALF_UP, FROM, null),
        null);
  }

  private static Catalog.Fee metered(long id, String code, MeterType type, String price) {
    return new Catalog.Fee(
        id,
        code,
        code,
        new FeeTerms(
            FeeKind.METERED,
            new BigDecimal(price),
            Set.of(),
            Cycle.MONTHLY,
            2,
            Rounding.HALF_UP,
            FROM,
            null),
        new Catalog.Metering(type, TieredTariff.flat(new BigDecimal(price))));
  }

  private static final List<Catalog.Fee> FEES =
      List.of(
          periodic(1, "PM", FeeKind.AREA, "2.5"),
          metered(2, "WATER", MeterType.WATER, "3.45"),
          periodic(3, "PARK", FeeKind.FIXED, "100"),
          metered(4, "POWER", MeterType.ELECTRICITY, "0.6"));

  @Test
  void meteredLinesTakeTheirPlaceInFeeItemOrder() {
    BillWriter.NewBill bill =
        BillingRuns.bill(
                ROOM,
                NOV,
                FEES,
                Map.of(
                    MeterType.WATER, new BigDecimal("12.000"),
                    MeterType.ELECTRICITY, new BigDecimal("150.500")),
                0)
            .orElseThrow();

    assertThat(bill.lines())
        .extracting(BillWriter.Line::feeCode)
        .containsExactly("PM", "WATER", "PARK", "POWER");
    assertThat(bill.lines())
        .extracting(l -> l.amount().amount())
        .containsExactly(
            new BigDecimal("223.75"),
            new BigDecimal("41.40"),
            new BigDecimal("100.00"),
            new BigDecimal("90.30"));
    assertThat(bill.total()).isEqualByComparingTo("455.45");
  }

  @Test
  void withoutConsumptionTheBillIsExactlyTheNonMeteredOne() {
    List<Catalog.Fee> withoutMetered = List.of(FEES.get(0), FEES.get(2));

    BillWriter.NewBill withMeteredItems =
        BillingRuns.bill(ROOM, NOV, FEES, Map.of(MeterType.GAS, BigDecimal.TEN), 0).orElseThrow();
    BillWriter.NewBill before =
        BillingRuns.bill(ROOM, NOV, withoutMetered, Map.of(), 0).orElseThrow();

    assertThat(withMeteredItems).isEqualTo(before);
  }

  @Test
  void aRoomWithOnlyMeteredFeesAndNoReadingsGetsNoBill() {
    assertThat(BillingRuns.bill(ROOM, NOV, List.of(FEES.get(1)), Map.of(), 0)).isEmpty();
  }

  @Test
  void aPerVehicleFeeChargesEachOfTheRoomsVehiclesInFeeItemOrder() {
    List<Catalog.Fee> fees =
        List.of(
            periodic(1, "PM", FeeKind.AREA, "2.5"),
            periodic(2, "CAR", FeeKind.PER_VEHICLE, "60"),
            periodic(3, "PARK", FeeKind.FIXED, "100"));

    BillWriter.NewBill bill = BillingRuns.bill(ROOM, NOV, fees, Map.of(), 2).orElseThrow();

    assertThat(bill.lines())
        .extracting(BillWriter.Line::feeCode)
        .containsExactly("PM", "CAR", "PARK");
    BillWriter.Line car = bill.lines().get(1);
    assertThat(car.amount().quantity()).isEqualByComparingTo("2");
    assertThat(car.amount().unitPrice()).isEqualByComparingTo("60");
    assertThat(car.amount().amount()).isEqualByComparingTo("120.00");
    assertThat(bill.total()).isEqualByComparingTo("443.75");
  }

  @Test
  void aRoomWithoutVehiclesGetsNoPerVehicleLine() {
    Catalog.Fee car = periodic(2, "CAR", FeeKind.PER_VEHICLE, "60");
    List<Catalog.Fee> fees = List.of(FEES.get(0), car);

    BillWriter.NewBill bill = BillingRuns.bill(ROOM, NOV, fees, Map.of(), 0).orElseThrow();

    assertThat(bill.lines()).extracting(BillWriter.Line::feeCode).containsExactly("PM");
    assertThat(BillingRuns.bill(ROOM, NOV, List.of(car), Map.of(), 0)).isEmpty();
  }
}
