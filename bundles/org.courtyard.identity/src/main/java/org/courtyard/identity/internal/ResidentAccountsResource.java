package org.courtyard.identity.internal;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.identity.internal.dto.ResidentAccountView;

/**
 * Residents' sign-in accounts under {@code /api/v1/identity/residents}, for the company's staff:
 * who has signed in, and disabling, enabling or signing out an account. Company-wide, like staff
 * administration.
 */
@Path("residents")
@Produces(MediaType.APPLICATION_JSON)
public final class ResidentAccountsResource implements org.courtyard.api.rest.TenantExtension {

  private final ResidentAccounts accounts;

  ResidentAccountsResource(ResidentAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public String path() {
    return IdentityPlatform.IDENTITY_PATH;
  }

  @Doc(
      summary = "List residents' accounts",
      description =
          "Accounts residents made by signing in with a code, by id; personId and status filter.")
  @Permission("identity.resident.read")
  @GET
  public Page<ResidentAccountView> list(
      @Context SecurityContext security,
      @QueryParam("personId") Long personId,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return accounts.list(
        TenantPrincipal.of(security), personId, status, Cursor.decode(cursor), Params.limit(limit));
  }

  @Doc(
      summary = "Disable a resident's account",
      description = "The account's tokens stop working at once. 404 not-found.")
  @Permission("identity.resident.manage")
  @POST
  @Path("{id}/disable")
  public ResidentAccountView disable(@Context SecurityContext security, @PathParam("id") long id) {
    return accounts.setActive(TenantPrincipal.of(security), id, false);
  }

  @Doc(summary = "Enable a resident's account", description = "404 not-found.")
  @Permission("identity.resident.manage")
  @POST
  @Path("{id}/enable")
  public ResidentAccountView enable(@Context SecurityContext security, @PathParam("id") long id) {
    return accounts.setActive(TenantPrincipal.of(security), id, true);
  }

  @Doc(
      summary = "Sign a resident out everywhere",
      description = "Ends every session of the account. 404 not-found.",
      status = 204)
  @Permission("identity.resident.manage")
  @POST
  @Path("{id}/logout-all")
  public Response signOut(@Context SecurityContext security, @PathParam("id") long id) {
    accounts.signOutEverywhere(TenantPrincipal.of(security), id);
    return Response.noContent().build();
  }
}
