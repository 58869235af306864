package org.courtyard.identity.internal.dto;

import java.time.Instant;

/** A signed-in session of a user: where from, since when, until when. */
public record SessionView(
    String id,
    Instant createdAt,
    Instant refreshedAt,
    Instant expiresAt,
    Instant revokedAt,
    String revokedWhy,
    String source,
    String userAgent) {}
