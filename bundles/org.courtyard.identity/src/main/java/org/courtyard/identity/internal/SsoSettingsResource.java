package org.courtyard.identity.internal;

import static org.courtyard.api.rest.Params.body;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantExtension;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.identity.internal.dto.SsoSettingsUpdate;
import org.courtyard.identity.internal.dto.SsoSettingsView;

/**
 * The company's federated sign-in settings under {@code /api/v1/identity/sso}: its OpenID Connect
 * provider, how staff accounts are matched, whether unknown users are created. Reading them needs
 * the same permission as changing them: they say who may sign in.
 */
@Path("sso")
@Produces(MediaType.APPLICATION_JSON)
public final class SsoSettingsResource implements TenantExtension {

  private final SsoLogins sso;

  SsoSettingsResource(SsoLogins sso) {
    this.sso = sso;
  }

  @Override
  public String path() {
    return IdentityPlatform.IDENTITY_PATH;
  }

  @Doc(
      summary = "Get the federated sign-in settings",
      description =
          "The company's OpenID Connect provider (issuer, client id; whether a client secret is"
              + " set, never the secret), the claim that names a staff account, whether unknown"
              + " users are created and with which role and scope, the origins a sign-in may"
              + " return to, and the callback address to register at the provider.")
  @Permission("identity.sso.manage")
  @GET
  public SsoSettingsView getSso(
      @Context SecurityContext security, @Context HttpServletRequest http, @Context UriInfo uri) {
    return sso.settings(TenantPrincipal.of(security), SsoResource.apiBase(http, uri));
  }

  @Doc(
      summary = "Update the federated sign-in settings",
      description =
          "issuer (https; http only for localhost), clientId, clientSecret (absent keeps it, blank"
              + " removes it), matchClaim preferred_username or email, createUsers with createRole"
              + " (a role code, optional) in createScope company, estates or buildings"
              + " (createScopeIds), redirectOrigins, enabled (needs issuer, client id and secret)."
              + " 422 with the field; 409 stale-version.")
  @Permission("identity.sso.manage")
  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public SsoSettingsView updateSso(
      @Context SecurityContext security,
      @Context HttpServletRequest http,
      @Context UriInfo uri,
      SsoSettingsUpdate input) {
    return sso.updateSettings(
        TenantPrincipal.of(security), body(input), SsoResource.apiBase(http, uri));
  }
}
