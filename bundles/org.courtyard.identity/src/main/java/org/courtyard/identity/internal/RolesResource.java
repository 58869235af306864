package org.courtyard.identity.internal;

import static org.courtyard.api.rest.Params.body;
import static org.courtyard.api.rest.Params.created;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.courtyard.identity.internal.dto.PermissionView;
import org.courtyard.identity.internal.dto.RoleInput;
import org.courtyard.identity.internal.dto.RoleUpdate;
import org.courtyard.identity.internal.dto.RoleView;

/** Roles and the permission list under {@code /api/v1/identity}. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class RolesResource implements TenantExtension {

  private final Roles roles;
  private final PermissionCatalog catalog;

  RolesResource(Roles roles, PermissionCatalog catalog) {
    this.roles = roles;
    this.catalog = catalog;
  }

  @Override
  public String path() {
    return IdentityPlatform.IDENTITY_PATH;
  }

  @Doc(
      summary = "List permissions",
      description =
          "Every permission roles may hold: the platform's and those of the modules installed,"
              + " with English and Chinese titles and whether it moves money or opens doors.")
  @Permission("identity.role.read")
  @GET
  @Path("permissions")
  public List<PermissionView> listPermissions() {
    return catalog.all().stream()
        .map(
            d ->
                new PermissionView(
                    d.id(), d.module(), d.titleEn(), d.titleZh(), d.movesMoney(), d.opensDoors()))
        .toList();
  }

  @Doc(summary = "List roles", description = "The company's roles, templates first.")
  @Permission("identity.role.read")
  @GET
  @Path("roles")
  public List<RoleView> listRoles(@Context SecurityContext security) {
    return roles.list(TenantPrincipal.of(security));
  }

  @Doc(
      summary = "Create a role",
      description =
          "A code, names in English and Chinese, and permissions: ids or patterns such as"
              + " billing.* or *.read. 409 duplicate, 422 for an unknown permission.",
      returns = RoleView.class)
  @Permission("identity.role.manage")
  @POST
  @Path("roles")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createRole(
      @Context SecurityContext security, @Context UriInfo uri, RoleInput input) {
    RoleView role = roles.create(TenantPrincipal.of(security), body(input));
    return created(uri.getAbsolutePathBuilder(), role.id(), role);
  }

  @Doc(summary = "Get a role", description = "One role by id. 404 not-found.")
  @Permission("identity.role.read")
  @GET
  @Path("roles/{id}")
  public RoleView getRole(@Context SecurityContext security, @PathParam("id") long id) {
    return roles.get(TenantPrincipal.of(security), id);
  }

  @Doc(
      summary = "Update a role",
      description =
          "Names and permissions; everyone holding it has the new permissions on their next"
              + " request. 409 stale-version.")
  @Permission("identity.role.manage")
  @PUT
  @Path("roles/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public RoleView updateRole(
      @Context SecurityContext security, @PathParam("id") long id, RoleUpdate input) {
    return roles.update(TenantPrincipal.of(security), id, body(input));
  }

  @Doc(summary = "Delete a role", description = "409 role-in-use while anyone holds it.")
  @Permission("identity.role.manage")
  @DELETE
  @Path("roles/{id}")
  public Response deleteRole(@Context SecurityContext security, @PathParam("id") long id) {
    roles.delete(TenantPrincipal.of(security), id);
    return Response.noContent().build();
  }
}
