package org.courtyard.parking.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.PaymentView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Temporary stays' payments under {@code /api/v1/parking/payments}: the list and one payment with
 * billing's receipt number. They are made at the exit ({@code POST /passages/{id}/pay}) or ahead
 * ({@code POST /lots/{id}/payments}).
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public PaymentsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List temporary parking payments",
      description =
          "Payments of the lots in the caller's scope, newest first, each with its state (pending"
              + " until billing booked it, then posted with receiptNo). Filters: lotId, plate.")
  @Permission("parking.gate.read")
  @GET
  public Page<PaymentView> listPayments(
      @Context SecurityContext security,
      @QueryParam("lotId") String lotId,
      @QueryParam("plate") String plate,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .payments()
        .list(
            TenantPrincipal.scopeOf(security),
            Params.id("lotId", lotId),
            ParkingRules.plateFilter(plate),
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(summary = "Get a temporary parking payment", description = "One payment. 404 not-found.")
  @Permission("parking.gate.read")
  @GET
  @Path("{id}")
  public PaymentView getPayment(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).payments().get(TenantPrincipal.scopeOf(security), id);
  }
}
