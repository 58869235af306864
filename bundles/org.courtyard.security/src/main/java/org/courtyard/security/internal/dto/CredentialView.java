package org.courtyard.security.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * An access credential, with what its door controllers were told of it. A revoked one says when, by
 * whom ({@code revokedBy}: the user name or key that revoked it) and why ({@code reason}, when
 * given).
 */
public record CredentialView(
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
    List<Push> pushes) {

  /** The same credential with these pushes. */
  public CredentialView withPushes(List<Push> p) {
    return new CredentialView(
        id,
        kind,
        credential,
        holder,
        personId,
        doors,
        validFrom,
        validTo,
        status,
        createdAt,
        revokedAt,
        revokedBy,
        reason,
        p);
  }
}
