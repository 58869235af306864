package org.courtyard.identity.internal.dto;

import java.time.Instant;

/**
 * A staff user; never the password. {@code totp}: whether the user has a confirmed second factor
 * (an authenticator app), so an administrator sees who still has to set one up.
 */
public record UserView(
    long id,
    String username,
    String displayName,
    String phone,
    String email,
    String status,
    int version,
    Instant createdAt,
    Instant lastLoginAt,
    boolean totp) {}
