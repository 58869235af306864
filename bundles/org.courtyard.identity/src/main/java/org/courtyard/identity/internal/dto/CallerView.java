package org.courtyard.identity.internal.dto;

import java.util.List;

/**
 * {@code GET /auth/me}: who the credential belongs to and, per permission it holds, where: {@code
 * company}, or the estates and buildings. {@code name} is the sign-in name (a staff member's user
 * name); {@code displayName} is what people call them (a staff member's display name, else the
 * name), for headers and notes. {@code language}: zh or en as the person chose to be written to in
 * ({@code PUT /auth/me/language}), null until they choose.
 */
public record CallerView(
    String tenant,
    String kind,
    String subject,
    String name,
    String displayName,
    String language,
    List<Held> permissions) {

  /** One permission and the scope it is held in. */
  public record Held(String permission, String scope, List<Long> estates, List<Long> buildings) {}
}
