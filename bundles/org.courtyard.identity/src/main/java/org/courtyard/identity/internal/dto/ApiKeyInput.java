package org.courtyard.identity.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * Body of {@code POST /identity/api-keys}: what the key is for (a door controller, an accounting
 * export), the role it holds and where (as for grants), and optionally when it stops working.
 */
public record ApiKeyInput(
    String name, String role, String scope, List<Long> ids, Instant expiresAt) {}
