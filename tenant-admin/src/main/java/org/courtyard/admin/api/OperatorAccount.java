package org.courtyard.admin.api;

import java.time.Instant;

/** An operator account as {@code GET /operator/accounts} shows it: never its password. */
public record OperatorAccount(
    String username, String role, String status, Instant createdAt, boolean totp) {

  public static final String OWNER = "owner";
  public static final String SUPPORT = "support";

  public boolean active() {
    return "active".equals(status);
  }
}
