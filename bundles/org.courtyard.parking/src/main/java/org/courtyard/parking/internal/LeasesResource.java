package org.courtyard.parking.internal;

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
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.BookingView;
import org.courtyard.parking.internal.dto.CancelInput;
import org.courtyard.parking.internal.dto.LeaseInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Leases of spaces under {@code /api/v1/parking/leases}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("leases")
@Produces(MediaType.APPLICATION_JSON)
public class LeasesResource implements ModuleResource {

  private static final String KIND = "lease";

  private final ParkingInstances instances;

  @Activate
  public LeasesResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List leases",
      description =
          "Leases of spaces in the caller's scope, by id. Filters: spaceId, lotId, current=true"
              + " (active and not over).")
  @Permission("parking.booking.read")
  @GET
  public Page<BookingView> listLeases(
      @Context SecurityContext security,
      @QueryParam("spaceId") String spaceId,
      @QueryParam("lotId") String lotId,
      @QueryParam("current") String current,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .bookings()
        .list(
            TenantPrincipal.scopeOf(security),
            KIND,
            Params.id("spaceId", spaceId),
            Params.id("lotId", lotId),
            Params.flag("current", current),
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(
      summary = "Lease a space",
      description =
          "A space leased from startDate for terms (1 to 120, default 1) months, quarters or years"
              + " (term monthly, quarterly, yearly) to holderName (holderPhone, note): it holds"
              + " the space from the start date's midnight to the midnight after its last day"
              + " (Asia/Shanghai). Only owned, rented, ev_charging and accessible spaces are leased"
              + " (422 space-not-leasable), and none out of service (409 space-out-of-service)."
              + " Two leases or reservations of a space never overlap: 409 space-taken names the"
              + " period that holds it (heldBy: bookingId, kind, from, to). With an"
              + " Idempotency-Key, the same key again answers 200 with the lease it made"
              + " (Idempotent-Replayed: true); with another body 422 idempotency-key-reused.",
      returns = BookingView.class,
      status = 201)
  @Permission("parking.booking.create")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createLease(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @HeaderParam(RequestKeys.HEADER) String key,
      LeaseInput input) {
    Bookings.Made made =
        instances
            .of(security)
            .bookings()
            .lease(
                TenantPrincipal.scopeOf(security),
                Params.body(input),
                ParkingInstances.staffUser(security),
                RequestKeys.of(key));
    return RequestKeys.answer(uri, made);
  }

  @Doc(summary = "Get a lease", description = "One lease. 404 not-found.")
  @Permission("parking.booking.read")
  @GET
  @Path("{id}")
  public BookingView getLease(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).bookings().get(TenantPrincipal.scopeOf(security), KIND, id);
  }

  @Doc(
      summary = "Cancel a lease",
      description =
          "Frees the space for the lease's period, with a reason, at the version read. 409"
              + " wrong-state when it is cancelled already, 409 stale-version, 404 not-found.")
  @Permission("parking.booking.cancel")
  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public BookingView cancelLease(
      @Context SecurityContext security, @PathParam("id") long id, CancelInput input) {
    return instances
        .of(security)
        .bookings()
        .cancel(TenantPrincipal.scopeOf(security), KIND, id, Params.body(input));
  }
}
