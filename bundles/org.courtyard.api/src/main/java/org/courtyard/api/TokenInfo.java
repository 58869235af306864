package org.courtyard.api;

import java.time.Instant;

/** A tenant API token as operators see it: its public id and lifecycle, never the secret. */
public final class TokenInfo {
  public final String id;
  public final Instant createdAt;

  /** Null while the token is valid. */
  public final Instant revokedAt;

  public TokenInfo(String id, Instant createdAt, Instant revokedAt) {
    this.id = id;
    this.createdAt = createdAt;
    this.revokedAt = revokedAt;
  }
}
