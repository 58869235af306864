package org.courtyard.parking.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.ListEntryInput;
import org.courtyard.parking.internal.dto.ListEntryView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The white and black lists of plates under {@code /api/v1/parking/lists}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("lists")
@Produces(MediaType.APPLICATION_JSON)
public class ListsResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public ListsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List white- and black-listed plates",
      description =
          "Entries not removed, of the lots in the caller's scope and company-wide, by id;"
              + " inForce is false once an entry expired. Filters: list (white, black), plate (any"
              + " way it is written), lotId (that lot's entries and the company-wide ones).")
  @Permission("parking.list.read")
  @GET
  public Page<ListEntryView> listEntries(
      @Context SecurityContext security,
      @QueryParam("list") String list,
      @QueryParam("plate") String plate,
      @QueryParam("lotId") String lotId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .lists()
        .list(
            TenantPrincipal.scopeOf(security),
            ParkingRules.filter("list", list, ParkingRules.LISTS),
            ParkingRules.plateFilter(plate),
            Params.id("lotId", lotId),
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(
      summary = "Put a plate on a list",
      description =
          "list (white: always let in; black: never), plate, lotId (left out: every lot, for"
              + " staff of the whole company only, else 403), reason, and an optional expiresAt"
              + " in the future. A plate has one entry in force per lot or company-wide: 409"
              + " already-listed with entryId and list. 422 validation-failed; 404 for a lot"
              + " outside the caller's scope.",
      returns = ListEntryView.class,
      status = 201)
  @Permission("parking.list.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createEntry(
      @Context SecurityContext security, @Context UriInfo uri, ListEntryInput input) {
    ListEntryView entry =
        instances
            .of(security)
            .lists()
            .create(
                TenantPrincipal.scopeOf(security),
                Params.body(input),
                ParkingInstances.staffUser(security));
    return Params.created(uri.getAbsolutePathBuilder(), entry.id(), entry);
  }

  @Doc(summary = "Get a list entry", description = "One entry not removed. 404 not-found.")
  @Permission("parking.list.read")
  @GET
  @Path("{id}")
  public ListEntryView getEntry(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).lists().get(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Take a plate off its list",
      description =
          "The entry is kept with who removed it and when, and no longer counts. 404 not-found"
              + " (also when removed already); 403 for a company-wide entry and staff of some"
              + " estates.",
      status = 204)
  @Permission("parking.list.manage")
  @DELETE
  @Path("{id}")
  public Response removeEntry(@Context SecurityContext security, @PathParam("id") long id) {
    instances
        .of(security)
        .lists()
        .remove(TenantPrincipal.scopeOf(security), id, ParkingInstances.staffUser(security));
    return Response.noContent().build();
  }
}
