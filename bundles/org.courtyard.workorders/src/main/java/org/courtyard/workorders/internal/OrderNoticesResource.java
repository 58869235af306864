package org.courtyard.workorders.internal;

import java.util.List;
import javax.ws.rs.GET;
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
import org.courtyard.workorders.internal.notices.NoticeView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An order's delivery log under {@code /api/v1/workorders/orders/{orderId}/notices}: every message
 * its steps sent to its assignee, reporter and watchers, and what became of it.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("orders/{orderId}/notices")
@Produces(MediaType.APPLICATION_JSON)
public class OrderNoticesResource implements ModuleResource {

  private final WorkordersInstances instances;

  @Activate
  public OrderNoticesResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "List the messages an order's steps sent",
      description =
          "Oldest first: the step, the recipient (a staff user or a resident, as assignee,"
              + " reporter or watcher), the address masked, and the state: queued (taken by a"
              + " channel), delivered, unconfirmed, failed, refused (no channel for the address,"
              + " too many lately, busy) or no-address; with the channel and its answer. Whoever"
              + " took a step is not told of it. 404 not-found.")
  @Permission("workorders.order.read")
  @GET
  public List<NoticeView> list(
      @Context SecurityContext security, @PathParam("orderId") long orderId) {
    return instances
        .of(security)
        .notices()
        .log(orderId, Orders.gate(Reach.staff(TenantPrincipal.scopeOf(security))));
  }
}
