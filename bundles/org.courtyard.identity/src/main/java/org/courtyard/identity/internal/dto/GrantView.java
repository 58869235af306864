package org.courtyard.identity.internal.dto;

import java.time.Instant;
import java.util.List;

/** A role granted to a user in a scope. */
public record GrantView(
    long id, long userId, String role, String scope, List<Long> ids, Instant createdAt) {}
