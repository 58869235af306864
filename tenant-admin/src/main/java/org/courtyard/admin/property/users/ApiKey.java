package org.courtyard.admin.property.users;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An API key of the company, for an integration or a device: a role in a scope. {@code key} (the
 * Bearer secret) is only in the answer that created it.
 */
public record ApiKey(
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
    String key)
    implements Serializable {

  public ApiKey {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  public boolean active() {
    return "active".equals(status);
  }

  /** The body of {@code POST /identity/api-keys}; {@code expiresAt} may be null (never). */
  public record Input(String name, String role, String scope, List<Long> ids, Instant expiresAt) {}
}
