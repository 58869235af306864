package org.courtyard.estate.internal;

import static org.courtyard.api.rest.Params.blank;
import static org.courtyard.api.rest.Params.body;
import static org.courtyard.api.rest.Params.created;
import static org.courtyard.api.rest.Params.id;
import static org.courtyard.api.rest.Params.invalid;
import static org.courtyard.api.rest.Params.limit;

import java.io.IOException;
import java.io.InputStream;
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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.CsvUpload;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.estate.internal.dto.BuildingInput;
import org.courtyard.estate.internal.dto.BuildingUpdate;
import org.courtyard.estate.internal.dto.BuildingView;
import org.courtyard.estate.internal.dto.EstateInput;
import org.courtyard.estate.internal.dto.EstateTreeView;
import org.courtyard.estate.internal.dto.EstateUpdate;
import org.courtyard.estate.internal.dto.EstateView;
import org.courtyard.estate.internal.dto.ImportResult;
import org.courtyard.estate.internal.dto.RoomInput;
import org.courtyard.estate.internal.dto.RoomUpdate;
import org.courtyard.estate.internal.dto.RoomView;
import org.courtyard.estate.internal.dto.UnitInput;
import org.courtyard.estate.internal.dto.UnitUpdate;
import org.courtyard.estate.internal.dto.UnitView;
import org.courtyard.estate.internal.validation.RoomStatus;
import org.courtyard.estate.internal.validation.RoomType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The estate REST API, published by the platform under {@code /api/v1/estate}. One resource serves
 * every tenant: each request is routed to the caller's {@link EstateTenant}, found by the tenant of
 * the verified credential and nothing else, so no path, query or header can reach another tenant.
 *
 * <p>Every operation passes the data scope the caller holds its permission in to {@link
 * EstateService}, which keeps the rules: lists hold only rows in scope, and anything outside it
 * answers as if it did not exist.
 *
 * <p>Query parameters are taken as strings and parsed here: JAX-RS would answer a malformed number
 * with a bare 404, where the caller deserves a 400 that names the parameter.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + EstateModule.ID)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EstateResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(EstateResource.class);

  private final TenantInstances<EstateTenant> tenants =
      new TenantInstances<>(EstateTenant.class, EstateModule.ID);

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(EstateTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(EstateTenant instance) {
    tenants.unbind(instance);
  }

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  @Override
  public String moduleId() {
    return EstateModule.ID;
  }

  // ---------------------------------------------------------------------------------- estates

  @Doc(summary = "List estates", description = "The tenant's estates, paginated by id.")
  @Permission("estate.estate.read")
  @GET
  @Path("estates")
  public Page<EstateView> listEstates(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return service(security).listEstates(scope(security), Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Create an estate",
      description = "Adds an estate. 422 with the field errors when the input is invalid.",
      returns = EstateView.class)
  @Permission("estate.estate.create")
  @POST
  @Path("estates")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createEstate(
      @Context SecurityContext security, @Context UriInfo uri, EstateInput input) {
    EstateView created = service(security).createEstate(scope(security), body(input));
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(
      summary = "Get an estate's tree",
      description =
          "The estate with its buildings and units (those in the caller's scope), each with its"
              + " number of rooms. 404 not-found.")
  @Permission("estate.estate.read")
  @GET
  @Path("estates/{id}/tree")
  public EstateTreeView estateTree(@Context SecurityContext security, @PathParam("id") long id) {
    return service(security).estateTree(scope(security), id);
  }

  @Doc(summary = "Get an estate", description = "One estate by id. 404 not-found.")
  @Permission("estate.estate.read")
  @GET
  @Path("estates/{id}")
  public EstateView getEstate(@Context SecurityContext security, @PathParam("id") long id) {
    return service(security).getEstate(scope(security), id);
  }

  @Doc(
      summary = "Update an estate",
      description =
          "Replaces the estate's fields. 409 stale-version when someone changed it since it was"
              + " read.")
  @Permission("estate.estate.update")
  @PUT
  @Path("estates/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public EstateView updateEstate(
      @Context SecurityContext security, @PathParam("id") long id, EstateUpdate input) {
    return service(security).updateEstate(scope(security), id, body(input));
  }

  @Doc(
      summary = "Delete an estate",
      description =
          "Deletes the estate. 409 has-children while it holds buildings, 409 referenced while"
              + " billing, residents or devices refer to it.")
  @Permission("estate.estate.delete")
  @DELETE
  @Path("estates/{id}")
  public Response deleteEstate(@Context SecurityContext security, @PathParam("id") long id) {
    service(security).deleteEstate(scope(security), id);
    return Response.noContent().build();
  }

  // -------------------------------------------------------------------------------- buildings

  @Doc(
      summary = "List buildings",
      description = "The tenant's buildings, paginated by id, optionally of one estate.")
  @Permission("estate.building.read")
  @GET
  @Path("buildings")
  public Page<BuildingView> listBuildings(
      @Context SecurityContext security,
      @QueryParam("estateId") String estateId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return service(security)
        .listBuildings(
            scope(security), id("estateId", estateId), Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Create a building",
      description =
          "Adds a building to its estate. 422 with the field errors when the input is invalid.",
      returns = BuildingView.class)
  @Permission("estate.building.create")
  @POST
  @Path("buildings")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createBuilding(
      @Context SecurityContext security, @Context UriInfo uri, BuildingInput input) {
    BuildingView created = service(security).createBuilding(scope(security), body(input));
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(summary = "Get a building", description = "One building by id. 404 not-found.")
  @Permission("estate.building.read")
  @GET
  @Path("buildings/{id}")
  public BuildingView getBuilding(@Context SecurityContext security, @PathParam("id") long id) {
    return service(security).getBuilding(scope(security), id);
  }

  @Doc(
      summary = "Update a building",
      description =
          "Replaces the building's fields. 409 stale-version when someone changed it since it was"
              + " read.")
  @Permission("estate.building.update")
  @PUT
  @Path("buildings/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public BuildingView updateBuilding(
      @Context SecurityContext security, @PathParam("id") long id, BuildingUpdate input) {
    return service(security).updateBuilding(scope(security), id, body(input));
  }

  @Doc(
      summary = "Delete a building",
      description =
          "Deletes the building. 409 has-children while it holds units, 409 referenced while"
              + " billing, residents or devices refer to it.")
  @Permission("estate.building.delete")
  @DELETE
  @Path("buildings/{id}")
  public Response deleteBuilding(@Context SecurityContext security, @PathParam("id") long id) {
    service(security).deleteBuilding(scope(security), id);
    return Response.noContent().build();
  }

  /**
   * Imports the rooms of a building from a CSV file sent as the request body. UTF-8 (with or
   * without the byte-order mark Excel writes) unless the Content-Type names another charset.
   */
  @Doc(
      summary = "Import a building's rooms",
      description =
          "Imports rooms from a CSV body, UTF-8 unless the Content-Type names another charset."
              + " Nothing is written when a row is wrong: 422 import-rejected lists every problem"
              + " with its row and column.")
  @Permission("estate.room.import")
  @POST
  @Path("buildings/{id}/rooms/import")
  @Consumes({CsvUpload.CSV, MediaType.TEXT_PLAIN, CsvUpload.CSV_AS_EXCEL})
  public ImportResult importRooms(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @PathParam("id") long id,
      InputStream body)
      throws IOException {
    EstateService service = service(security);
    CsvUpload file = CsvUpload.read(headers, body, RoomImporter.MAX_BYTES);
    return service.importRooms(scope(security), id, file.bytes(), file.charset());
  }

  // ------------------------------------------------------------------------------------ units

  @Doc(
      summary = "List units",
      description = "The tenant's units, paginated by id, optionally of one building.")
  @Permission("estate.unit.read")
  @GET
  @Path("units")
  public Page<UnitView> listUnits(
      @Context SecurityContext security,
      @QueryParam("buildingId") String buildingId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return service(security)
        .listUnits(
            scope(security), id("buildingId", buildingId), Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Create an unit",
      description =
          "Adds an unit to its building. 422 with the field errors when the input is invalid.",
      returns = UnitView.class)
  @Permission("estate.unit.create")
  @POST
  @Path("units")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createUnit(
      @Context SecurityContext security, @Context UriInfo uri, UnitInput input) {
    UnitView created = service(security).createUnit(scope(security), body(input));
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(summary = "Get an unit", description = "One unit by id. 404 not-found.")
  @Permission("estate.unit.read")
  @GET
  @Path("units/{id}")
  public UnitView getUnit(@Context SecurityContext security, @PathParam("id") long id) {
    return service(security).getUnit(scope(security), id);
  }

  @Doc(
      summary = "Update an unit",
      description =
          "Replaces the unit's fields. 409 stale-version when someone changed it since it was"
              + " read.")
  @Permission("estate.unit.update")
  @PUT
  @Path("units/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public UnitView updateUnit(
      @Context SecurityContext security, @PathParam("id") long id, UnitUpdate input) {
    return service(security).updateUnit(scope(security), id, body(input));
  }

  @Doc(
      summary = "Delete an unit",
      description =
          "Deletes the unit. 409 has-children while it holds rooms, 409 referenced while billing,"
              + " residents or devices refer to it.")
  @Permission("estate.unit.delete")
  @DELETE
  @Path("units/{id}")
  public Response deleteUnit(@Context SecurityContext security, @PathParam("id") long id) {
    service(security).deleteUnit(scope(security), id);
    return Response.noContent().build();
  }

  // ------------------------------------------------------------------------------------ rooms

  @Doc(
      summary = "List rooms",
      description =
          "The tenant's rooms in the caller's scope, paginated by id; optionally of one estate,"
              + " building or unit, of a type, status or floor, and whose number starts with"
              + " `number` (letters compared without case): the room picker of the counter and"
              + " the residents screen.")
  @Permission("estate.room.read")
  @GET
  @Path("rooms")
  public Page<RoomView> listRooms(
      @Context SecurityContext security,
      @QueryParam("estateId") String estateId,
      @QueryParam("unitId") String unitId,
      @QueryParam("buildingId") String buildingId,
      @QueryParam("type") String type,
      @QueryParam("status") String status,
      @QueryParam("floor") String floor,
      @QueryParam("number") String number,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    EstateService.RoomFilter filter =
        new EstateService.RoomFilter(
            id("estateId", estateId),
            id("unitId", unitId),
            id("buildingId", buildingId),
            roomType(type),
            roomStatus(status),
            floor(floor),
            numberPrefix(number));
    return service(security)
        .listRooms(scope(security), filter, Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Create a room",
      description = "Adds a room to its unit. 422 with the field errors when the input is invalid.",
      returns = RoomView.class)
  @Permission("estate.room.create")
  @POST
  @Path("rooms")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createRoom(
      @Context SecurityContext security, @Context UriInfo uri, RoomInput input) {
    RoomView created = service(security).createRoom(scope(security), body(input));
    return created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(summary = "Get a room", description = "One room by id. 404 not-found.")
  @Permission("estate.room.read")
  @GET
  @Path("rooms/{id}")
  public RoomView getRoom(@Context SecurityContext security, @PathParam("id") long id) {
    return service(security).getRoom(scope(security), id);
  }

  @Doc(
      summary = "Update a room",
      description =
          "Replaces the room's fields. 409 stale-version when someone changed it since it was"
              + " read.")
  @Permission("estate.room.update")
  @PUT
  @Path("rooms/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public RoomView updateRoom(
      @Context SecurityContext security, @PathParam("id") long id, RoomUpdate input) {
    return service(security).updateRoom(scope(security), id, body(input));
  }

  @Doc(
      summary = "Delete a room",
      description =
          "Deletes the room. 409 referenced while billing, residents or devices refer to it.")
  @Permission("estate.room.delete")
  @DELETE
  @Path("rooms/{id}")
  public Response deleteRoom(@Context SecurityContext security, @PathParam("id") long id) {
    service(security).deleteRoom(scope(security), id);
    return Response.noContent().build();
  }

  // ---------------------------------------------------------------------------------- helpers

  /**
   * @throws ProblemException 404 {@code module-not-enabled} when the caller's tenant has no running
   *     instance, e.g. in the moment between disabling the module and the platform noticing
   */
  private EstateService service(SecurityContext security) {
    TenantSlug tenant = TenantPrincipal.of(security);
    EstateTenant instance = tenants.require(tenant);
    return instance.service();
  }

  /** The scope the caller holds this operation's permission in, bound by the platform. */
  private static DataScope scope(SecurityContext security) {
    return TenantPrincipal.scopeOf(security);
  }

  private static Integer floor(String value) {
    if (blank(value)) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw invalid(TEXTS.text("params.floor"));
    }
  }

  /** The longest room number a search may start with: as long as a room number may be. */
  private static final int NUMBER_SEARCH_MAX = 32;

  private static String numberPrefix(String value) {
    if (blank(value)) {
      return null;
    }
    String v = value.strip();
    if (v.length() > NUMBER_SEARCH_MAX || v.chars().anyMatch(Character::isISOControl)) {
      throw invalid(TEXTS.text("params.room-number", NUMBER_SEARCH_MAX));
    }
    return v;
  }

  private static RoomType roomType(String value) {
    if (blank(value)) {
      return null;
    }
    return RoomType.parse(value)
        .orElseThrow(() -> invalid(TEXTS.text("params.room-type", RoomType.allowedValues())));
  }

  private static RoomStatus roomStatus(String value) {
    if (blank(value)) {
      return null;
    }
    return RoomStatus.parse(value)
        .orElseThrow(() -> invalid(TEXTS.text("params.room-status", RoomStatus.allowedValues())));
  }
}
