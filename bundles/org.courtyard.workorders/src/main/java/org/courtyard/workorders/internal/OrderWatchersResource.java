package org.courtyard.workorders.internal;

import java.util.List;
import java.util.Set;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.notices.WatcherView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * An order's watchers (关注人) under {@code /api/v1/workorders/orders/{orderId}/watchers}: staff users
 * told of every step of the order besides its assignee and its reporter. A root of its own, as the
 * order's materials are.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("orders/{orderId}/watchers")
@Produces(MediaType.APPLICATION_JSON)
public class OrderWatchersResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(OrderWatchersResource.class);

  private final WorkordersInstances instances;

  @Activate
  public OrderWatchersResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "List an order's watchers",
      description =
          "The staff users told of every step of the order, with their names and who added them"
              + " when, oldest first. 404 not-found.")
  @Permission("workorders.order.read")
  @GET
  public List<WatcherView> list(
      @Context SecurityContext security, @PathParam("orderId") long orderId) {
    return instances
        .of(security)
        .notices()
        .watchers(orderId, gate(security), instances.staff(), TenantPrincipal.of(security));
  }

  @Doc(
      summary = "Add a watcher to an order",
      description =
          "The staff user is told of every later step of the order; adding one twice keeps the"
              + " first. 422 unknown-user for a number that is not a staff user of the company,"
              + " 422 watcher-cannot-read for one who does not hold workorders.order.read where"
              + " the order is; 404 not-found for the order.",
      status = 204)
  @Permission("workorders.order.dispatch")
  @PUT
  @Path("{userId}")
  public void add(
      @Context SecurityContext security,
      @PathParam("orderId") long orderId,
      @PathParam("userId") long userId) {
    if (instances.staff().existing(TenantPrincipal.of(security), Set.of(userId)).isEmpty()) {
      throw TEXTS.problem(422, "unknown-user", "order.unknown-watcher", userId);
    }
    // a watcher is told what the order says: only someone who may read it there
    DataScope reads =
        instances
            .staff()
            .scopeOf(TenantPrincipal.of(security), userId, "workorders.order.read")
            .orElseThrow(() -> cannotRead(userId));
    Caller caller = Caller.of(security);
    if (!instances
        .of(security)
        .notices()
        .watch(orderId, userId, caller.staffUser() ? caller.id() : null, gate(security), reads)) {
      throw cannotRead(userId);
    }
  }

  @Doc(
      summary = "Remove a watcher from an order",
      description = "404 not-found for an order, or a user who does not watch it.",
      status = 204)
  @Permission("workorders.order.dispatch")
  @DELETE
  @Path("{userId}")
  public void remove(
      @Context SecurityContext security,
      @PathParam("orderId") long orderId,
      @PathParam("userId") long userId) {
    instances.of(security).notices().unwatch(orderId, userId, gate(security));
  }

  private static ProblemException cannotRead(long userId) {
    return TEXTS.problem(422, "watcher-cannot-read", "order.watcher-cannot-read", userId);
  }

  private static org.courtyard.workorders.internal.attachments.OrderGate gate(
      SecurityContext security) {
    return Orders.gate(Reach.staff(TenantPrincipal.scopeOf(security)));
  }
}
