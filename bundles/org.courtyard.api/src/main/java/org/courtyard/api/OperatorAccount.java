package org.courtyard.api;

import java.time.Instant;

/**
 * An operator account: {@code owner} runs the platform, {@code support} may only look (every
 * operator request but GET is refused). Never the password.
 */
public record OperatorAccount(String username, String role, String status, Instant createdAt) {

  public static final String OWNER = "owner";
  public static final String SUPPORT = "support";
}
