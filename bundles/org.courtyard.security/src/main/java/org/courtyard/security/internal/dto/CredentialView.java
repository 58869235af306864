package org.courtyard.security.internal.dto;

import java.time.Instant;
import java.util.List;

/** An access credential, with what its door controllers were told of it. */
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
        p);
  }
}
