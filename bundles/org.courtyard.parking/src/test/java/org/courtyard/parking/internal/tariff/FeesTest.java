package org.courtyard.parking.internal.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The fee of a stay at each boundary: the free minutes, the first period, each started unit, the
 * night window, the cap per 24 hours, several days, and minutes given off.
 */
class FeesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** 15 minutes free, the first hour 5.00, then 2.00 per half hour, 1.00 at night, 40.00 a day. */
  private static final Tariff T =
      new Tariff(
          15,
          60,
          new BigDecimal("5.00"),
          30,
          new BigDecimal("2.00"),
          LocalTime.of(22, 0),
          LocalTime.of(7, 0),
          new BigDecimal("1.00"),
          new BigDecimal("40.00"));

  private static final Tariff NO_NIGHT_NO_CAP =
      new Tariff(
          15, 60, new BigDecimal("5.00"), 30, new BigDecimal("2.00"), null, null, null, null);

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  private static String fee(Tariff t, String entry, String exit, long off) {
    return Fees.of(t, at(entry), at(exit), off, SHANGHAI).amount().toPlainString();
  }

  private static String fee(String entry, String exit) {
    return fee(T, entry, exit, 0);
  }

  @Test
  void aStayWithinTheFreeMinutesIsFreeAndOneSecondMoreCostsTheFirstPeriod() {
    assertThat(fee("2026-12-07T10:00:00", "2026-12-07T10:00:00")).isEqualTo("0.00");
    assertThat(fee("2026-12-07T10:00:00", "2026-12-07T10:15:00")).isEqualTo("0.00");
    assertThat(fee("2026-12-07T10:00:00", "2026-12-07T10:15:01")).isEqualTo("5.00");
  }

  @Test
  void theFirstPeriodThenEachStartedUnit() {
    assertThat(fee("2026-12-07T10:00:00", "2026-12-07T11:00:00")).isEqualTo("5.00");
    assertThat(fee("2026-12-07T10:00:00", "2026-12-07T11:00:01")).isEqualTo("7.00");
    assertThat(fee("2026-12-07T10:00:00", "2026-12-07T11:30:00")).isEqualTo("7.00");
    assertThat(fee("2026-12-07T10:00:00", "2026-12-07T11:30:01")).isEqualTo("9.00");
  }

  @Test
  void unitsStartingInTheNightWindowCostTheNightPriceAcrossMidnight() {
    // 21:00-22:00 first hour, then units at 22:00, 22:30, 23:00 at night
    assertThat(fee("2026-12-07T21:00:00", "2026-12-07T23:30:00")).isEqualTo("8.00");
    // the unit starting at 06:30 is night, the one at 07:00 is day
    assertThat(fee("2026-12-08T05:00:00", "2026-12-08T07:30:00")).isEqualTo("9.00");
    // a window inside one day
    Tariff lunch =
        new Tariff(
            0,
            60,
            new BigDecimal("5.00"),
            60,
            new BigDecimal("3.00"),
            LocalTime.of(12, 0),
            LocalTime.of(14, 0),
            new BigDecimal("0.50"),
            null);
    assertThat(fee(lunch, "2026-12-07T10:00:00", "2026-12-07T15:00:00", 0))
        .isEqualTo("12.00"); // 10-11 first, 11 day, 12 and 13 night, 14 day
  }

  @Test
  void withoutANightRateMidnightChangesNothing() {
    assertThat(fee(NO_NIGHT_NO_CAP, "2026-12-07T23:00:00", "2026-12-08T01:00:00", 0))
        .isEqualTo("9.00");
    assertThat(
            Fees.of(
                    NO_NIGHT_NO_CAP,
                    at("2026-12-07T23:00:00"),
                    at("2026-12-08T01:00:00"),
                    0,
                    SHANGHAI)
                .days())
        .hasSize(1);
  }

  @Test
  void eachTwentyFourHoursFromTheEntryIsCappedOnItsOwn() {
    // 12 hours by day would be 5 + 22 x 2 = 49.00
    assertThat(fee("2026-12-07T08:00:00", "2026-12-07T20:00:00")).isEqualTo("40.00");
    assertThat(fee(NO_NIGHT_NO_CAP, "2026-12-07T08:00:00", "2026-12-07T20:00:00", 0))
        .isEqualTo("49.00");
    // two whole capped days and the first hour of the third: 40 + 40 + 2 units
    Fees.Fee longStay =
        Fees.of(T, at("2026-12-07T08:00:00"), at("2026-12-09T09:00:00"), 0, SHANGHAI);
    assertThat(longStay.amount()).isEqualByComparingTo("84.00");
    assertThat(longStay.days()).hasSize(3);
    assertThat(longStay.days().get(0).charged()).isEqualByComparingTo("79.00");
    assertThat(longStay.days().get(0).capped()).isEqualByComparingTo("40.00");
    assertThat(longStay.days().get(2).capped()).isEqualByComparingTo("4.00");
    // leaving exactly 24 hours after the entry: one capped day, nothing in the second
    assertThat(fee("2026-12-07T08:00:00", "2026-12-08T08:00:00")).isEqualTo("40.00");
  }

  @Test
  void minutesGivenOffMoveTheStartOfTheChargedTime() {
    // 2.5 hours with a visitor grant of 2: half an hour charged, as a first period
    assertThat(fee(T, "2026-12-07T10:00:00", "2026-12-07T12:30:00", 120)).isEqualTo("5.00");
    assertThat(
            Fees.of(T, at("2026-12-07T10:00:00"), at("2026-12-07T12:30:00"), 120, SHANGHAI)
                .chargedMinutes())
        .isEqualTo(30);
    assertThat(fee(T, "2026-12-07T10:00:00", "2026-12-07T12:30:00", 150)).isEqualTo("0.00");
    assertThat(fee(T, "2026-12-07T10:00:00", "2026-12-07T12:30:00", 600)).isEqualTo("0.00");
  }

  @Test
  void aMinuteBegunIsAChargedMinute() {
    assertThat(
            Fees.of(T, at("2026-12-07T10:00:00"), at("2026-12-07T11:00:30"), 0, SHANGHAI)
                .chargedMinutes())
        .isEqualTo(61);
  }

  @Test
  void anExitBeforeTheEntryOrAStayOfMoreThanAYearIsRefused() {
    assertThatThrownBy(
            () -> Fees.of(T, at("2026-12-07T10:00:00"), at("2026-12-07T09:59:59"), 0, SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Fees.of(T, at("2026-01-01T00:00:00"), at("2027-01-03T00:00:00"), 0, SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Fees.of(T, at("2026-12-07T10:00:00"), at("2026-12-07T11:00:00"), -1, SHANGHAI))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
