package org.courtyard.identity.internal.dto;

import java.time.Instant;

/**
 * A resident account as staff see it: the person it is linked to, whether it may sign in, and how
 * it last did (the address masked).
 */
public record ResidentAccountView(
    long id,
    long personId,
    String status,
    String lastKind,
    String lastAddress,
    Instant createdAt,
    Instant lastLoginAt) {}
