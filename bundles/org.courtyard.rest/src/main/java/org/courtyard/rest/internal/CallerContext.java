package org.courtyard.rest.internal;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/** The caller of a request as the authentication and permission filters established it. */
final class CallerContext implements SecurityContext {
  private final Principal principal;
  private final boolean secure;
  private final String role;
  private final String scheme;

  CallerContext(Principal principal, boolean secure, String role, String scheme) {
    this.principal = principal;
    this.secure = secure;
    this.role = role;
    this.scheme = scheme;
  }

  @Override
  public Principal getUserPrincipal() {
    return principal;
  }

  @Override
  public boolean isUserInRole(String r) {
    return role.equals(r);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return scheme;
  }
}
