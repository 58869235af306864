package org.courtyard.residents.internal.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;
import org.courtyard.api.FieldReport;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;

/**
 * Ownership shares in percent, with two decimals as the {@code numeric(5,2)} column stores them.
 * The current owners of a room may hold at most 100% between them; owners without a share (joint
 * ownership, 共同共有) count as 0. All arithmetic is exact: 33.33 three times and 0.01 is exactly
 * 100.00, and a share with more decimals is refused, never rounded.
 */
public final class Shares {

  private static final Texts TEXTS = Texts.of(Shares.class);

  public static final int SCALE = 2;
  public static final BigDecimal LIMIT = new BigDecimal("100.00");

  private Shares() {}

  /**
   * A share for an occupancy of {@code role}; {@code null} when absent or after reporting a
   * problem. Only owners hold a share.
   *
   * @param role the occupancy's role, or {@code null} if it was invalid (then only the value is
   *     checked)
   */
  public static BigDecimal share(
      OccupancyRole role, BigDecimal value, String field, FieldReport report) {
    if (value == null) {
      return null;
    }
    if (role != null && role != OccupancyRole.OWNER) {
      report.add(field, TEXTS.text("share.owners-only", role.value()));
      return null;
    }
    if (value.signum() <= 0 || value.compareTo(LIMIT) > 0) {
      report.add(field, TEXTS.text("share.range", TextRules.shorten(value.toString())));
      return null;
    }
    if (value.stripTrailingZeros().scale() > SCALE) {
      report.add(field, TEXTS.text("share.scale", SCALE, TextRules.shorten(value.toString())));
      return null;
    }
    return value.setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /** The sum of {@code shares}, where {@code null} (an owner without a share) counts as 0. */
  public static BigDecimal total(Collection<BigDecimal> shares) {
    return shares.stream()
        .filter(Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(SCALE, RoundingMode.UNNECESSARY);
  }

  /** Whether {@code requested} more fits beside {@code currentTotal} within 100%. */
  public static boolean fits(BigDecimal currentTotal, BigDecimal requested) {
    return currentTotal.add(requested).compareTo(LIMIT) <= 0;
  }

  /** What is left to hand out beside {@code currentTotal}; never negative. */
  public static BigDecimal available(BigDecimal currentTotal) {
    BigDecimal left = LIMIT.subtract(currentTotal);
    return (left.signum() < 0 ? BigDecimal.ZERO : left).setScale(SCALE, RoundingMode.UNNECESSARY);
  }
}
