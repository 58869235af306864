package org.courtyard.api.rest;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.TenantSlug;

/** The tenant a request is made for, taken from the verified credential and nothing else. */
public final class TenantPrincipal implements Principal {

  private final TenantSlug tenant;
  private final String tokenId;

  public TenantPrincipal(TenantSlug tenant, String tokenId) {
    this.tenant = tenant;
    this.tokenId = tokenId;
  }

  /**
   * @throws IllegalStateException when the request was not authenticated as a tenant; the
   *     platform's filter guarantees it is for every module resource
   */
  public static TenantSlug of(SecurityContext securityContext) {
    Principal p = securityContext == null ? null : securityContext.getUserPrincipal();
    if (p instanceof TenantPrincipal) {
      return ((TenantPrincipal) p).tenant;
    }
    throw new IllegalStateException("request has no tenant credential");
  }

  public TenantSlug tenant() {
    return tenant;
  }

  @Override
  public String getName() {
    return tenant.value() + "/" + tokenId;
  }
}
