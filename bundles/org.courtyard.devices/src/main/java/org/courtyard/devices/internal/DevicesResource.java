package org.courtyard.devices.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.devices.internal.dto.CommandInput;
import org.courtyard.devices.internal.dto.CommandView;
import org.courtyard.devices.internal.dto.DeviceInput;
import org.courtyard.devices.internal.dto.DeviceRecordView;
import org.courtyard.devices.internal.dto.DeviceView;
import org.courtyard.devices.platform.DeviceRuntime;
import org.courtyard.devices.platform.DriverView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The devices REST API under {@code /api/v1/devices}: the tenant's devices, their records and
 * commands, and the installed drivers a device can be registered with. Every request is routed to
 * the caller's own {@link DevicesTenant}, found by the tenant of the verified credential only, and
 * sees only the devices within the caller's data scope ({@link DeviceService}). The drivers are the
 * platform's, the same for every scope.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + DevicesModule.ID)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(DevicesResource.class);

  private static final Set<String> STATUSES = Set.of("active", "revoked");
  private static final Set<String> KINDS =
      Set.of(
          "meter_reading",
          "access_event",
          "alarm",
          "sensor_value",
          "parking_space_state",
          "plate_read",
          "command_ack");

  private final DevicesInstances tenants;
  private final DeviceRuntime runtime;

  @Activate
  public DevicesResource(@Reference DevicesInstances tenants, @Reference DeviceRuntime runtime) {
    this.tenants = tenants;
    this.runtime = runtime;
  }

  @Override
  public String moduleId() {
    return DevicesModule.ID;
  }

  private DeviceService service(SecurityContext security) {
    return tenants.of(security).devices();
  }

  private static DataScope scope(SecurityContext security) {
    return TenantPrincipal.scopeOf(security);
  }

  /** The installed drivers: the device types they serve and the settings their devices take. */
  @Doc(
      summary = "List drivers",
      description =
          "The installed drivers: the device types they serve and the settings their devices take,"
              + " so a client can render a device form without knowing the driver.")
  @Permission("devices.driver.read")
  @GET
  @Path("drivers")
  public List<DriverView> listDrivers(@Context SecurityContext security) {
    service(security);
    return runtime.drivers();
  }

  @Doc(
      summary = "List devices",
      description =
          "The tenant's devices, paginated by id, optionally of one type, status (active, revoked)"
              + " or state (online, offline, never-seen, faulty, revoked), the state each device"
              + " shows and the Today screen counts: state=offline and state=faulty list the"
              + " devices behind its devices.offline and devices.faulty tiles. 400"
              + " invalid-parameter for another status or state.")
  @Permission("devices.device.read")
  @GET
  @Path("devices")
  public Page<DeviceView> listDevices(
      @Context SecurityContext security,
      @QueryParam("type") String type,
      @QueryParam("status") String status,
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (status != null && !STATUSES.contains(status)) {
      throw Params.invalid(TEXTS.text("params.status", STATUSES));
    }
    if (state != null && !DeviceService.STATES.contains(state)) {
      throw Params.invalid(TEXTS.text("params.state", DeviceService.STATES));
    }
    return service(security)
        .list(
            Params.blank(type) ? null : type,
            status,
            state,
            cursor,
            Params.limit(limit),
            scope(security));
  }

  /**
   * Registers a device. The answer holds its MQTT password, once: keep it, or replace it later with
   * {@code POST devices/{id}/secret}.
   */
  @Doc(
      summary = "Register a device",
      description =
          "Registers a device for an installed driver. The answer holds its MQTT password once:"
              + " keep it, or replace it later. 409 device-exists for a taken id.",
      returns = DeviceView.class)
  @Permission("devices.device.manage")
  @POST
  @Path("devices")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(
      @Context SecurityContext security, @Context UriInfo uri, DeviceInput input) {
    DeviceView created = service(security).register(Params.body(input), scope(security));
    return Params.created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(
      summary = "Get a device",
      description = "One device with its status and when it was last seen. 404 device-not-found.")
  @Permission("devices.device.read")
  @GET
  @Path("devices/{id}")
  public DeviceView getDevice(@Context SecurityContext security, @PathParam("id") String id) {
    return service(security).get(id, scope(security));
  }

  /** Revokes a device: it can no longer connect, and its current session ends. Data stays. */
  @Doc(
      summary = "Revoke a device",
      description =
          "The device can no longer connect and its current session ends; its data stays.")
  @Permission("devices.device.manage")
  @POST
  @Path("devices/{id}/revoke")
  public DeviceView revoke(@Context SecurityContext security, @PathParam("id") String id) {
    return service(security).revoke(id, scope(security));
  }

  /** Replaces the device's MQTT password; the answer holds the new one, once. */
  @Doc(
      summary = "Replace a device's password",
      description = "Issues a new MQTT password for the device; the answer holds it once.")
  @Permission("devices.device.manage")
  @POST
  @Path("devices/{id}/secret")
  public DeviceView replaceSecret(@Context SecurityContext security, @PathParam("id") String id) {
    return service(security).replaceSecret(id, scope(security));
  }

  /** The device's latest stored records, newest first; {@code kind} keeps one kind. */
  @Doc(
      summary = "List a device's records",
      description = "The device's latest stored records, newest first; kind keeps one kind.")
  @Permission("devices.device.read")
  @GET
  @Path("devices/{id}/records")
  public List<DeviceRecordView> records(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @QueryParam("kind") String kind,
      @QueryParam("limit") String limit) {
    if (kind != null && !KINDS.contains(kind)) {
      throw Params.invalid(TEXTS.text("params.kind", KINDS));
    }
    return service(security).records(id, kind, Params.limit(limit), scope(security));
  }

  /**
   * The device's latest refused messages, newest first: why each was refused and its payload as it
   * came (the first 16 KiB, base64).
   */
  @Doc(
      summary = "List a device's refused messages",
      description =
          "The device's latest refused messages, newest first: why each was refused and its first"
              + " 16 KiB as base64.")
  @Permission("devices.device.read")
  @GET
  @Path("devices/{id}/refusals")
  public List<Map<String, Object>> refusals(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @QueryParam("limit") String limit) {
    return service(security).refusals(id, Params.limit(limit), scope(security));
  }

  /** Lets a quarantined device's messages be decoded again (409 if it is not quarantined). */
  @Doc(
      summary = "Release a quarantined device",
      description =
          "Lets a quarantined device's messages be decoded again. 409 device-not-quarantined when"
              + " it is not.")
  @Permission("devices.device.manage")
  @POST
  @Path("devices/{id}/release")
  public DeviceView release(@Context SecurityContext security, @PathParam("id") String id) {
    return service(security).release(id, scope(security));
  }

  /**
   * Sends a command: the driver encodes it and it is published to the device's down topic. The
   * answer is {@code sent}; the device's acknowledgement turns it {@code acked} or {@code failed}.
   */
  @Doc(
      summary = "Send a command to a device",
      description =
          "The driver encodes the command and it is published to the device. 202 with the command"
              + " sent; the device's acknowledgement later turns it acked or failed. With an"
              + " Idempotency-Key header (recommended: a UUID per action) a repeat of the request"
              + " answers the command sent the first time, with Idempotent-Replayed: true, and"
              + " publishes nothing: a double click opens a gate once. The same key for another"
              + " command is 422 idempotency-key-reused.",
      returns = CommandView.class,
      status = 202)
  @Permission("devices.device.command")
  @POST
  @Path("devices/{id}/commands")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response send(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("id") String id,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      CommandInput input) {
    DeviceService.Sent sent =
        service(security).send(id, Params.body(input), scope(security), idempotencyKey);
    Response.ResponseBuilder answer =
        Response.status(Response.Status.ACCEPTED)
            .location(uri.getAbsolutePathBuilder().path(Long.toString(sent.command().id())).build())
            .entity(sent.command());
    if (sent.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.build();
  }

  @Doc(
      summary = "List a device's commands",
      description = "The commands sent to the device, newest first, with their state.")
  @Permission("devices.device.read")
  @GET
  @Path("devices/{id}/commands")
  public List<CommandView> commands(
      @Context SecurityContext security,
      @PathParam("id") String id,
      @QueryParam("limit") String limit) {
    return service(security).commands(id, Params.limit(limit), scope(security));
  }
}
