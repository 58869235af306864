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
import org.courtyard.parking.internal.dto.ReservationInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reservations of spaces under {@code /api/v1/parking/reservations}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("reservations")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationsResource implements ModuleResource {

  private static final String KIND = "reservation";

  private final ParkingInstances instances;

  @Activate
  public ReservationsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List reservations",
      description =
          "Reservations of spaces in the caller's scope, by id. Filters: spaceId, lotId, current=true"
              + " (active and not over).")
  @Permission("parking.booking.read")
  @GET
  public Page<BookingView> listReservations(
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
      summary = "Reservation a space",
      description =
          "A visitor space reserved for a slot [from, to) (ISO-8601 with offset, at most 7 days,"
              + " not over) for holderName (holderPhone, note), optionally for a plate: the"
              + " lot's entrance camera lets it in on the reservation from 30 minutes before the"
              + " slot (passage reason reservation, priced as a temporary stay) and notes the"
              + " arrival. Nobody arrived noShowMinutes (5-1440, default 30) after the slot"
              + " began: the platform cancels it (cancelReason no-show, releasedAt) and the space"
              + " can be reserved again. Only visitor spaces (422"
              + " space-not-reservable), none out of service (409 space-out-of-service). A slot"
              + " never overlaps another reservation or lease of the space: 409 space-taken"
              + " names the period that holds it (heldBy: bookingId, kind, from, to). With an"
              + " Idempotency-Key, the same key again answers 200 with the reservation it made"
              + " (Idempotent-Replayed: true).",
      returns = BookingView.class,
      status = 201)
  @Permission("parking.booking.create")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createReservation(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @HeaderParam(RequestKeys.HEADER) String key,
      ReservationInput input) {
    Bookings.Made made =
        instances
            .of(security)
            .bookings()
            .reserve(
                TenantPrincipal.scopeOf(security),
                Params.body(input),
                ParkingInstances.staffUser(security),
                RequestKeys.of(key));
    return RequestKeys.answer(uri, made);
  }

  @Doc(summary = "Get a reservation", description = "One reservation. 404 not-found.")
  @Permission("parking.booking.read")
  @GET
  @Path("{id}")
  public BookingView getReservation(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).bookings().get(TenantPrincipal.scopeOf(security), KIND, id);
  }

  @Doc(
      summary = "Note a reserved visitor's arrival",
      description =
          "The visitor is here (a guard saw them in): the reservation is not released as a"
              + " no-show. Again: the reservation as it is. 409 wrong-state when it was cancelled"
              + " or released, or its slot is over; 404 not-found.")
  @Permission("parking.gate.operate")
  @POST
  @Path("{id}/arrive")
  public BookingView arrive(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).bookings().arrive(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Cancel a reservation",
      description =
          "Frees the space for the reservation's period, with a reason, at the version read. 409"
              + " wrong-state when it is cancelled already, 409 stale-version, 404 not-found.")
  @Permission("parking.booking.cancel")
  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public BookingView cancelReservation(
      @Context SecurityContext security, @PathParam("id") long id, CancelInput input) {
    return instances
        .of(security)
        .bookings()
        .cancel(TenantPrincipal.scopeOf(security), KIND, id, Params.body(input));
  }
}
