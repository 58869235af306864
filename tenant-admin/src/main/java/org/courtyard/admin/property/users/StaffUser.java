package org.courtyard.admin.property.users;

import java.io.Serializable;
import java.time.Instant;

/**
 * A staff account as {@code GET /identity/users} lists it; {@code totp}: a confirmed second factor.
 */
public record StaffUser(
    long id,
    String username,
    String displayName,
    String phone,
    String email,
    String status,
    int version,
    Instant createdAt,
    Instant lastLoginAt,
    boolean totp)
    implements Serializable {

  public boolean active() {
    return "active".equals(status);
  }
}
