package org.courtyard.identity.internal.dto;

import java.time.Instant;
import java.util.List;

/** An API key; {@code key} is only present in the answer that created it. */
public record ApiKeyView(
    long id,
    String name,
    String keyId,
    String role,
    String scope,
    List<Long> ids,
    String status,
    Instant expiresAt,
    Instant createdAt,
    Instant lastUsedAt,
    String key) {}
