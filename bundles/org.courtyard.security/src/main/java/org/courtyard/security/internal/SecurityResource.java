package org.courtyard.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.ws.rs.Consumes;
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
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.devices.DeviceCommand;
import org.courtyard.devices.DeviceDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The security REST API under {@code /api/v1/security}: the access log, remote opening, alarms,
 * credentials and guard patrol, for the caller's tenant only.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityResource implements ModuleResource {

  /** Who acknowledges or resolves an alarm, and why. */
  public record AlarmAction(String by, String note) {}

  /** Who opens which door of a controller (default 1) from the guard room, and why. */
  public record RemoteOpen(String door, String by, String reason) {}

  /** The command sent to the controller and the line it left in the access log. */
  public record Opened(DeviceCommand command, SecurityTenant.AccessView logged) {}

  private static final Set<String> STATUSES = Set.of("raised", "acknowledged", "resolved");

  private final TenantInstances<SecurityTenant> tenants =
      new TenantInstances<>(SecurityTenant.class, SecurityModule.ID);

  private final DeviceDirectory devices;

  @Activate
  public SecurityResource(BundleContext context, @Reference DeviceDirectory devices) {
    this.devices = devices;
    tenants.activate(context);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(SecurityTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(SecurityTenant instance) {
    tenants.unbind(instance);
  }

  @Override
  public String moduleId() {
    return SecurityModule.ID;
  }

  private SecurityTenant service(SecurityContext security) {
    return tenants.require(TenantPrincipal.of(security));
  }

  /**
   * Door and gate decisions, newest first (by time, then id); {@code granted=false} keeps the
   * refusals, {@code deviceId} one controller's. One page of {@code limit} (1-500, default 50); the
   * next starts at {@code cursor=nextCursor}.
   */
  @Doc(
      summary = "List access events",
      description =
          "Door and gate decisions, newest first; granted=false keeps the refusals, deviceId one"
              + " controller's.")
  @GET
  @Path("access-events")
  public Page<SecurityTenant.AccessView> accessEvents(
      @Context SecurityContext security,
      @QueryParam("deviceId") String deviceId,
      @QueryParam("granted") String granted,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Boolean g = Params.blank(granted) ? null : Params.flag("granted", granted);
    int size = Params.limit(limit);
    TimeCursor after = TimeCursor.decode(TimeCursor.Listing.ACCESS_EVENTS, cursor);
    return service(security).accessLog(Params.blank(deviceId) ? null : deviceId, g, after, size);
  }

  /**
   * Alarms, newest raised first (then by id); {@code status} keeps one state. Paginated like the
   * access log.
   */
  @Doc(
      summary = "List alarms",
      description =
          "Alarms, newest raised first; status keeps one state (raised, acknowledged, resolved).")
  @GET
  @Path("alarms")
  public Page<SecurityTenant.AlarmView> alarms(
      @Context SecurityContext security,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (status != null && !STATUSES.contains(status)) {
      throw Params.invalid("status must be one of " + STATUSES + ".");
    }
    int size = Params.limit(limit);
    TimeCursor after = TimeCursor.decode(TimeCursor.Listing.ALARMS, cursor);
    return service(security).alarms(status, after, size);
  }

  /**
   * Opens a door or gate from the guard room: sends {@code open} to the controller through its
   * driver and writes a granted {@code remote} line with who and why into the access log. Nothing
   * is logged when the command cannot be sent (unknown or revoked device, a driver that cannot
   * open). 202: the controller confirms later, in the device's commands.
   */
  @Doc(
      summary = "Open a door remotely",
      description =
          "Sends open to the door controller through its driver and logs a granted remote access"
              + " line with who and why. 202: the controller confirms later, in the device's"
              + " commands.",
      returns = Opened.class,
      status = 202)
  @POST
  @Path("doors/{deviceId}/open")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response open(
      @Context SecurityContext security, @PathParam("deviceId") String deviceId, RemoteOpen input) {
    RemoteOpen in = Params.body(input);
    FieldErrors errors = new FieldErrors();
    String door = in.door() == null ? "1" : in.door().strip();
    if (!door.matches("[1-9][0-9]?")) {
      errors.add("door", "the controller's door number, 1-99");
    }
    if (in.by() == null || in.by().isBlank() || in.by().length() > 100) {
      errors.add("by", "who opens: 1-100 characters");
    }
    if (in.reason() != null && in.reason().length() > 150) {
      errors.add("reason", "at most 150 characters");
    }
    errors.throwIfAny();
    SecurityTenant t = service(security);
    DeviceCommand sent =
        devices.send(TenantPrincipal.of(security), deviceId, "open", Map.of("door", door));
    SecurityTenant.AccessView logged =
        t.openedRemotely(deviceId, door, in.by().strip(), in.reason(), sent.id());
    return Response.status(Response.Status.ACCEPTED).entity(new Opened(sent, logged)).build();
  }

  // ------------------------------------------------------------------------------- patrol

  @Doc(
      summary = "Create a patrol route",
      description =
          "A named route of checkpoint tags and the times of day its rounds start. 409 route-exists"
              + " for a taken name.",
      returns = Patrols.RouteView.class)
  @POST
  @Path("patrol/routes")
  @Consumes(MediaType.APPLICATION_JSON)
  public javax.ws.rs.core.Response createRoute(
      @Context SecurityContext security,
      @Context javax.ws.rs.core.UriInfo uri,
      Patrols.RouteInput input) {
    Patrols.RouteView r = service(security).patrols().createRoute(Params.body(input));
    return Params.created(uri.getAbsolutePathBuilder(), r.id(), r);
  }

  /** Patrol routes by id, paginated like every list. */
  @Doc(summary = "List patrol routes", description = "Patrol routes by id.")
  @GET
  @Path("patrol/routes")
  public Page<Patrols.RouteView> routes(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    int size = Params.limit(limit);
    return service(security).patrols().routes(Cursor.decode(cursor), size);
  }

  /** Creates the day's rounds of every route ({@code zone} of the route times: Asia/Shanghai). */
  @Doc(
      summary = "Schedule a day's patrol rounds",
      description =
          "Creates the day's rounds of every route, the route times read in zone (default"
              + " Asia/Shanghai). 400 invalid-date.")
  @POST
  @Path("patrol/schedule")
  public List<Patrols.RoundView> schedule(
      @Context SecurityContext security,
      @QueryParam("date") String date,
      @QueryParam("zone") String zone) {
    SecurityTenant t = service(security);
    java.time.ZoneId z;
    try {
      z = java.time.ZoneId.of(Params.blank(zone) ? "Asia/Shanghai" : zone.strip());
    } catch (java.time.DateTimeException e) {
      throw Params.invalid("zone must be a time zone such as Asia/Shanghai.");
    }
    return t.patrols().schedule(date, z, t.now());
  }

  /**
   * Rounds that overlap the last and the next 24 hours, with their state and missed checkpoints,
   * earliest start first (then by id). Paginated like the access log.
   */
  @Doc(
      summary = "List patrol rounds",
      description =
          "Rounds that overlap the last and the next 24 hours, with their state and missed"
              + " checkpoints, earliest start first.")
  @GET
  @Path("patrol/rounds")
  public Page<Patrols.RoundView> rounds(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    int size = Params.limit(limit);
    TimeCursor after = TimeCursor.decode(TimeCursor.Listing.ROUNDS, cursor);
    SecurityTenant t = service(security);
    java.time.Instant now = t.now();
    return t.patrols()
        .rounds(
            now.minus(java.time.Duration.ofDays(1)),
            now.plus(java.time.Duration.ofDays(1)),
            now,
            after,
            size);
  }

  @Doc(
      summary = "Get a patrol round",
      description = "One round with its check-ins. 404 round-not-found.")
  @GET
  @Path("patrol/rounds/{id}")
  public Patrols.RoundView round(@Context SecurityContext security, @PathParam("id") long id) {
    SecurityTenant t = service(security);
    return t.patrols().round(id, t.now());
  }

  /** A guard checks in at a checkpoint from the app. */
  @Doc(
      summary = "Check in at a checkpoint",
      description =
          "A guard checks in at a checkpoint of the round. 409 outside-round-window or"
              + " already-checked-in, 422 not-a-checkpoint.")
  @POST
  @Path("patrol/rounds/{id}/checkins")
  @Consumes(MediaType.APPLICATION_JSON)
  public Patrols.RoundView checkIn(
      @Context SecurityContext security, @PathParam("id") long id, Patrols.CheckinInput input) {
    SecurityTenant t = service(security);
    return t.patrols().checkIn(id, Params.body(input), t.now());
  }

  // -------------------------------------------------------------------------- credentials

  /**
   * Issues a card, PIN or QR credential for some doors during some time, and tells those doors'
   * controllers to accept it ({@code pushes}: the device command per controller, or why it could
   * not be sent).
   */
  @Doc(
      summary = "Issue an access credential",
      description =
          "Issues a card, PIN or QR credential for some doors during some time and tells those"
              + " doors' controllers to accept it; pushes says what each controller was sent. 409"
              + " credential-in-use.",
      returns = Credentials.CredentialView.class)
  @POST
  @Path("credentials")
  @Consumes(MediaType.APPLICATION_JSON)
  public javax.ws.rs.core.Response issue(
      @Context SecurityContext security,
      @Context javax.ws.rs.core.UriInfo uri,
      Credentials.CredentialInput input) {
    SecurityTenant t = service(security);
    Credentials.CredentialView v = t.credentials().issue(Params.body(input), t.now());
    v = t.credentials().push(v, "add", sender(security), t.now());
    return Params.created(uri.getAbsolutePathBuilder(), v.id(), v);
  }

  /**
   * Credentials, newest first (by id), with what their controllers were told; {@code holder} keeps
   * those whose holder contains it (any case), {@code status} active or revoked ones. Paginated
   * like every list.
   */
  @Doc(
      summary = "List access credentials",
      description =
          "Credentials, newest first, with what their controllers were told; holder filters by"
              + " holder name, status by active or revoked.")
  @GET
  @Path("credentials")
  public Page<Credentials.CredentialView> credentials(
      @Context SecurityContext security,
      @QueryParam("holder") String holder,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (status != null && !Set.of("active", "revoked").contains(status)) {
      throw Params.invalid("status must be active or revoked.");
    }
    int size = Params.limit(limit);
    return service(security)
        .credentials()
        .list(Params.blank(holder) ? null : holder, status, Cursor.decode(cursor), size);
  }

  @Doc(
      summary = "Revoke an access credential",
      description =
          "Revokes the credential and tells its controllers to refuse it. 409 credential-revoked"
              + " when it already is.")
  @POST
  @Path("credentials/{id}/revoke")
  public Credentials.CredentialView revoke(
      @Context SecurityContext security, @PathParam("id") long id) {
    SecurityTenant t = service(security);
    Credentials.CredentialView v = t.credentials().revoke(id, t.now());
    return t.credentials().push(v, "remove", sender(security), t.now());
  }

  private Credentials.Sender sender(SecurityContext security) {
    return (device, command, args) ->
        devices.send(TenantPrincipal.of(security), device, command, args);
  }

  /**
   * What a door asks: may this card, PIN or QR code open {@code door} ({@code <device>:<door>}) now
   * (or at {@code at})? The answer says why not.
   */
  @Doc(
      summary = "Decide an access request",
      description =
          "What a door asks: may this card, PIN or QR code open door (device:door) now or at at?"
              + " The answer says why not.")
  @GET
  @Path("credentials/decision")
  public Credentials.Decision decide(
      @Context SecurityContext security,
      @QueryParam("kind") String kind,
      @QueryParam("credential") String credential,
      @QueryParam("door") String door,
      @QueryParam("at") String at) {
    SecurityTenant t = service(security);
    java.time.Instant when;
    try {
      when = Params.blank(at) ? t.now() : java.time.Instant.parse(at.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw Params.invalid("at must be an ISO-8601 instant.");
    }
    return t.credentials().decide(kind, credential, door, when);
  }

  @Doc(
      summary = "Acknowledge an alarm",
      description = "Records who took charge of a raised alarm, and why. 404 alarm-not-found.")
  @POST
  @Path("alarms/{id}/acknowledge")
  @Consumes(MediaType.APPLICATION_JSON)
  public SecurityTenant.AlarmView acknowledge(
      @Context SecurityContext security, @PathParam("id") long id, AlarmAction action) {
    AlarmAction a = checked(action);
    return service(security).advance(id, "acknowledged", a.by().strip(), a.note());
  }

  @Doc(
      summary = "Resolve an alarm",
      description = "Closes an alarm with who resolved it and a note. 404 alarm-not-found.")
  @POST
  @Path("alarms/{id}/resolve")
  @Consumes(MediaType.APPLICATION_JSON)
  public SecurityTenant.AlarmView resolve(
      @Context SecurityContext security, @PathParam("id") long id, AlarmAction action) {
    AlarmAction a = checked(action);
    return service(security).advance(id, "resolved", a.by().strip(), a.note());
  }

  private static AlarmAction checked(AlarmAction action) {
    AlarmAction a = Params.body(action);
    FieldErrors errors = new FieldErrors();
    if (a.by() == null || a.by().isBlank() || a.by().length() > 100) {
      errors.add("by", "who acts: 1-100 characters");
    }
    if (a.note() != null && a.note().length() > 500) {
      errors.add("note", "at most 500 characters");
    }
    errors.throwIfAny();
    return a;
  }
}
