package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.courtyard.billing.internal.calc.TieredTariff.Tier;
import org.junit.jupiter.api.Test;

class TieredTariffTest {

  private static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  /** A common residential water tariff: 0–15 m³ at 3.45, 15–22 at 4.83, above 22 at 5.83. */
  private static final TieredTariff WATER =
      new TieredTariff(
          List.of(
              new Tier(d("15"), d("3.45")),
              new Tier(d("22"), d("4.83")),
              new Tier(null, d("5.83"))));

  private static List<String> problems(List<Tier> tiers) {
    List<String> found = new ArrayList<>();
    TieredTariff.check(tiers, (field, message) -> found.add(field));
    return found;
  }

  @Test
  void eachTierPricesOnlyItsShareOfTheConsumption() {
    assertThat(WATER.cost(d("10"))).isEqualByComparingTo("34.50");
    assertThat(WATER.cost(d("15"))).isEqualByComparingTo("51.75");
    // 15 × 3.45 + 5 × 4.83
    assertThat(WATER.cost(d("20"))).isEqualByComparingTo("75.90");
    // 15 × 3.45 + 7 × 4.83 + 8 × 5.83
    assertThat(WATER.cost(d("30"))).isEqualByComparingTo("132.20");
    // exact to the last decimal: 15 × 3.45 + 0.001 × 4.83
    assertThat(WATER.cost(d("15.001"))).isEqualByComparingTo("51.75483");
  }

  @Test
  void noConsumptionCostsNothingAndNegativeConsumptionIsABug() {
    assertThat(WATER.cost(BigDecimal.ZERO)).isEqualByComparingTo("0");
    assertThatThrownBy(() -> WATER.cost(d("-0.001"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSingleTierIsAFlatPrice() {
    assertThat(TieredTariff.flat(d("0.6")).cost(d("1234.5"))).isEqualByComparingTo("740.70");
  }

  @Test
  void tiersMustAscendAndOnlyTheLastIsUnbounded() {
    assertThat(problems(WATER.tiers())).isEmpty();
    assertThat(problems(List.of())).containsExactly("tiers");
    assertThat(problems(null)).containsExactly("tiers");
    assertThat(problems(List.of(new Tier(d("10"), d("1"))))).containsExactly("tiers[0].upTo");
    assertThat(problems(List.of(new Tier(null, d("1")), new Tier(null, d("2")))))
        .containsExactly("tiers[0].upTo");
    assertThat(
            problems(
                List.of(
                    new Tier(d("10"), d("1")), new Tier(d("10"), d("2")), new Tier(null, d("3")))))
        .containsExactly("tiers[1].upTo");
    assertThat(problems(List.of(new Tier(d("0"), d("1")), new Tier(null, d("2")))))
        .containsExactly("tiers[0].upTo");
    assertThat(problems(List.of(new Tier(d("1.0001"), d("1")), new Tier(null, d("2")))))
        .containsExactly("tiers[0].upTo");
    assertThat(problems(List.of(new Tier(null, d("-1"))))).containsExactly("tiers[0].price");
    assertThat(problems(List.of(new Tier(null, d("1.00001"))))).containsExactly("tiers[0].price");
    assertThat(problems(List.of(new Tier(null, null)))).containsExactly("tiers[0].price");
    assertThat(problems(Arrays.asList((Tier) null))).containsExactly("tiers[0]");
    List<Tier> eleven = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      eleven.add(new Tier(BigDecimal.valueOf(i), BigDecimal.ONE));
    }
    eleven.add(new Tier(null, BigDecimal.ONE));
    assertThat(problems(eleven)).containsExactly("tiers");
    assertThatThrownBy(() -> new TieredTariff(List.of(new Tier(d("5"), d("1")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tiers[0].upTo");
  }

  /**
   * 2,000 seeded random tariffs and consumptions: the cost never falls when consumption rises, is
   * never negative, equals the flat price for a one-tier tariff, and matches a unit-by-unit count
   * where consumption is whole.
   */
  @Test
  void propertiesHoldForRandomTariffs() {
    Random random = new Random(20261128L);
    for (int i = 0; i < 2000; i++) {
      TieredTariff tariff = randomTariff(random);
      BigDecimal a = BigDecimal.valueOf(random.nextInt(5_000_000), 3);
      BigDecimal b = a.add(BigDecimal.valueOf(random.nextInt(1_000_000), 3));
      String context = "case " + i + ": " + tariff.tiers() + " at " + a + " and " + b;

      assertThat(tariff.cost(a).signum()).as(context).isGreaterThanOrEqualTo(0);
      assertThat(tariff.cost(b)).as(context).isGreaterThanOrEqualTo(tariff.cost(a));

      BigDecimal price = tariff.tiers().get(0).price();
      assertThat(TieredTariff.flat(price).cost(a))
          .as(context)
          .isEqualByComparingTo(a.multiply(price));

      int whole = random.nextInt(200);
      assertThat(tariff.cost(BigDecimal.valueOf(whole)))
          .as(context + " unit by unit to " + whole)
          .isEqualByComparingTo(unitByUnit(tariff, whole));
    }
  }

  private static TieredTariff randomTariff(Random random) {
    int count = 1 + random.nextInt(5);
    List<Tier> tiers = new ArrayList<>();
    BigDecimal upTo = BigDecimal.ZERO;
    for (int t = 0; t < count; t++) {
      BigDecimal price = BigDecimal.valueOf(random.nextInt(200_000), 4);
      if (t == count - 1) {
        tiers.add(new Tier(null, price));
      } else {
        upTo = upTo.add(BigDecimal.valueOf(1 + random.nextInt(50)));
        tiers.add(new Tier(upTo, price));
      }
    }
    return new TieredTariff(tiers);
  }

  /** The slow, obvious way: each whole unit at the price of the tier it falls in. */
  private static BigDecimal unitByUnit(TieredTariff tariff, int units) {
    BigDecimal total = BigDecimal.ZERO;
    for (int u = 1; u <= units; u++) {
      for (Tier tier : tariff.tiers()) {
        if (tier.upTo() == null || tier.upTo().compareTo(BigDecimal.valueOf(u)) >= 0) {
          total = total.add(tier.price());
          break;
        }
      }
    }
    return total;
  }
}
