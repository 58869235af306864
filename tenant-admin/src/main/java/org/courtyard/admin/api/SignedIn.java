package org.courtyard.admin.api;

import java.io.Serializable;

/**
 * The signed-in operator as {@code GET /operator/me} shows it; {@code totp}: it signs in with a
 * code as well as its password.
 */
public record SignedIn(String username, String role, boolean totp, String authentication)
    implements Serializable {

  public boolean readOnly() {
    return !OperatorAccount.OWNER.equals(role);
  }
}
