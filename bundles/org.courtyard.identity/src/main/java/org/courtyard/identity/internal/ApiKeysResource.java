package org.courtyard.identity.internal;

import static org.courtyard.api.rest.Params.body;
import static org.courtyard.api.rest.Params.created;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantExtension;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.identity.internal.dto.ApiKeyInput;
import org.courtyard.identity.internal.dto.ApiKeyView;

/** API keys under {@code /api/v1/identity/api-keys}: a role in a scope per key. */
@Path("api-keys")
@Produces(MediaType.APPLICATION_JSON)
public final class ApiKeysResource implements TenantExtension {

  private final ApiKeys keys;

  ApiKeysResource(ApiKeys keys) {
    this.keys = keys;
  }

  @Override
  public String path() {
    return IdentityPlatform.IDENTITY_PATH;
  }

  @Doc(summary = "List API keys", description = "Never the secret: only its public id.")
  @Permission("identity.apikey.manage")
  @GET
  public List<ApiKeyView> listApiKeys(@Context SecurityContext security) {
    return keys.list(TenantPrincipal.of(security));
  }

  @Doc(
      summary = "Create an API key",
      description =
          "A name, a role (its code) and a scope (company, estates or buildings with ids),"
              + " optionally an expiry. The answer holds the key (Bearer cyk_...), shown this once.",
      returns = ApiKeyView.class)
  @Permission("identity.apikey.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createApiKey(
      @Context SecurityContext security, @Context UriInfo uri, ApiKeyInput input) {
    ApiKeyView key = keys.create(TenantPrincipal.of(security), body(input));
    return created(uri.getAbsolutePathBuilder(), key.id(), key);
  }

  @Doc(summary = "Revoke an API key", description = "It stops working at once. 404 not-found.")
  @Permission("identity.apikey.manage")
  @POST
  @Path("{id}/revoke")
  public ApiKeyView revokeApiKey(@Context SecurityContext security, @PathParam("id") long id) {
    return keys.revoke(TenantPrincipal.of(security), id);
  }
}
