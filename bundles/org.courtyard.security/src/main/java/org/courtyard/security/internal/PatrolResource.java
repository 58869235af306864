package org.courtyard.security.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
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
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.security.internal.dto.CheckinInput;
import org.courtyard.security.internal.dto.RoundView;
import org.courtyard.security.internal.dto.RouteInput;
import org.courtyard.security.internal.dto.RouteView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Guard patrol (巡更) under {@code /api/v1/security/patrol}: routes, the day's rounds and the guards'
 * check-ins, within the caller's scope: a route is where its readers are ({@link Patrols}).
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Path("patrol")
@Produces(MediaType.APPLICATION_JSON)
public class PatrolResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(PatrolResource.class);

  /** The zone a day's route times are read in when the request names none. */
  private static final String DEFAULT_ZONE = "Asia/Shanghai";

  private final SecurityInstances instances;

  @Activate
  public PatrolResource(@Reference SecurityInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return SecurityModule.ID;
  }

  @Doc(
      summary = "Create a patrol route",
      description =
          "A named route of checkpoint tags and the times of day its rounds start. 409 route-exists"
              + " for a taken name.",
      returns = RouteView.class)
  @Permission("security.patrol.manage")
  @POST
  @Path("routes")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createRoute(
      @Context SecurityContext security, @Context UriInfo uri, RouteInput input) {
    RouteView r = routes(security).create(Params.body(input), instances.scope(security));
    return Params.created(uri.getAbsolutePathBuilder(), r.id(), r);
  }

  /** Patrol routes by id, active and retired, paginated like every list. */
  @Doc(
      summary = "List patrol routes",
      description = "Patrol routes by id, active and retired, with the version to edit them at.")
  @Permission("security.patrol.read")
  @GET
  @Path("routes")
  public Page<RouteView> routes(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    int size = Params.limit(limit);
    return routes(security).list(Cursor.decode(cursor), size, instances.scope(security));
  }

  @Doc(
      summary = "Get a patrol route",
      description = "One route, active or retired, with its version. 404 route-not-found.")
  @Permission("security.patrol.read")
  @GET
  @Path("routes/{id}")
  public RouteView route(@Context SecurityContext security, @PathParam("id") long id) {
    return routes(security).get(id, instances.scope(security));
  }

  /**
   * Replaces a route at the version read; its rounds that have not begun are made again from it,
   * their times read in {@code zone} (Asia/Shanghai).
   */
  @Doc(
      summary = "Update a patrol route",
      description =
          "Replaces the route's name, checkpoints, times and round length at the version read."
              + " Rounds that have begun keep their checkpoints; those that have not are made"
              + " again from the edited route (times read in zone, default Asia/Shanghai). 422"
              + " validation-failed, 409 stale-version, route-retired or route-exists.")
  @Permission("security.patrol.manage")
  @PUT
  @Path("routes/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public RouteView updateRoute(
      @Context SecurityContext security,
      @PathParam("id") long id,
      @QueryParam("zone") String zone,
      RouteInput input) {
    ZoneId z = zone(zone);
    return routes(security).update(id, Params.body(input), z, instances.scope(security));
  }

  @Doc(
      summary = "Retire a patrol route",
      description =
          "The route stays with its rounds and check-ins but gets no new rounds; those that had"
              + " not begun are taken back. 409 route-retired when it already is.")
  @Permission("security.patrol.manage")
  @POST
  @Path("routes/{id}/retire")
  public RouteView retireRoute(@Context SecurityContext security, @PathParam("id") long id) {
    return routes(security).retire(id, instances.scope(security));
  }

  @Doc(
      summary = "Delete a patrol route",
      description =
          "Deletes a route none of whose rounds has begun, with the rounds made for later. 409"
              + " route-in-use once one has: retire it instead.")
  @Permission("security.patrol.manage")
  @DELETE
  @Path("routes/{id}")
  public Response deleteRoute(@Context SecurityContext security, @PathParam("id") long id) {
    routes(security).delete(id, instances.scope(security));
    return Response.noContent().build();
  }

  /** Creates the day's rounds of every route ({@code zone} of the route times: Asia/Shanghai). */
  @Doc(
      summary = "Schedule a day's patrol rounds",
      description =
          "Creates the day's rounds of every route, the route times read in zone (default"
              + " Asia/Shanghai). 400 invalid-date.")
  @Permission("security.patrol.manage")
  @POST
  @Path("schedule")
  public List<RoundView> schedule(
      @Context SecurityContext security,
      @QueryParam("date") String date,
      @QueryParam("zone") String zone) {
    SecurityTenant t = instances.of(security);
    return t.patrols().schedule(date, zone(zone), t.now(), instances.scope(security));
  }

  /**
   * Rounds that overlap the last and the next 24 hours, or that start on {@code date} (in {@code
   * zone}), with their state and missed checkpoints, earliest start first (then by id); optionally
   * of one route. Paginated like the access log.
   */
  @Doc(
      summary = "List patrol rounds",
      description =
          "Rounds that overlap the last and the next 24 hours, or with date (yyyy-MM-dd, in zone,"
              + " default Asia/Shanghai) the rounds that start that day, past days included; with"
              + " their state and missed checkpoints, earliest start first; routeId keeps one"
              + " route's. 400 invalid-date.")
  @Permission("security.patrol.read")
  @GET
  @Path("rounds")
  public Page<RoundView> rounds(
      @Context SecurityContext security,
      @QueryParam("date") String date,
      @QueryParam("zone") String zone,
      @QueryParam("routeId") String routeId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    int size = Params.limit(limit);
    TimeCursor after = TimeCursor.decode(TimeCursor.Listing.ROUNDS, cursor);
    Patrols.Day day = null;
    if (!Params.blank(date)) {
      day = new Patrols.Day(PatrolRules.day(date.strip()), zone(zone));
    }
    return patrols(security)
        .rounds(day, Params.id("routeId", routeId), after, size, instances.scope(security));
  }

  private static ZoneId zone(String zone) {
    try {
      return ZoneId.of(Params.blank(zone) ? DEFAULT_ZONE : zone.strip());
    } catch (DateTimeException e) {
      throw Params.invalid(TEXTS.text("params.zone"));
    }
  }

  @Doc(
      summary = "Get a patrol round",
      description = "One round with its check-ins. 404 round-not-found.")
  @Permission("security.patrol.read")
  @GET
  @Path("rounds/{id}")
  public RoundView round(@Context SecurityContext security, @PathParam("id") long id) {
    return patrols(security).round(id, instances.scope(security));
  }

  /** A guard checks in at a checkpoint from the app. */
  @Doc(
      summary = "Check in at a checkpoint",
      description =
          "A guard checks in at a checkpoint of the round. 409 outside-round-window or"
              + " already-checked-in, 422 not-a-checkpoint.")
  @Permission("security.patrol.check-in")
  @POST
  @Path("rounds/{id}/checkins")
  @Consumes(MediaType.APPLICATION_JSON)
  public RoundView checkIn(
      @Context SecurityContext security, @PathParam("id") long id, CheckinInput input) {
    return patrols(security).checkIn(id, Params.body(input), instances.scope(security));
  }

  private Patrols patrols(SecurityContext security) {
    return instances.of(security).patrols();
  }

  private PatrolRoutes routes(SecurityContext security) {
    return instances.of(security).routes();
  }
}
