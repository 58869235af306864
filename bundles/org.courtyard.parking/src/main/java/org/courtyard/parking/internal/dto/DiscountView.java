package org.courtyard.parking.internal.dto;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Minutes given off a plate's stays in a lot on a day: a resident's visitor grant ({@code kind}
 * visitor, {@code personId}) or a merchant's coupon ({@code kind} coupon, {@code merchant}, {@code
 * code}); {@code usedByEntryId} the stay whose exit used it up, null while unused.
 */
public record DiscountView(
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
    Long usedByEntryId) {}
