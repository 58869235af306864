package org.courtyard.parking.internal;

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
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.OwnerInput;
import org.courtyard.parking.internal.dto.OwnerView;
import org.courtyard.parking.internal.dto.SensorInput;
import org.courtyard.parking.internal.dto.SpaceInput;
import org.courtyard.parking.internal.dto.SpaceView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The spaces of the lots under {@code /api/v1/parking/spaces}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("spaces")
@Produces(MediaType.APPLICATION_JSON)
public class SpacesResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public SpacesResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List spaces",
      description =
          "Spaces of the lots in the caller's scope, by id. Filters: lotId, kind (owned, rented,"
              + " public, visitor, ev_charging, accessible), state (in_service,"
              + " out_of_service).")
  @Permission("parking.lot.read")
  @GET
  public Page<SpaceView> listSpaces(
      @Context SecurityContext security,
      @QueryParam("lotId") String lotId,
      @QueryParam("kind") String kind,
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .spaces()
        .list(
            TenantPrincipal.scopeOf(security),
            Params.id("lotId", lotId),
            ParkingRules.filter("kind", kind, ParkingRules.KINDS),
            ParkingRules.filter("state", state, ParkingRules.STATES),
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(
      summary = "Create a space",
      description =
          "A space of a lot: number (unique in the lot), kind, level (-10 to 20, not 0; default"
              + " 1), size (small, standard, large), state. 409 duplicate number, 404 for the"
              + " lot, 422 validation-failed.",
      returns = SpaceView.class,
      status = 201)
  @Permission("parking.lot.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createSpace(
      @Context SecurityContext security, @Context UriInfo uri, SpaceInput input) {
    SpaceView space =
        instances
            .of(security)
            .spaces()
            .create(TenantPrincipal.scopeOf(security), Params.body(input));
    return Params.created(uri.getAbsolutePathBuilder(), space.id(), space);
  }

  @Doc(summary = "Get a space", description = "One space. 404 not-found.")
  @Permission("parking.lot.read")
  @GET
  @Path("{id}")
  public SpaceView getSpace(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).spaces().get(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Change a space",
      description =
          "Its number, kind, level, size and state at the version read; out_of_service keeps"
              + " existing leases but takes no new ones. 409 stale-version, 409 duplicate, 404"
              + " not-found.")
  @Permission("parking.lot.manage")
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public SpaceView updateSpace(
      @Context SecurityContext security, @PathParam("id") long id, SpaceInput input) {
    return instances
        .of(security)
        .spaces()
        .update(TenantPrincipal.scopeOf(security), id, Params.body(input));
  }

  @Doc(
      summary = "Watch a space with an occupancy sensor",
      description =
          "{deviceId}: a parking sensor of the devices module (device-not-found otherwise) whose"
              + " readings of the space's number (the driver API's parking-space state) say"
              + " whether it is taken: the space's occupied and occupiedAt, and the lot's sensed"
              + " free spaces in its occupancy. 404 not-found.",
      returns = SpaceView.class)
  @Permission("parking.lot.manage")
  @PUT
  @Path("{id}/sensor")
  @Consumes(MediaType.APPLICATION_JSON)
  public SpaceView watch(
      @Context SecurityContext security, @PathParam("id") long id, SensorInput input) {
    SensorInput body = Params.body(input);
    instances.requireDevice(
        TenantPrincipal.of(security), TenantPrincipal.scopeOf(security), body.deviceId());
    return instances
        .of(security)
        .spaces()
        .watch(TenantPrincipal.scopeOf(security), id, body.deviceId());
  }

  @Doc(
      summary = "Stop watching a space with a sensor",
      description = "The space has no sensor and no sensed state. 404 not-found.",
      returns = SpaceView.class)
  @Permission("parking.lot.manage")
  @DELETE
  @Path("{id}/sensor")
  public SpaceView unwatch(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).spaces().unwatch(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "List a space's owners",
      description =
          "The owners of a sold space, the current one first: each from since until until (null"
              + " while still theirs). 404 not-found.",
      returns = OwnerView.class)
  @Permission("parking.lot.read")
  @GET
  @Path("{id}/owners")
  public List<OwnerView> listOwners(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).owners().history(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Record a space's new owner",
      description =
          "The owner of an owned space from since (holderName, holderPhone, note); the current"
              + " owner's time ends that day. 422 space-not-owned for a space of another kind,"
              + " 409 owner-since-order when since is not after the current owner's first day"
              + " (currentSince), 422 validation-failed, 404 not-found.",
      returns = OwnerView.class,
      status = 201)
  @Permission("parking.lot.manage")
  @POST
  @Path("{id}/owners")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recordOwner(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("id") long id,
      OwnerInput input) {
    OwnerView owner =
        instances
            .of(security)
            .owners()
            .record(
                TenantPrincipal.scopeOf(security),
                id,
                Params.body(input),
                ParkingInstances.staffUser(security));
    return Response.status(Response.Status.CREATED).entity(owner).build();
  }
}
