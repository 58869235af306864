package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Minutes given off a plate's stays in a lot on a day, as {@code GET /parking/discounts} lists
 * them: a resident's grant for a visitor ({@code kind} visitor) or a merchant's coupon ({@code
 * kind} coupon, with its merchant and code); {@code usedByEntryId} the stay that used it, null
 * while unused.
 */
public record Discount(
    long id,
    long lotId,
    String plate,
    LocalDate day,
    String kind,
    int minutes,
    Long personId,
    String merchant,
    String code,
    Long grantedBy,
    Instant createdAt,
    Long usedByEntryId)
    implements Serializable {

  /** The body of {@code POST /parking/lots/{id}/coupons}. */
  public record Coupon(String plate, Integer minutes, String merchant, String code) {}
}
