package org.courtyard.api;

import java.time.Instant;

/**
 * A signed-in operator: {@code token} is the Bearer credential, shown this once (the platform keeps
 * only its hash). It ends at {@code expiresAt} at the latest, after {@code idleMinutes} without a
 * request, at sign-out, and at once when the account is disabled or its password or second factor
 * is reset.
 */
public record OperatorSession(
    String token, String username, String role, Instant expiresAt, int idleMinutes) {}
