package org.courtyard.workorders.internal;

import static org.courtyard.api.rest.Params.body;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
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
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.stock.MaterialUses;
import org.courtyard.workorders.internal.stock.OrderAccess;
import org.courtyard.workorders.internal.stock.OrderMaterialsView;
import org.courtyard.workorders.internal.stock.StockOrder;
import org.courtyard.workorders.internal.stock.UseInput;
import org.courtyard.workorders.internal.stock.UseView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Material used on a work order under {@code /api/v1/workorders/orders/{orderId}/materials}, taken
 * from the stock of the order's estate and given back. The order must be within the caller's reach
 * for the operation's permission, as for the order's own steps (404 otherwise). A root of its own:
 * CXF matches the longer path here before {@link OrdersResource}'s {@code orders}.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("orders/{orderId}/materials")
@Produces(MediaType.APPLICATION_JSON)
public class OrderMaterialsResource implements ModuleResource {

  private final WorkordersInstances instances;

  @Activate
  public OrderMaterialsResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "Use material on an order",
      description =
          "{materialId, quantity, note}: takes it from the stock of the order's estate at the"
              + " material's unit cost of this moment, while the order is accepted, in progress"
              + " or paused (409 wrong-state). 409 insufficient-stock naming what is left (nothing"
              + " is taken); 422 unknown-material or material-other-estate; 409"
              + " material-inactive; 404 order-not-found.",
      returns = UseView.class)
  @Permission("workorders.order.work")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response use(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @PathParam("orderId") long orderId,
      UseInput input) {
    UseView used =
        instances
            .of(security)
            .materialUses()
            .use(orderId, body(input), access(security), taker(security));
    return Params.created(uri.getAbsolutePathBuilder(), used.id(), used);
  }

  @Doc(
      summary = "List the material used on an order",
      description =
          "Oldest first, with the cost of each (quantity times the unit cost it was taken at);"
              + " given-back uses are marked (returnedAt) and left out of totalCost. 404"
              + " order-not-found.")
  @Permission("workorders.order.read")
  @GET
  public OrderMaterialsView list(
      @Context SecurityContext security, @PathParam("orderId") long orderId) {
    return instances.of(security).materialUses().list(orderId, access(security));
  }

  @Doc(
      summary = "Give unused material back",
      description =
          "Returns the whole of one use to stock, at the cost it was taken at, while the order"
              + " is open (409 wrong-state); the use stays listed, marked returned. 409"
              + " already-returned; 404 for an order or a use not found.")
  @Permission("workorders.order.work")
  @DELETE
  @Path("{useId}")
  public void giveBack(
      @Context SecurityContext security,
      @PathParam("orderId") long orderId,
      @PathParam("useId") long useId) {
    instances
        .of(security)
        .materialUses()
        .giveBack(orderId, useId, access(security), taker(security));
  }

  /** The orders within the caller's reach for this operation. */
  private static OrderAccess access(SecurityContext security) {
    return access(Reach.staff(TenantPrincipal.scopeOf(security)));
  }

  /** The orders within reach, found as the orders' own reads find them (404 outside it). */
  static OrderAccess access(Reach reach) {
    return (c, id, lock) -> {
      OrderRow o = Orders.find(c, id, reach, lock);
      return new StockOrder(o.id(), o.number(), o.estateId(), o.state(), o.assigneeUserId());
    };
  }

  private static MaterialUses.Taker taker(SecurityContext security) {
    Caller caller = Caller.of(security);
    return new MaterialUses.Taker(caller.actorId(), caller.staffUser());
  }
}
