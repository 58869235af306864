package org.courtyard.parking.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.BookingView;
import org.courtyard.parking.internal.dto.CancelInput;
import org.courtyard.parking.internal.dto.VisitorReservationInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A resident's reservations of visitor spaces under {@code /api/v1/parking/my/reservations}, for
 * visitors to the estate they live in ({@link VisitorReservations}). The person is the one of the
 * verified credential.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("my/reservations")
@Produces(MediaType.APPLICATION_JSON)
public class MyReservationsResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public MyReservationsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "Reserve a visitor space (residents)",
      description =
          "{lotId, from, to, holderName, holderPhone, note, plate, noShowMinutes}: the first"
              + " visitor space of the lot free for the whole slot [from, to) (at most 7 days, not"
              + " over), in a lot of an estate I live in, for my visitor; with their plate the"
              + " entrance camera lets them in, and nobody arriving noShowMinutes (default 30)"
              + " after the slot began releases it. At most 3 not over at once. With an"
              + " Idempotency-Key the same key again answers 200 with the reservation made"
              + " (Idempotent-Replayed: true). 201; 422 not-your-estate, validation-failed; 409"
              + " no-space-free, reservation-limit; 403 residents-only.",
      returns = BookingView.class,
      status = 201)
  @Permission("parking.my-visitor.grant")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reserve(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @HeaderParam(RequestKeys.HEADER) String key,
      VisitorReservationInput input) {
    long person = MyVisitorsResource.resident(security);
    Bookings.Made made =
        instances
            .of(security)
            .visitorReservations()
            .reserve(
                person,
                instances.estatesOf(TenantPrincipal.of(security), person),
                Params.body(input),
                RequestKeys.of(key));
    return RequestKeys.answer(uri, made);
  }

  @Doc(
      summary = "List my visitor space reservations (residents)",
      description = "Mine, the latest slot first (at most 100). 403 residents-only.")
  @Permission("parking.my-visitor.read")
  @GET
  public List<BookingView> mine(@Context SecurityContext security) {
    return instances.of(security).visitorReservations().mine(MyVisitorsResource.resident(security));
  }

  @Doc(
      summary = "Get a reservation of mine (residents)",
      description = "One of mine. 404 not-found; 403 residents-only.")
  @Permission("parking.my-visitor.read")
  @GET
  @Path("{id}")
  public BookingView one(@Context SecurityContext security, @PathParam("id") long id) {
    return instances
        .of(security)
        .visitorReservations()
        .mine(MyVisitorsResource.resident(security), id);
  }

  @Doc(
      summary = "Cancel a reservation of mine (residents)",
      description =
          "{reason, version}: the space is free again for the slot. 409 wrong-state when it is"
              + " cancelled already, 409 stale-version, 404 not-found; 403 residents-only.")
  @Permission("parking.my-visitor.grant")
  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public BookingView cancel(
      @Context SecurityContext security, @PathParam("id") long id, CancelInput input) {
    ParkingTenant parking = instances.of(security);
    parking.visitorReservations().mine(MyVisitorsResource.resident(security), id);
    return parking.bookings().cancel(DataScope.ALL, "reservation", id, Params.body(input));
  }
}
