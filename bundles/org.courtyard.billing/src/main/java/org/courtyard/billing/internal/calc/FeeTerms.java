package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * The pricing part of a fee item, as the calculator needs it.
 *
 * @param roomTypes the room types charged; empty means every type
 * @param scale decimal places the fee rounds its amounts to, 0 to 4
 * @param effectiveTo last day the fee applies, inclusive; {@code null} for open-ended
 */
public record FeeTerms(
    FeeKind kind,
    BigDecimal unitPrice,
    Set<String> roomTypes,
    Cycle cycle,
    int scale,
    Rounding rounding,
    LocalDate effectiveFrom,
    LocalDate effectiveTo) {

  public FeeTerms {
    roomTypes = Set.copyOf(roomTypes);
    if (scale < 0 || scale > 4) {
      throw new IllegalArgumentException("scale must be 0..4, was " + scale);
    }
  }

  public boolean appliesTo(String roomType) {
    return roomTypes.isEmpty() || roomTypes.contains(roomType);
  }
}
