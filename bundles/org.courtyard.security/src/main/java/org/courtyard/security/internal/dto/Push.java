package org.courtyard.security.internal.dto;

import java.time.Instant;

/**
 * What a door controller was told of a credential: {@code add} when issued, {@code remove} when
 * revoked; {@code sent} with the device command that carries it (its acknowledgement shows in the
 * device's commands), or {@code failed} with why.
 */
public record Push(
    String deviceId,
    String door,
    String action,
    Long commandId,
    String status,
    String detail,
    Instant at) {}
