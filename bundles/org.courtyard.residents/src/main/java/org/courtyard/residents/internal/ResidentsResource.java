package org.courtyard.residents.internal;

import static org.courtyard.api.rest.Params.body;
import static org.courtyard.api.rest.Params.created;
import static org.courtyard.api.rest.Params.flag;
import static org.courtyard.api.rest.Params.id;
import static org.courtyard.api.rest.Params.limit;

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
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.residents.internal.dto.MyHomeView;
import org.courtyard.residents.internal.dto.OccupancyEnd;
import org.courtyard.residents.internal.dto.OccupancyInput;
import org.courtyard.residents.internal.dto.OccupancyView;
import org.courtyard.residents.internal.dto.OccupiedRoomView;
import org.courtyard.residents.internal.dto.PersonInput;
import org.courtyard.residents.internal.dto.PersonSummary;
import org.courtyard.residents.internal.dto.PersonUpdate;
import org.courtyard.residents.internal.dto.PersonView;
import org.courtyard.residents.internal.dto.VehicleInput;
import org.courtyard.residents.internal.dto.VehicleView;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The residents REST API, published by the platform under {@code /api/v1/residents}. One resource
 * serves every tenant: each request is routed to the caller's {@link ResidentsTenant}, found by the
 * tenant of the verified credential and nothing else, so no path, query or header can reach another
 * tenant.
 *
 * <p>Every operation passes the caller's {@link ResidentScope} to {@link ResidentsService}, which
 * keeps the rules: lists hold only rows in scope, and anything outside it answers as if it did not
 * exist.
 *
 * <p>Query parameters are taken as strings and parsed here: JAX-RS would answer a malformed number
 * with a bare 404, where the caller deserves a 400 that names the parameter.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ResidentsModule.ID)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ResidentsResource implements ModuleResource {

  private final TenantInstances<ResidentsTenant> tenants =
      new TenantInstances<>(ResidentsTenant.class, ResidentsModule.ID);

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(ResidentsTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(ResidentsTenant instance) {
    tenants.unbind(instance);
  }

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  @Override
  public String moduleId() {
    return ResidentsModule.ID;
  }

  // ---------------------------------------------------------------------------------- persons

  /**
   * Persons with phone and identity number masked. {@code q} searches name, phone and plate; {@code
   * roomId} keeps the current occupants of a room; both together must both match.
   */
  @Doc(
      summary = "List persons",
      description =
          "Persons with phone and identity number masked. q searches name, phone and plate; roomId"
              + " keeps the current occupants of a room.")
  @Permission("residents.person.read")
  @GET
  @Path("persons")
  public Page<PersonSummary> listPersons(
      @Context SecurityContext security,
      @QueryParam("q") String q,
      @QueryParam("roomId") String roomId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return service(security)
        .listPersons(
            scope(security),
            PersonSearch.of(q),
            id("roomId", roomId),
            Cursor.decode(cursor),
            limit(limit));
  }

  @Doc(
      summary = "Create a person",
      description =
          "Adds a resident or other person to the register. 422 with the field errors when the"
              + " input is invalid.",
      returns = PersonView.class)
  @Permission("residents.person.create")
  @POST
  @Path("persons")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createPerson(
      @Context SecurityContext security, @Context UriInfo uri, PersonInput input) {
    PersonView created = service(security).createPerson(scope(security), body(input));
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  /** One person in full: phone and identity number unmasked. */
  @Doc(
      summary = "Get my home (residents)",
      description =
          "For a signed-in resident: their own details, the rooms they currently own, rent or live"
              + " in, and their current vehicles. 403 permission-denied for anyone else.")
  @Permission("residents.my-home.read")
  @GET
  @Path("my/home")
  public MyHomeView myHome(@Context SecurityContext security) {
    return service(security)
        .myHome(Long.parseLong(TenantPrincipal.principalOf(security).subject()));
  }

  @Doc(
      summary = "Get a person",
      description = "One person in full, phone and identity number unmasked. 404 not-found.")
  @Permission("residents.person.read")
  @GET
  @Path("persons/{id}")
  public PersonView getPerson(@Context SecurityContext security, @PathParam("id") long id) {
    return service(security).getPerson(scope(security), id);
  }

  @Doc(
      summary = "Update a person",
      description =
          "Replaces a person's details. 409 stale-version when someone changed it since it was"
              + " read.")
  @Permission("residents.person.update")
  @PUT
  @Path("persons/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public PersonView updatePerson(
      @Context SecurityContext security, @PathParam("id") long id, PersonUpdate input) {
    return service(security).updatePerson(scope(security), id, body(input));
  }

  @Doc(
      summary = "Delete a person",
      description =
          "Removes a person. 409 has-children while the person has occupancies or vehicles.")
  @Permission("residents.person.delete")
  @DELETE
  @Path("persons/{id}")
  public Response deletePerson(@Context SecurityContext security, @PathParam("id") long id) {
    service(security).deletePerson(scope(security), id);
    return Response.noContent().build();
  }

  @Doc(
      summary = "List a person's occupancies",
      description =
          "The rooms the person owns, rents or lives in (in the caller's scope), current ones, or"
              + " with history=true the ended ones as well. 404 not-found.")
  @Permission("residents.occupancy.read")
  @GET
  @Path("persons/{id}/occupancies")
  public Page<OccupancyView> listPersonOccupancies(
      @Context SecurityContext security,
      @PathParam("id") long id,
      @QueryParam("history") String history,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return service(security)
        .listPersonOccupancies(
            scope(security), id, flag("history", history), Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "List a person's vehicles",
      description = "The person's current vehicles, or with history=true the removed ones as well.")
  @Permission("residents.vehicle.read")
  @GET
  @Path("persons/{id}/vehicles")
  public Page<VehicleView> listPersonVehicles(
      @Context SecurityContext security,
      @PathParam("id") long id,
      @QueryParam("history") String history,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return service(security)
        .listPersonVehicles(
            scope(security), id, flag("history", history), Cursor.decode(cursor), limit(limit));
  }

  // ------------------------------------------------------------------------------ occupancies

  /** The current occupancies of a room, or with {@code history=true} the ended ones as well. */
  @Doc(
      summary = "List a room's occupancies",
      description =
          "The current occupancies of a room, or with history=true the ended ones as well.")
  @Permission("residents.occupancy.read")
  @GET
  @Path("rooms/{roomId}/occupancies")
  public Page<OccupancyView> listRoomOccupancies(
      @Context SecurityContext security,
      @PathParam("roomId") long roomId,
      @QueryParam("history") String history,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return service(security)
        .listRoomOccupancies(
            scope(security), roomId, flag("history", history), Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Create an occupancy",
      description =
          "Records that a person owns, rents or lives in a room from a date. 409 share-exceeded"
              + " when the room's ownership shares would pass 100%.",
      returns = OccupancyView.class)
  @Permission("residents.occupancy.create")
  @POST
  @Path("occupancies")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createOccupancy(
      @Context SecurityContext security, @Context UriInfo uri, OccupancyInput input) {
    OccupancyView created = service(security).createOccupancy(scope(security), body(input));
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(
      summary = "Get an occupancy",
      description = "One occupancy of a person in a room. 404 not-found.")
  @Permission("residents.occupancy.read")
  @GET
  @Path("occupancies/{id}")
  public OccupancyView getOccupancy(@Context SecurityContext security, @PathParam("id") long id) {
    return service(security).getOccupancy(scope(security), id);
  }

  /** Ends a current occupancy; the only change an occupancy ever sees. */
  @Doc(
      summary = "End an occupancy",
      description =
          "Ends a current occupancy on a date; the only change an occupancy ever sees. 409"
              + " already-ended.")
  @Permission("residents.occupancy.end")
  @POST
  @Path("occupancies/{id}/end")
  @Consumes(MediaType.APPLICATION_JSON)
  public OccupancyView endOccupancy(
      @Context SecurityContext security, @PathParam("id") long id, OccupancyEnd input) {
    return service(security).endOccupancy(scope(security), id, body(input));
  }

  /**
   * The rooms someone currently owns, rents or lives in, in room id order: the list the Today tile
   * {@code residents.occupied-rooms} counts.
   */
  @Doc(
      summary = "List occupied rooms",
      description =
          "The rooms someone currently owns, rents or lives in (a current occupancy in any role),"
              + " in the caller's scope and in room id order, each with its label and the number"
              + " of persons currently in it; optionally of one estate or building. Derived from"
              + " occupancies, not from the room's status in estate.")
  @Permission("residents.occupancy.read")
  @GET
  @Path("occupied-rooms")
  public Page<OccupiedRoomView> listOccupiedRooms(
      @Context SecurityContext security,
      @QueryParam("estateId") String estateId,
      @QueryParam("buildingId") String buildingId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return tenant(security)
        .occupiedRooms()
        .page(
            scope(security),
            new OccupiedRooms.Filter(id("estateId", estateId), id("buildingId", buildingId)),
            Cursor.decode(cursor),
            limit(limit));
  }

  // --------------------------------------------------------------------------------- vehicles

  /** Current vehicles whose plate contains {@code plate} (normalised); all of them without it. */
  @Doc(
      summary = "List vehicles",
      description =
          "Current vehicles whose plate contains plate (normalised), or all of them; history=true"
              + " includes removed ones.")
  @Permission("residents.vehicle.read")
  @GET
  @Path("vehicles")
  public Page<VehicleView> listVehicles(
      @Context SecurityContext security,
      @QueryParam("plate") String plate,
      @QueryParam("history") String history,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return service(security)
        .listVehicles(
            scope(security), plate, flag("history", history), Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Register a vehicle",
      description = "Registers a vehicle to a person by its plate.",
      returns = VehicleView.class)
  @Permission("residents.vehicle.create")
  @POST
  @Path("vehicles")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createVehicle(
      @Context SecurityContext security, @Context UriInfo uri, VehicleInput input) {
    VehicleView created = service(security).createVehicle(scope(security), body(input));
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(summary = "Get a vehicle", description = "One vehicle with its owner. 404 not-found.")
  @Permission("residents.vehicle.read")
  @GET
  @Path("vehicles/{id}")
  public VehicleView getVehicle(@Context SecurityContext security, @PathParam("id") long id) {
    return service(security).getVehicle(scope(security), id);
  }

  /** Takes the vehicle off the register; it stays on record, with {@code removedAt} set. */
  @Doc(
      summary = "Remove a vehicle",
      description =
          "Takes the vehicle off the register; it stays on record with removedAt set. 409"
              + " already-removed.")
  @Permission("residents.vehicle.delete")
  @DELETE
  @Path("vehicles/{id}")
  public Response removeVehicle(@Context SecurityContext security, @PathParam("id") long id) {
    service(security).removeVehicle(scope(security), id);
    return Response.noContent().build();
  }

  // ---------------------------------------------------------------------------------- helpers

  /**
   * @throws ProblemException 404 {@code module-not-enabled} when the caller's tenant has no running
   *     instance, e.g. in the moment between disabling the module and the platform noticing
   */
  private ResidentsService service(SecurityContext security) {
    return tenant(security).service();
  }

  /**
   * @throws ProblemException 404 {@code module-not-enabled}, as {@link #service}
   */
  private ResidentsTenant tenant(SecurityContext security) {
    TenantSlug tenant = TenantPrincipal.of(security);
    return tenants.require(tenant);
  }

  /** The caller, in the scope they hold this operation's permission in (bound by the platform). */
  private static ResidentScope scope(SecurityContext security) {
    return ResidentScope.of(TenantPrincipal.principalOf(security));
  }
}
