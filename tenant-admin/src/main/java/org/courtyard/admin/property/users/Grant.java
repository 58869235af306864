package org.courtyard.admin.property.users;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A role held by a staff member in a scope: {@code company}, or some {@code estates} or {@code
 * buildings} by id.
 */
public record Grant(
    long id, long userId, String role, String scope, List<Long> ids, Instant createdAt)
    implements Serializable {

  public Grant {
    ids = ids == null ? List.of() : List.copyOf(ids);
  }

  /** The body of {@code POST /identity/users/{id}/grants}. */
  public record Input(String role, String scope, List<Long> ids) {}
}
