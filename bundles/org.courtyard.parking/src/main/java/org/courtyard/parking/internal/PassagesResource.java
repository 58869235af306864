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
import org.courtyard.parking.internal.dto.DecisionInput;
import org.courtyard.parking.internal.dto.NoteInput;
import org.courtyard.parking.internal.dto.PassageView;
import org.courtyard.parking.internal.dto.PayInput;
import org.courtyard.parking.internal.dto.PaymentView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A lot's gates (camera lanes), the passages through them with the gate's decisions, the guard's
 * decisions for the reads left to a person, and the lot's occupancy, under {@code /api/v1/parking}.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("passages")
@Produces(MediaType.APPLICATION_JSON)
public class PassagesResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public PassagesResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List passages",
      description =
          "Vehicles the gates' cameras read in the caller's scope, newest first, with the"
              + " decision and its reason. Filters: lotId, plate (any way it is written),"
              + " waiting=true (reads waiting for the guard).")
  @Permission("parking.gate.read")
  @GET
  public Page<PassageView> listPassages(
      @Context SecurityContext security,
      @QueryParam("lotId") String lotId,
      @QueryParam("plate") String plate,
      @QueryParam("waiting") String waiting,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .gates()
        .passages(
            TenantPrincipal.scopeOf(security),
            Params.id("lotId", lotId),
            ParkingRules.plateFilter(plate),
            Params.flag("waiting", waiting),
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(summary = "Get a passage", description = "One passage. 404 not-found.")
  @Permission("parking.gate.read")
  @GET
  @Path("{id}")
  public PassageView getPassage(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).gates().get(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Decide a read the gate left to the guard",
      description =
          "decision open (the gate's camera is sent its open command; an entry's vehicle is then"
              + " inside, an exit lets its entry out) or refuse, with a note; who decided and when"
              + " are kept. 409 wrong-state when the passage is not waiting for a person, 404"
              + " not-found.")
  @Permission("parking.gate.operate")
  @POST
  @Path("{id}/decide")
  @Consumes(MediaType.APPLICATION_JSON)
  public PassageView decide(
      @Context SecurityContext security, @PathParam("id") long id, DecisionInput input) {
    ParkingTenant parking = instances.of(security);
    Gates.Handled h =
        parking
            .gates()
            .decide(
                TenantPrincipal.scopeOf(security),
                id,
                Params.body(input),
                ParkingInstances.staffUser(security));
    h.opening().ifPresent(o -> instances.open(TenantPrincipal.of(security), parking, o));
    return parking.gates().get(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Let a vehicle out by hand",
      description =
          "An entry the lot counts inside whose vehicle is not there (its exit was misread or"
              + " read without a plate, or its barrier did not open) no longer counts, with a note"
              + " saying why. 409 wrong-state when the passage is no entry inside, 404"
              + " not-found.")
  @Permission("parking.gate.operate")
  @POST
  @Path("{id}/out")
  @Consumes(MediaType.APPLICATION_JSON)
  public PassageView letOut(
      @Context SecurityContext security, @PathParam("id") long id, NoteInput input) {
    return instances
        .of(security)
        .gates()
        .out(
            TenantPrincipal.scopeOf(security),
            id,
            Params.body(input).note(),
            ParkingInstances.staffUser(security));
  }

  @Doc(
      summary = "Pay at the exit",
      description =
          "The exit the gate held for its fee (reason payment-due) is paid (body {method:"
              + " cash|bank|wechat|alipay, note}): the fee is booked as income in billing's ledger"
              + " with a receipt (receiptNo), the passage opens with reason paid and who took the"
              + " money, and the camera is sent its open command. An exit is paid once: asking"
              + " again answers 200 with its payment (Idempotent-Replayed: true). 201; 409"
              + " wrong-state for a passage not waiting for its fee, 409 billing-not-enabled, 404"
              + " not-found.",
      returns = PaymentView.class)
  @Permission("parking.payment.collect")
  @POST
  @Path("{id}/pay")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response pay(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @HeaderParam(RequestKeys.HEADER) String key,
      @PathParam("id") long id,
      PayInput input) {
    ParkingTenant parking = instances.of(security);
    StayPayments.Paid paid =
        parking
            .payments()
            .atExit(
                TenantPrincipal.scopeOf(security),
                id,
                Params.body(input),
                RequestKeys.of(key),
                ParkingInstances.staffUser(security),
                instances.income());
    paid.opening().ifPresent(o -> instances.open(TenantPrincipal.of(security), parking, o));
    return RequestKeys.answer(uri, "parking/payments", paid);
  }
}
