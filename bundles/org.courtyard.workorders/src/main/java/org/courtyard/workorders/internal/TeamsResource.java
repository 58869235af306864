package org.courtyard.workorders.internal;

import static org.courtyard.api.rest.Params.body;

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
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.people.TeamInput;
import org.courtyard.workorders.internal.people.TeamView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Teams of technicians (班组) under {@code /api/v1/workorders/teams}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("teams")
@Produces(MediaType.APPLICATION_JSON)
public class TeamsResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(TeamsResource.class);

  private final WorkordersInstances instances;

  @Activate
  public TeamsResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(summary = "List teams", description = "Teams by id, with their members' user ids.")
  @Permission("workorders.order.read")
  @GET
  public Page<TeamView> teams(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances.of(security).teams().page(Params.limit(limit), cursor);
  }

  @Doc(summary = "Get a team", description = "404 not-found.")
  @Permission("workorders.order.read")
  @GET
  @Path("{id}")
  public TeamView team(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).teams().get(id);
  }

  @Doc(
      summary = "Create a team",
      description =
          "{name, members: [userId]}; the name is unique (409 duplicate). 422 naming the fields.",
      returns = TeamView.class)
  @Permission("workorders.technician.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context SecurityContext security, @Context UriInfo uri, TeamInput input) {
    TeamView created = instances.of(security).teams().create(members(security, body(input)));
    return Params.created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(
      summary = "Update a team",
      description =
          "Replaces the name and the members. 409 stale-version when changed since read; 409"
              + " duplicate for another team's name.")
  @Permission("workorders.technician.manage")
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public TeamView update(
      @Context SecurityContext security, @PathParam("id") long id, TeamInput input) {
    return instances.of(security).teams().update(id, members(security, body(input)));
  }

  @Doc(
      summary = "Delete a team",
      description =
          "Only a team no order names: 409 team-in-use otherwise (it stays in those orders'"
              + " history; rename it instead).")
  @Permission("workorders.technician.manage")
  @DELETE
  @Path("{id}")
  public void delete(@Context SecurityContext security, @PathParam("id") long id) {
    instances.of(security).teams().delete(id);
  }

  /** The team's members must be the tenant's staff users: 422 naming the others. */
  private TeamInput members(SecurityContext security, TeamInput input) {
    if (input.members() != null) {
      java.util.List<Long> ids =
          input.members().stream().filter(java.util.Objects::nonNull).toList();
      java.util.Set<Long> unknown =
          instances.places(TenantPrincipal.of(security)).unknownStaff(ids);
      if (!unknown.isEmpty()) {
        throw org.courtyard.api.FieldErrors.single(
            org.courtyard.api.FieldErrors.TYPE,
            TEXTS.title(org.courtyard.api.FieldErrors.TYPE),
            "members",
            TEXTS.text("team.unknown-members", unknown));
      }
    }
    return input;
  }
}
