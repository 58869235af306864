package org.courtyard.parking.internal.tariff;

import java.math.BigDecimal;
import java.time.LocalTime;

/**
 * A lot's temporary-parking tariff (临时停车收费标准), as money and minutes:
 *
 * <ul>
 *   <li>a stay of at most {@code freeMinutes} is free (the grace for dropping someone off);
 *   <li>otherwise the first {@code firstMinutes} of the charged time cost {@code firstPrice};
 *   <li>then each started {@code unitMinutes} costs {@code unitPrice}, or {@code nightUnitPrice}
 *       when the unit starts between {@code nightFrom} and {@code nightTo} (local time; the window
 *       may pass midnight; no night rate when {@code nightUnitPrice} is null);
 *   <li>each 24 hours counted from the entry cost at most {@code capPer24h} (null: no cap).
 * </ul>
 *
 * Amounts are yuan with at most 2 decimals.
 */
public record Tariff(
    int freeMinutes,
    int firstMinutes,
    BigDecimal firstPrice,
    int unitMinutes,
    BigDecimal unitPrice,
    LocalTime nightFrom,
    LocalTime nightTo,
    BigDecimal nightUnitPrice,
    BigDecimal capPer24h) {

  public boolean hasNightRate() {
    return nightUnitPrice != null && nightFrom != null && nightTo != null;
  }

  /** Whether a unit starting at {@code t} (local time) is in the night window. */
  boolean night(LocalTime t) {
    if (!hasNightRate()) {
      return false;
    }
    return nightFrom.isBefore(nightTo)
        ? !t.isBefore(nightFrom) && t.isBefore(nightTo)
        : !t.isBefore(nightFrom) || t.isBefore(nightTo);
  }
}
