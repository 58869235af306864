package org.courtyard.admin.property.billing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A fee item (收费项目) as {@code /billing/fee-items} reads and writes it: {@code kind} area, fixed,
 * one_off, metered or per_vehicle (fixed once made), {@code cycle} monthly, quarterly or yearly;
 * metered items also carry their meter type and price tiers. {@code version} guards edits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeeItem(
    Long id,
    String code,
    String name,
    String kind,
    BigDecimal unitPrice,
    List<String> appliesToTypes,
    String cycle,
    Integer roundingScale,
    String roundingMode,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    Integer version,
    String meterType,
    List<Tier> tiers)
    implements Serializable {

  /** A metered item's price from its consumption above the previous tier up to {@code upTo}. */
  public record Tier(BigDecimal upTo, BigDecimal price) implements Serializable {}

  /** The body of a create ({@code id} left out) or an update (with the version last read). */
  FeeItem body() {
    return new FeeItem(
        null,
        code,
        name,
        kind,
        unitPrice,
        appliesToTypes,
        cycle,
        roundingScale,
        roundingMode,
        effectiveFrom,
        effectiveTo,
        version,
        meterType,
        tiers);
  }
}
