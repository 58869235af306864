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
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantExtension;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.identity.internal.dto.GrantInput;
import org.courtyard.identity.internal.dto.GrantView;
import org.courtyard.identity.internal.dto.PasswordInput;
import org.courtyard.identity.internal.dto.SessionView;
import org.courtyard.identity.internal.dto.UserInput;
import org.courtyard.identity.internal.dto.UserUpdate;
import org.courtyard.identity.internal.dto.UserView;

/**
 * Staff accounts under {@code /api/v1/identity/users}: create, edit, disable, set passwords, see
 * sessions, and grant roles in scopes. Company-wide: staff administration is not scoped to estates.
 */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource implements TenantExtension {

  private final StaffUsers users;
  private final Grants grants;
  private final Sessions sessions;
  private final SecondFactor secondFactor;

  UsersResource(StaffUsers users, Grants grants, Sessions sessions, SecondFactor secondFactor) {
    this.secondFactor = secondFactor;
    this.users = users;
    this.grants = grants;
    this.sessions = sessions;
  }

  @Override
  public String path() {
    return IdentityPlatform.IDENTITY_PATH;
  }

  @Doc(
      summary = "List staff users",
      description = "Paginated by id; q searches user name, name, phone and e-mail.")
  @Permission("identity.user.read")
  @GET
  public Page<UserView> listUsers(
      @Context SecurityContext security,
      @QueryParam("q") String q,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return users.list(tenant(security), q, status, Cursor.decode(cursor), Params.limit(limit));
  }

  @Doc(
      summary = "Create a staff user",
      description =
          "A user name (lower case), a display name, optional phone and e-mail, and a first"
              + " password: at least 10 characters, not a common one. 409 duplicate, 422.",
      returns = UserView.class)
  @Permission("identity.user.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createUser(
      @Context SecurityContext security, @Context UriInfo uri, UserInput input) {
    UserView user = users.create(tenant(security), body(input));
    return created(uri.getAbsolutePathBuilder(), user.id(), user);
  }

  @Doc(summary = "Get a staff user", description = "One user by id. 404 not-found.")
  @Permission("identity.user.read")
  @GET
  @Path("{id}")
  public UserView getUser(@Context SecurityContext security, @PathParam("id") long id) {
    return users.get(tenant(security), id);
  }

  @Doc(
      summary = "Update a staff user",
      description = "Name, phone and e-mail. 409 stale-version when changed meanwhile.")
  @Permission("identity.user.manage")
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView updateUser(
      @Context SecurityContext security, @PathParam("id") long id, UserUpdate input) {
    return users.update(tenant(security), id, body(input));
  }

  @Doc(
      summary = "Disable a staff user",
      description = "The user cannot sign in, and every token they hold stops working at once.")
  @Permission("identity.user.manage")
  @POST
  @Path("{id}/disable")
  public UserView disableUser(@Context SecurityContext security, @PathParam("id") long id) {
    return users.setStatus(tenant(security), id, StaffUsers.DISABLED);
  }

  @Doc(summary = "Enable a staff user", description = "The user may sign in again.")
  @Permission("identity.user.manage")
  @POST
  @Path("{id}/enable")
  public UserView enableUser(@Context SecurityContext security, @PathParam("id") long id) {
    return users.setStatus(tenant(security), id, StaffUsers.ACTIVE);
  }

  @Doc(
      summary = "Set a staff user's password",
      description =
          "At least 10 characters, not a common password, not the user name; the user's sessions"
              + " end. 422 with the reason.",
      status = 204)
  @Permission("identity.user.manage")
  @PUT
  @Path("{id}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response setPassword(
      @Context SecurityContext security, @PathParam("id") long id, PasswordInput input) {
    users.setPassword(tenant(security), id, body(input).password());
    return Response.noContent().build();
  }

  @Doc(
      summary = "Sign a staff user out everywhere",
      description = "Ends every session of the user; their access tokens stop working at once.",
      status = 204)
  @Permission("identity.user.manage")
  @POST
  @Path("{id}/sign-out")
  public Response signOut(@Context SecurityContext security, @PathParam("id") long id) {
    users.signOutEverywhere(tenant(security), id);
    return Response.noContent().build();
  }

  @Doc(
      summary = "Reset a staff user's second factor",
      description =
          "For a user who lost the phone: sign-in stops asking for codes until they set it up"
              + " again (at once, when the company requires it).",
      status = 204)
  @Permission("identity.user.manage")
  @DELETE
  @Path("{id}/totp")
  public Response resetTotp(@Context SecurityContext security, @PathParam("id") long id) {
    secondFactor.reset(tenant(security), id);
    return Response.noContent().build();
  }

  @Doc(
      summary = "List a staff user's sessions",
      description =
          "Signed-in devices, open or ended in the last week: since when, from where, ended why.")
  @Permission("identity.user.read")
  @GET
  @Path("{id}/sessions")
  public List<SessionView> listSessions(
      @Context SecurityContext security, @PathParam("id") long id) {
    return sessions.list(tenant(security), id);
  }

  @Doc(summary = "List a staff user's grants", description = "The roles they hold, and where.")
  @Permission("identity.role.read")
  @GET
  @Path("{id}/grants")
  public List<GrantView> listGrants(@Context SecurityContext security, @PathParam("id") long id) {
    return grants.list(tenant(security), id);
  }

  @Doc(
      summary = "Grant a role",
      description =
          "A role (its code) in a scope: company, estates (ids) or buildings (ids). Takes effect on"
              + " the user's next request. 422 for an unknown role.",
      returns = GrantView.class)
  @Permission("identity.grant.manage")
  @POST
  @Path("{id}/grants")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response addGrant(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("id") long id,
      GrantInput input) {
    GrantView grant = grants.add(tenant(security), id, body(input));
    return created(uri.getAbsolutePathBuilder(), grant.id(), grant);
  }

  @Doc(summary = "Take a grant back", description = "Takes effect on the user's next request.")
  @Permission("identity.grant.manage")
  @DELETE
  @Path("{id}/grants/{grant}")
  public Response removeGrant(
      @Context SecurityContext security, @PathParam("id") long id, @PathParam("grant") long grant) {
    grants.remove(tenant(security), id, grant);
    return Response.noContent().build();
  }

  private static org.courtyard.api.TenantSlug tenant(SecurityContext security) {
    return TenantPrincipal.of(security);
  }
}
