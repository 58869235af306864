package org.courtyard.parking.internal.dto;

import java.time.OffsetDateTime;

/**
 * Body of {@code POST /parking/lists}: a plate on the {@code white} or {@code black} list of one
 * lot, or of every lot when {@code lotId} is left out, with the reason and an optional expiry.
 */
public record ListEntryInput(
    String list, String plate, Long lotId, String reason, OffsetDateTime expiresAt) {}
