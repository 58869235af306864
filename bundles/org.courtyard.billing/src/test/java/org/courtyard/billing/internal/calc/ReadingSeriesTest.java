package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.billing.internal.calc.Consumption.Reading;
import org.junit.jupiter.api.Test;

class ReadingSeriesTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Reading day(int day, String value) {
    return new Reading(T0.plusSeconds(86_400L * day), new BigDecimal(value), false);
  }

  private static Reading replacementOn(int day, String value) {
    return new Reading(T0.plusSeconds(86_400L * day), new BigDecimal(value), true);
  }

  /** A meter read daily with the given values. */
  private static ReadingSeries history(String... values) {
    List<Reading> readings = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      readings.add(day(i, values[i]));
    }
    return ReadingSeries.of(readings);
  }

  @Test
  void theFirstReadingOfAMeterIsAlwaysAccepted() {
    ReadingSeries series = history();

    assertThat(series.offer(day(0, "12345.678")))
        .isEqualTo(new ReadingSeries.Accepted(null, false, null));
    assertThat(series.latest()).isEqualTo(day(0, "12345.678"));
  }

  @Test
  void aReadingAtOrBeforeTheLatestIsRefusedAndChangesNothing() {
    ReadingSeries series = history("10", "20");

    assertThat(series.offer(day(1, "25")))
        .isEqualTo(new ReadingSeries.NotAfterLatest(day(1, "20")));
    assertThat(series.offer(day(0, "25"))).isInstanceOf(ReadingSeries.NotAfterLatest.class);
    assertThat(series.latest()).isEqualTo(day(1, "20"));
  }

  @Test
  void aLowerValueIsRefusedUnlessItIsAReplacement() {
    ReadingSeries series = history("10", "20");

    assertThat(series.offer(day(2, "19.999"))).isEqualTo(new ReadingSeries.Decreased(day(1, "20")));
    assertThat(series.latest()).isEqualTo(day(1, "20"));
    assertThat(series.offer(day(2, "20")))
        .isEqualTo(new ReadingSeries.Accepted(BigDecimal.ZERO, false, null));
    assertThat(series.offer(replacementOn(3, "0.5")))
        .isEqualTo(new ReadingSeries.Accepted(null, false, null));
    assertThat(series.offer(day(4, "1.5")))
        .isEqualTo(new ReadingSeries.Accepted(new BigDecimal("1.0"), false, null));
  }

  @Test
  void aRiseAboveTenTimesTheMedianOfTheLastRisesIsFlaggedButAccepted() {
    // rises 10, 12, 11: median 11
    ReadingSeries series = history("100", "110", "122", "133");

    ReadingSeries.Verdict plausible = series.offer(day(4, "243")); // rise 110 = 10 × 11
    assertThat(plausible).isEqualTo(new ReadingSeries.Accepted(new BigDecimal("110"), false, null));

    ReadingSeries.Verdict jump =
        series.offer(day(5, "400")); // rise 157 > 10 × median(10,12,11,110)
    assertThat(jump)
        .isInstanceOfSatisfying(
            ReadingSeries.Accepted.class,
            a -> {
              assertThat(a.implausible()).isTrue();
              assertThat(a.rise()).isEqualByComparingTo("157");
              assertThat(a.reason()).contains("157").contains("11.5").contains("10 ×");
            });
    assertThat(series.latest()).isEqualTo(day(5, "400"));
  }

  @Test
  void withFewerThanThreeRisesNothingIsFlagged() {
    ReadingSeries series = history("100", "101", "102");

    assertThat(series.offer(day(3, "100000")))
        .isEqualTo(new ReadingSeries.Accepted(new BigDecimal("99898"), false, null));
  }

  @Test
  void zeroRisesAndRisesBeforeAReplacementDoNotCount() {
    // rises: 5 (0→5), 0, 0, then a replacement, then 5 — only two positive rises count
    ReadingSeries series =
        ReadingSeries.of(
            List.of(
                day(0, "0"),
                day(1, "5"),
                day(2, "5"),
                day(3, "5"),
                replacementOn(4, "0"),
                day(5, "5")));

    assertThat(series.offer(day(6, "500")))
        .isInstanceOfSatisfying(
            ReadingSeries.Accepted.class, a -> assertThat(a.implausible()).isFalse());
  }

  @Test
  void onlyTheLastSixRisesCount() {
    // six small rises of 1 after three big ones of 1000: the median is 1
    ReadingSeries series =
        history("0", "1000", "2000", "3000", "3001", "3002", "3003", "3004", "3005", "3006");

    assertThat(series.offer(day(10, "3017")))
        .isInstanceOfSatisfying(
            ReadingSeries.Accepted.class, a -> assertThat(a.implausible()).isTrue());
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(
            ReadingSeries.median(
                List.of(new BigDecimal("3"), new BigDecimal("1"), new BigDecimal("2"))))
        .isEqualByComparingTo("2");
    assertThat(
            ReadingSeries.median(
                List.of(
                    new BigDecimal("4"),
                    new BigDecimal("1.001"),
                    new BigDecimal("2"),
                    new BigDecimal("10"))))
        .isEqualByComparingTo("3");
    assertThat(ReadingSeries.median(List.of(new BigDecimal("0.001"), new BigDecimal("0.002"))))
        .isEqualByComparingTo("0.0015");
  }
}
