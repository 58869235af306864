package org.courtyard.residents.internal.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharesTest {

  private final List<String> messages = new ArrayList<>();

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private BigDecimal share(OccupancyRole role, String value) {
    return Shares.share(
        role, value == null ? null : d(value), "sharePercent", (f, m) -> messages.add(f + " " + m));
  }

  @Test
  void thirdsAddUpExactlyAndTheLastHundredthFits() {
    BigDecimal total = Shares.total(List.of(d("33.33"), d("33.33"), d("33.33")));

    assertThat(total).isEqualTo(d("99.99"));
    assertThat(Shares.fits(total, d("0.01"))).isTrue();
    assertThat(Shares.fits(total, d("0.02"))).isFalse();
    assertThat(Shares.available(total)).isEqualTo(d("0.01"));
  }

  @Test
  void aSoleOwnerHoldsAHundredAndNothingIsLeft() {
    BigDecimal total = Shares.total(List.of(d("100.00")));

    assertThat(Shares.fits(total, d("0.01"))).isFalse();
    assertThat(Shares.available(total)).isEqualTo(d("0.00"));
  }

  @Test
  void ownersWithoutAShareCountAsNothing() {
    BigDecimal total = Shares.total(Arrays.asList(d("50"), null, d("25.5")));

    assertThat(total).isEqualTo(d("75.50"));
    assertThat(Shares.fits(total, d("24.50"))).isTrue();
    assertThat(Shares.fits(total, d("24.51"))).isFalse();
    assertThat(Shares.total(List.of())).isEqualTo(d("0.00"));
  }

  @Test
  void availableIsNeverNegative() {
    // Data from before a correction may already exceed the limit; the answer must still make sense.
    assertThat(Shares.available(d("120.00"))).isEqualTo(d("0.00"));
  }

  @Test
  void sharesGetTwoDecimalsAndAreNeverRounded() {
    assertThat(share(OccupancyRole.OWNER, "50")).isEqualTo(d("50.00"));
    assertThat(share(OccupancyRole.OWNER, "100")).isEqualTo(d("100.00"));
    assertThat(share(OccupancyRole.OWNER, "0.01")).isEqualTo(d("0.01"));
    assertThat(share(OccupancyRole.OWNER, "12.340")).isEqualTo(d("12.34"));
    assertThat(share(OccupancyRole.OWNER, "1E+1")).isEqualTo(d("10.00"));
    assertThat(share(OccupancyRole.OWNER, null)).isNull();
    assertThat(messages).isEmpty();

    assertThat(share(OccupancyRole.OWNER, "12.345")).isNull();
    assertThat(share(OccupancyRole.OWNER, "0")).isNull();
    assertThat(share(OccupancyRole.OWNER, "-5")).isNull();
    assertThat(share(OccupancyRole.OWNER, "100.01")).isNull();
    assertThat(messages)
        .containsExactly(
            "sharePercent must have at most 2 decimal places (got 12.345)",
            "sharePercent must be more than 0 and at most 100 (got 0)",
            "sharePercent must be more than 0 and at most 100 (got -5)",
            "sharePercent must be more than 0 and at most 100 (got 100.01)");
  }

  @Test
  void onlyOwnersHoldAShare() {
    assertThat(share(OccupancyRole.TENANT, "50")).isNull();
    assertThat(share(OccupancyRole.FAMILY, null)).isNull();

    assertThat(messages)
        .containsExactly("sharePercent is only for owners; leave it out for role tenant");
  }

  @Test
  void withAnInvalidRoleOnlyTheValueIsJudged() {
    assertThat(share(null, "40")).isEqualTo(d("40.00"));
    assertThat(messages).isEmpty();
  }
}
