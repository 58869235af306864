package org.courtyard.security.internal.dto;

import java.time.Instant;

/**
 * An access decision as the log shows it; {@code holder} is who holds the credential, when the
 * tenant issued it.
 */
public record AccessView(
    long id,
    String deviceId,
    String door,
    String credentialKind,
    String credential,
    boolean granted,
    String reason,
    Instant at,
    String holder) {}
