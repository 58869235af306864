package org.courtyard.billing.internal.entity;

import java.math.BigDecimal;
import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One tier of a metered fee item's tariff (阶梯), a row of {@code fee_tier}. */
@Embeddable
public class FeeTierEmbeddable {

  /** Upper bound of the tier in consumption units; {@code null} for the last, unbounded tier. */
  @Column(name = "up_to", precision = 14, scale = 3)
  private BigDecimal upTo;

  @Column(name = "price", nullable = false, precision = 12, scale = 4)
  private BigDecimal price;

  protected FeeTierEmbeddable() {}

  public FeeTierEmbeddable(BigDecimal upTo, BigDecimal price) {
    this.upTo = upTo;
    this.price = price;
  }

  public BigDecimal getUpTo() {
    return upTo;
  }

  public BigDecimal getPrice() {
    return price;
  }
}
