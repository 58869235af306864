package org.courtyard.admin.property.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An access credential (门禁卡, PIN, QR) as {@code GET /security/credentials} lists it: its kind and
 * value, whose it is, the doors it opens and when, {@code active} or {@code revoked} (when, by whom
 * and why), and what each door controller was told of it ({@code pushes}).
 */
public record Credential(
    long id,
    String kind,
    String credential,
    String holder,
    Long personId,
    List<String> doors,
    Instant validFrom,
    Instant validTo,
    String status,
    Instant createdAt,
    Instant revokedAt,
    String revokedBy,
    String reason,
    List<Push> pushes)
    implements Serializable {

  public boolean active() {
    return "active".equals(status);
  }

  /** What a controller was told: {@code add}/{@code remove}, {@code sent} or {@code failed}. */
  public record Push(
      String deviceId,
      String door,
      String action,
      Long commandId,
      String status,
      String detail,
      Instant at)
      implements Serializable {}

  /** The body of {@code POST /security/credentials/{id}/revoke}: why, or null. */
  public record Revocation(String reason) {}

  /** The body of {@code POST /security/credentials}; times are ISO-8601 instants or null. */
  public record Input(
      String kind,
      String credential,
      String holder,
      Long personId,
      List<String> doors,
      String validFrom,
      String validTo) {}
}
