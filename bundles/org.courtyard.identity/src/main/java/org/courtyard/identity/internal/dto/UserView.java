package org.courtyard.identity.internal.dto;

import java.time.Instant;

/** A staff user; never the password. */
public record UserView(
    long id,
    String username,
    String displayName,
    String phone,
    String email,
    String status,
    int version,
    Instant createdAt,
    Instant lastLoginAt) {}
