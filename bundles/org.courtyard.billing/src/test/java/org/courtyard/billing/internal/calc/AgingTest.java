package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.courtyard.billing.internal.calc.Aging.Due;
import org.junit.jupiter.api.Test;

class AgingTest {

  @Test
  void theDueDateIsTheLastDayOfThePeriodPlusGraceDays() {
    assertThat(Aging.dueDate(YearMonth.of(2026, 2), 15)).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(Aging.dueDate(YearMonth.of(2026, 11), 0)).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void billsFallIntoBucketsByDaysPastDue() {
    LocalDate asOf = LocalDate.of(2026, 12, 31);
    List<Due> dues =
        List.of(
            new Due(asOf.minusDays(1), new BigDecimal("10.00")),
            new Due(asOf.minusDays(30), new BigDecimal("20.00")),
            new Due(asOf.minusDays(31), new BigDecimal("40.00")),
            new Due(asOf.minusDays(90), new BigDecimal("80.00")),
            new Due(asOf.minusDays(91), new BigDecimal("160.00")));

    Aging.Buckets b = Aging.age(dues, asOf).orElseThrow();

    assertThat(b.days0to30()).isEqualByComparingTo("30.00");
    assertThat(b.days31to90()).isEqualByComparingTo("120.00");
    assertThat(b.days90plus()).isEqualByComparingTo("160.00");
    assertThat(b.total()).isEqualByComparingTo("310.00");
    assertThat(b.over30()).isEqualByComparingTo("280.00");
    assertThat(b.oldestDueDate()).isEqualTo(asOf.minusDays(91));
    assertThat(b.maxDaysPastDue()).isEqualTo(91);
  }

  @Test
  void billsNotYetPastDueAreNotArrears() {
    LocalDate asOf = LocalDate.of(2026, 12, 15);
    assertThat(
            Aging.age(
                List.of(new Due(asOf, BigDecimal.TEN), new Due(asOf.plusDays(3), BigDecimal.ONE)),
                asOf))
        .isEmpty();
  }
}
