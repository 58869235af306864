package org.courtyard.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Tenant;
import org.courtyard.api.TenantService;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;

/** Lets a tenant's integration check its token and see which modules it has. */
@Path("/tenant")
@Produces(MediaType.APPLICATION_JSON)
public final class TenantSelfResource {

  private final TenantService tenants;

  TenantSelfResource(TenantService tenants) {
    this.tenants = tenants;
  }

  @Doc(
      summary = "Get the calling tenant",
      description = "The tenant the token belongs to: slug, name, status and enabled modules.")
  @Permission("identity.tenant.read")
  @GET
  public Tenant me(@Context SecurityContext security) {
    String slug = TenantPrincipal.of(security).value();
    return tenants
        .find(slug)
        .orElseThrow(() -> ProblemException.notFound("tenant-not-found", "Tenant not found", slug));
  }
}
