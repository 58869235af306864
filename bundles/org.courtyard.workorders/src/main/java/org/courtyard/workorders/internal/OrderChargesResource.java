package org.courtyard.workorders.internal;

import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.attachments.OrderGate;
import org.courtyard.workorders.internal.dto.ChargeView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A paid repair's charges under {@code /api/v1/workorders/orders/{orderId}/charges}: what the
 * completing step charged the room and where billing stands with it. A root of its own, as the
 * order's materials are.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("orders/{orderId}/charges")
@Produces(MediaType.APPLICATION_JSON)
public class OrderChargesResource implements ModuleResource {

  private final WorkordersInstances instances;

  @Activate
  public OrderChargesResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "List a paid repair's charges",
      description =
          "The charges the completing steps put on the order's room (a paid category's order"
              + " completes with {charge} within the category's price range), oldest first:"
              + " state pending (waiting for billing), posted (a bill of the room, billId),"
              + " refused (billing refused it for good: note says why), void_pending, voided"
              + " (the order was cancelled) or void_refused (it was paid: refund the room"
              + " through billing, then retry); paid and billStatus as billing holds them"
              + " while the tenant has billing. 404 not-found.")
  @Permission("workorders.order.read")
  @GET
  public List<ChargeView> list(
      @Context SecurityContext security, @PathParam("orderId") long orderId) {
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    return instances
        .of(security)
        .charges()
        .list(
            orderId,
            Orders.gate(Reach.staff(TenantPrincipal.scopeOf(security))),
            instances.billing(),
            caller.tenant());
  }

  @Doc(
      summary = "Put a refused charge back in billing's queue",
      description =
          "Once the cause billing named is mended (the payment on a void_refused charge reversed,"
              + " the room of a refused one back), posts a refused charge or voids a void_refused"
              + " one again, right away; what billing answers shows in the returned list, and"
              + " what it cannot take now waits for the sweep. 404 not-found, 409"
              + " charge-not-refused for a charge in any other state.")
  @Permission("workorders.order.close")
  @POST
  @Path("{seq}/retry")
  public List<ChargeView> retry(
      @Context SecurityContext security,
      @PathParam("orderId") long orderId,
      @PathParam("seq") int seq) {
    Caller caller = Caller.of(security);
    WorkordersTenant tenant = instances.of(security);
    OrderGate gate = Orders.gate(Reach.staff(TenantPrincipal.scopeOf(security)));
    tenant.charges().retry(orderId, seq, gate, caller.staffUser() ? caller.id() : null);
    instances.settleCharges(tenant.tenant(), orderId);
    return tenant.charges().list(orderId, gate, instances.billing(), tenant.tenant());
  }
}
