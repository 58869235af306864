package org.courtyard.admin.api;

import java.time.Instant;

/** Per-tenant counts from {@code GET /operator/stats}; null where the module is not enabled. */
public record TenantStats(
    String tenant, Integer rooms, Integer residents, Integer devices, Instant lastIngestAt) {}
