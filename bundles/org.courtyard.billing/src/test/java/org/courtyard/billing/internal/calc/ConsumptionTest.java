package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.courtyard.billing.internal.calc.Consumption.Reading;
import org.junit.jupiter.api.Test;

class ConsumptionTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final YearMonth NOV = YearMonth.of(2026, 11);
  private static final Instant START = Consumption.start(NOV, SHANGHAI);
  private static final Instant END = Consumption.end(NOV, SHANGHAI);

  private static Reading at(String localTime, String value) {
    return new Reading(
        LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(), new BigDecimal(value), false);
  }

  private static Reading replacement(String localTime, String value) {
    return new Reading(
        LocalDateTime.parse(localTime).atZone(SHANGHAI).toInstant(), new BigDecimal(value), true);
  }

  @Test
  void thePeriodIsTheCalendarMonthInTheTenantsZone() {
    assertThat(START).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    assertThat(END).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
  }

  @Test
  void consumptionRunsFromTheLastReadingBeforeThePeriodToTheLastOneInIt() {
    List<Reading> readings =
        List.of(
            at("2026-09-30T10:00", "100"),
            at("2026-10-31T10:00", "120.5"),
            at("2026-11-15T10:00", "130"),
            at("2026-11-30T23:59", "141.25"),
            at("2026-12-01T00:00", "150"));

    assertThat(Consumption.ofMeter(readings, START, END))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("20.75"));
  }

  @Test
  void readingsMayComeInAnyOrder() {
    List<Reading> readings =
        List.of(
            at("2026-11-30T10:00", "30"),
            at("2026-10-31T10:00", "10"),
            at("2026-11-10T10:00", "12"));

    assertThat(Consumption.ofMeter(readings, START, END))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("20"));
  }

  @Test
  void aMeterWithoutTwoReadingsInRangeHasNoConsumption() {
    assertThat(Consumption.ofMeter(List.of(), START, END)).isEmpty();
    assertThat(Consumption.ofMeter(List.of(at("2026-10-31T10:00", "10")), START, END)).isEmpty();
    assertThat(Consumption.ofMeter(List.of(at("2026-11-20T10:00", "10")), START, END)).isEmpty();
    // read before, and after, but not during the month
    assertThat(
            Consumption.ofMeter(
                List.of(at("2026-10-31T10:00", "10"), at("2026-12-02T10:00", "30")), START, END))
        .isEmpty();
  }

  @Test
  void aMeterFirstReadDuringThePeriodCountsFromThatReading() {
    List<Reading> readings = List.of(at("2026-11-12T09:00", "0"), at("2026-11-30T09:00", "7.5"));

    assertThat(Consumption.ofMeter(readings, START, END))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("7.5"));
  }

  @Test
  void aReplacementEndsTheOldMeterAtItsLastReadingAndStartsTheNewOneFromItsOwnValue() {
    List<Reading> readings =
        List.of(
            at("2026-10-31T10:00", "9800"),
            at("2026-11-14T08:00", "9850"), // final reading of the old meter
            replacement("2026-11-14T09:00", "3"), // new meter starts at 3
            at("2026-11-30T10:00", "23"));

    // 50 on the old meter + 20 on the new one
    assertThat(Consumption.ofMeter(readings, START, END))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("70"));
  }

  @Test
  void aFallWithoutTheReplacementFlagCountsAsAResetNotAsNegativeConsumption() {
    List<Reading> readings =
        List.of(
            at("2026-10-31T10:00", "50"), at("2026-11-10T10:00", "5"), at("2026-11-30T10:00", "8"));

    assertThat(Consumption.ofMeter(readings, START, END))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3"));
  }

  @Test
  void aRoomsMetersOfOneTypeAreAddedUpSkippingThoseWithoutConsumption() {
    List<Reading> kitchen = List.of(at("2026-10-31T10:00", "10"), at("2026-11-30T10:00", "14"));
    List<Reading> bathroom =
        List.of(at("2026-10-31T10:00", "200"), at("2026-11-30T10:00", "206.5"));
    List<Reading> notRead = List.of(at("2026-10-31T10:00", "1"));

    assertThat(Consumption.ofMeters(List.of(kitchen, bathroom, notRead), START, END))
        .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("10.5"));
    assertThat(Consumption.ofMeters(List.of(notRead), START, END)).isEmpty();
    assertThat(Consumption.ofMeters(List.of(), START, END)).isEmpty();
  }

  @Test
  void consecutiveMonthsShareTheirBoundaryReadingSoNothingIsCountedTwiceOrLost() {
    List<Reading> readings =
        List.of(
            at("2026-10-31T10:00", "10"),
            at("2026-11-30T10:00", "25"),
            at("2026-12-31T10:00", "31"));
    YearMonth dec = NOV.plusMonths(1);

    BigDecimal nov = Consumption.ofMeter(readings, START, END).orElseThrow();
    BigDecimal december =
        Consumption.ofMeter(
                readings, Consumption.start(dec, SHANGHAI), Consumption.end(dec, SHANGHAI))
            .orElseThrow();

    assertThat(nov.add(december)).isEqualByComparingTo("21");
  }
}
