package org.courtyard.identity.internal.dto;

import java.util.List;

/**
 * {@code GET /auth/me}: who the credential belongs to and, per permission it holds, where: {@code
 * company}, or the estates and buildings.
 */
public record CallerView(
    String tenant, String kind, String subject, String name, List<Held> permissions) {

  /** One permission and the scope it is held in. */
  public record Held(String permission, String scope, List<Long> estates, List<Long> buildings) {}
}
