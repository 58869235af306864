package org.courtyard.workorders.internal;

import java.util.Set;
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
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.dto.ActionInput;
import org.courtyard.workorders.internal.dto.FeedbackView;
import org.courtyard.workorders.internal.dto.NewOrder;
import org.courtyard.workorders.internal.dto.OrderView;
import org.courtyard.workorders.internal.dto.RatingInput;
import org.courtyard.workorders.internal.dto.TimelineView;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A resident's own repairs and complaints under {@code /api/v1/workorders/my/orders}: reported in
 * the app about a room they occupy, followed, confirmed, reopened, withdrawn or urged. The person
 * is the one of the verified credential; another's order answers 404.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("my/orders")
@Produces(MediaType.APPLICATION_JSON)
public class MyOrdersResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(MyOrdersResource.class);

  private static final Set<Action> MINE =
      Set.of(Action.CONFIRM, Action.REOPEN, Action.CANCEL, Action.URGE);

  private final WorkordersInstances instances;

  @Activate
  public MyOrdersResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "Report a repair or complaint (residents)",
      description =
          "A resident reports about one of the rooms they occupy: category, priority, description,"
              + " contact phone; an Idempotency-Key makes a retry answer the order it recorded."
              + " 422 validation-failed, unknown-category, not-your-room.",
      returns = OrderView.class,
      status = 201)
  @Permission("workorders.my-order.report")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response report(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @HeaderParam(RequestKeys.HEADER) String key,
      NewOrder input) {
    OrderRules.Checked in = OrderRules.check(Params.body(input), true);
    Caller caller = Caller.of(security);
    requireResident(caller);
    Places places = instances.places(TenantPrincipal.of(security));
    if (!places.roomsOf(caller.id()).contains(in.roomId())) {
      throw TEXTS.problem(422, "not-your-room", "my.not-your-room", in.roomId());
    }
    Places.Place place = OrdersResource.place(places, in.roomId(), null, null);
    Orders.Created created =
        instances
            .of(security)
            .orders()
            .create(in, place, caller, RequestKeys.of(key), MINE::contains);
    instances.afterCreate(TenantPrincipal.of(security), created);
    return RequestKeys.answer(uri, created);
  }

  @Doc(summary = "List my orders (residents)", description = "The orders I reported, newest first.")
  @Permission("workorders.my-order.read")
  @GET
  public Page<OrderView> list(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .orders()
        .list(
            OrderFilter.NONE,
            reach(security),
            Params.blank(cursor) ? null : cursor,
            Params.limit(limit));
  }

  @Doc(
      summary = "Get my order (residents)",
      description = "One of my orders with what I may do now. 404 order-not-found.")
  @Permission("workorders.my-order.read")
  @GET
  @Path("{id}")
  public OrderView get(@Context SecurityContext security, @PathParam("id") long id) {
    return instances
        .of(security)
        .orders()
        .get(id, reach(security), Caller.of(security), MINE::contains);
  }

  @Doc(summary = "Get my order's timeline (residents)", description = "Every step, oldest first.")
  @Permission("workorders.my-order.read")
  @GET
  @Path("{id}/timeline")
  public java.util.List<TimelineView> timeline(
      @Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).orders().timeline(id, reach(security));
  }

  @Doc(
      summary = "Confirm my order",
      description =
          "I agree the job is done (a done order). 404 order-not-found, 409 wrong-state or out-of-time, 422 incomplete.")
  @Permission("workorders.my-order.act")
  @POST
  @Path("{id}/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView confirm(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.CONFIRM, input);
  }

  @Doc(
      summary = "Reopen my order",
      description =
          "The problem is back: within the reopen period after completion, with a note. 404 order-not-found, 409 wrong-state or out-of-time, 422 incomplete.")
  @Permission("workorders.my-order.act")
  @POST
  @Path("{id}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView reopen(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.REOPEN, input);
  }

  @Doc(
      summary = "Cancel my order",
      description =
          "Withdraws my order until work has started (reason withdrawn or other). 404 order-not-found, 409 wrong-state or out-of-time, 422 incomplete.")
  @Permission("workorders.my-order.act")
  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView cancel(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.CANCEL, input);
  }

  @Doc(
      summary = "Urge my order",
      description =
          "Presses for progress (催单); the assignee is told. 404 order-not-found, 409 wrong-state or out-of-time, 422 incomplete.")
  @Permission("workorders.my-order.act")
  @POST
  @Path("{id}/urge")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView urge(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.URGE, input);
  }

  @Doc(
      summary = "Get my order's feedback (residents)",
      description = "My rating and the company's return visits. 404 order-not-found.")
  @Permission("workorders.my-order.read")
  @GET
  @Path("{id}/feedback")
  public FeedbackView feedback(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).feedback().of(id, reach(security));
  }

  @Doc(
      summary = "Rate my order (residents)",
      description =
          "1 to 5 stars and a comment, once the job is done; once per order (409 already-rated).")
  @Permission("workorders.my-order.act")
  @POST
  @Path("{id}/rating")
  @Consumes(MediaType.APPLICATION_JSON)
  public FeedbackView rate(
      @Context SecurityContext security, @PathParam("id") long id, RatingInput input) {
    return instances
        .of(security)
        .feedback()
        .rate(id, Params.body(input), reach(security), Caller.of(security));
  }

  private OrderView act(SecurityContext security, long id, Action action, ActionInput input) {
    OrderRules.Step step = OrderRules.check(input, action);
    OrderView view =
        instances
            .of(security)
            .orders()
            .act(id, action, step, reach(security), Caller.of(security), MINE::contains);
    instances.afterStep(
        TenantPrincipal.of(security), view, action, step.note(), Caller.of(security));
    return view;
  }

  /** A resident's own orders; anyone else (an owner token holds every permission) reaches none. */
  static Reach reach(SecurityContext security) {
    Caller caller = Caller.of(security);
    requireResident(caller);
    return Reach.resident(caller.id());
  }

  private static void requireResident(Caller caller) {
    if (!caller.resident()) {
      throw TEXTS.problem(403, "residents-only", "my.residents-only");
    }
  }
}
