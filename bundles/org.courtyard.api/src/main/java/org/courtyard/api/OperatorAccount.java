package org.courtyard.api;

import java.time.Instant;

/**
 * An operator account: {@code owner} runs the platform, {@code support} may only look (every
 * operator request but GET is refused). {@code totp}: it signs in with a code from an authenticator
 * app as well as its password. Never the password or the secret.
 */
public record OperatorAccount(
    String username, String role, String status, Instant createdAt, boolean totp) {

  public static final String OWNER = "owner";
  public static final String SUPPORT = "support";

  /** An account without a second factor. */
  public OperatorAccount(String username, String role, String status, Instant createdAt) {
    this(username, role, status, createdAt, false);
  }
}
