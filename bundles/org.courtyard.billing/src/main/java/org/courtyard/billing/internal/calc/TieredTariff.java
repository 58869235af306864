package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.courtyard.api.FieldReport;
import org.courtyard.api.Texts;

/**
 * A tiered tariff (阶梯价格): consumption up to the first tier's {@code upTo} is priced at its price,
 * the part above that up to the second tier's {@code upTo} at the second price, and so on; the last
 * tier has no upper bound. One tier is a flat price.
 *
 * <p>The cost is exact (consumption has three decimals, prices four); the caller rounds it once, as
 * every fee is rounded.
 */
public final class TieredTariff {

  private static final Texts TEXTS = Texts.of(TieredTariff.class);

  /** Most tiers one tariff may have; real tariffs have two to four. */
  public static final int MAX_TIERS = 10;

  /** Largest tier bound: what {@code numeric(14,3)} holds. */
  public static final BigDecimal MAX_UP_TO = new BigDecimal("99999999999.999");

  /** Largest price: what {@code numeric(12,4)} holds. */
  public static final BigDecimal MAX_PRICE = new BigDecimal("99999999.9999");

  /**
   * One tier.
   *
   * @param upTo the consumption the tier reaches up to, inclusive; {@code null} for the last tier
   * @param price per unit of consumption within the tier
   */
  public record Tier(BigDecimal upTo, BigDecimal price) {}

  private final List<Tier> tiers;

  /**
   * @throws IllegalArgumentException naming the first rule {@code tiers} breaks (see {@link
   *     #check})
   */
  public TieredTariff(List<Tier> tiers) {
    List<String> problems = new ArrayList<>();
    check(tiers, (field, message) -> problems.add(field + " " + message));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid tariff: " + String.join("; ", problems));
    }
    this.tiers = List.copyOf(tiers);
  }

  public static TieredTariff flat(BigDecimal price) {
    return new TieredTariff(List.of(new Tier(null, price)));
  }

  public List<Tier> tiers() {
    return tiers;
  }

  /**
   * Reports every rule {@code tiers} breaks as {@code (field, message)}, fields named {@code
   * tiers}, {@code tiers[i].upTo} or {@code tiers[i].price}: one to {@value #MAX_TIERS} tiers;
   * prices from 0 to {@link #MAX_PRICE} with at most four decimals; every tier but the last with an
   * {@code upTo} above 0 and above the previous one, at most {@link #MAX_UP_TO} with at most three
   * decimals; the last tier without {@code upTo}.
   */
  public static void check(List<Tier> tiers, FieldReport report) {
    if (tiers == null || tiers.isEmpty() || tiers.size() > MAX_TIERS) {
      report.add("tiers", TEXTS.text("tariff.tiers", MAX_TIERS));
      return;
    }
    BigDecimal previous = null;
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      String field = "tiers[" + i + "]";
      if (tier == null) {
        report.add(field, TEXTS.text("tariff.tier-object"));
        continue;
      }
      BigDecimal price = tier.price();
      if (price == null
          || price.signum() < 0
          || price.compareTo(MAX_PRICE) > 0
          || price.stripTrailingZeros().scale() > 4) {
        report.add(field + ".price", TEXTS.text("tariff.price"));
      }
      boolean last = i == tiers.size() - 1;
      BigDecimal upTo = tier.upTo();
      if (last) {
        if (upTo != null) {
          report.add(field + ".upTo", TEXTS.text("tariff.last-up-to"));
        }
      } else if (upTo == null) {
        report.add(field + ".upTo", TEXTS.text("tariff.up-to-required"));
      } else if (upTo.signum() <= 0
          || upTo.compareTo(MAX_UP_TO) > 0
          || upTo.stripTrailingZeros().scale() > 3) {
        report.add(field + ".upTo", TEXTS.text("tariff.up-to-range"));
      } else {
        if (previous != null && upTo.compareTo(previous) <= 0) {
          report.add(
              field + ".upTo",
              TEXTS.text("tariff.up-to-ascending", previous.stripTrailingZeros().toPlainString()));
        }
        previous = upTo;
      }
    }
  }

  /**
   * The exact, unrounded cost of {@code consumption}: each tier's share of it times the tier's
   * price, summed. Never negative; 0 for no consumption.
   *
   * @throws IllegalArgumentException for a negative consumption
   */
  public BigDecimal cost(BigDecimal consumption) {
    if (consumption == null || consumption.signum() < 0) {
      throw new IllegalArgumentException("consumption must be 0 or more, was " + consumption);
    }
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal lower = BigDecimal.ZERO;
    for (Tier tier : tiers) {
      BigDecimal upper =
          tier.upTo() == null || tier.upTo().compareTo(consumption) > 0 ? consumption : tier.upTo();
      BigDecimal share = upper.subtract(lower);
      if (share.signum() <= 0) {
        break;
      }
      total = total.add(share.multiply(tier.price()));
      lower = upper;
    }
    return total;
  }
}
