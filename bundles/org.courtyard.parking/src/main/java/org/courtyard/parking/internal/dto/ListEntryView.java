package org.courtyard.parking.internal.dto;

import java.time.Instant;

/**
 * A plate on a list: of the lot {@code lotId}, or of every lot when it is null; {@code inForce} is
 * false once it expired or was removed.
 */
public record ListEntryView(
    long id,
    String list,
    String plate,
    Long lotId,
    String lotName,
    String reason,
    Instant expiresAt,
    boolean inForce,
    Long createdBy,
    Instant createdAt,
    Instant removedAt) {}
