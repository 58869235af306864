package org.courtyard.workorders.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
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
import org.courtyard.api.Problems;
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
import org.courtyard.workorders.internal.dto.ReplyInput;
import org.courtyard.workorders.internal.dto.TimelineView;
import org.courtyard.workorders.internal.dto.VisitInput;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.courtyard.workorders.internal.lifecycle.OrderState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Work orders for the company's staff under {@code /api/v1/workorders/orders}: customer service
 * records and dispatches them, technicians grab and work them, managers confirm and close them.
 * Each step is its own operation with its own permission; an order outside the caller's data scope
 * for that permission answers 404, as a missing one.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(OrdersResource.class);

  /** The permission each step needs. */
  static final Map<Action, String> PERMISSIONS =
      Map.ofEntries(
          Map.entry(Action.DISPATCH, "workorders.order.dispatch"),
          Map.entry(Action.TRANSFER, "workorders.order.dispatch"),
          Map.entry(Action.CANCEL, "workorders.order.dispatch"),
          Map.entry(Action.REOPEN, "workorders.order.dispatch"),
          Map.entry(Action.URGE, "workorders.order.dispatch"),
          Map.entry(Action.GRAB, "workorders.order.work"),
          Map.entry(Action.ACCEPT, "workorders.order.work"),
          Map.entry(Action.START, "workorders.order.work"),
          Map.entry(Action.PAUSE, "workorders.order.work"),
          Map.entry(Action.RESUME, "workorders.order.work"),
          Map.entry(Action.COMPLETE, "workorders.order.work"),
          Map.entry(Action.CONFIRM, "workorders.order.close"),
          Map.entry(Action.CLOSE, "workorders.order.close"));

  private final WorkordersInstances instances;

  @Activate
  public OrdersResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "Record an order",
      description =
          "A repair, complaint, inquiry or praise recorded by staff: its category (whose kind and"
              + " deadlines it takes), priority, description, and a room (roomId) or a public"
              + " area (estateId, optional buildingId, place); the channel (phone, counter,"
              + " visit, inspection) and, for a resident's call, the person and contact. With an"
              + " Idempotency-Key, the same key again answers 200 with the order it recorded"
              + " (Idempotent-Replayed: true). 422 validation-failed, unknown-category,"
              + " unknown-room, unknown-place, idempotency-key-reused.",
      returns = OrderView.class,
      status = 201)
  @Permission("workorders.order.create")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @HeaderParam(RequestKeys.HEADER) String key,
      NewOrder input) {
    OrderRules.Checked in = OrderRules.check(Params.body(input), false);
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    Places places = instances.places(caller.tenant());
    Places.Place place = OrdersResource.place(places, in.roomId(), in.estateId(), in.buildingId());
    if (!place.within(caller.scope())) {
      throw Problems.outsideScope(
          TEXTS.text("order.scope-change"), TEXTS.text("order.scope-needed"));
    }
    if (in.reporterPersonId() != null && !places.personExists(in.reporterPersonId())) {
      throw TEXTS.problem(422, "unknown-person", "order.unknown-person", in.reporterPersonId());
    }
    Orders.Created created =
        instances
            .of(security)
            .orders()
            .create(in, place, Caller.of(security), RequestKeys.of(key), permitted(security));
    instances.afterCreate(TenantPrincipal.of(security), created);
    return RequestKeys.answer(uri, created);
  }

  @Doc(
      summary = "List orders",
      description =
          "Orders in the caller's scope, newest first. Filters: state (one or several, comma"
              + " separated), categoryId, priority, estateId, buildingId, roomId, assigneeUserId,"
              + " assigneeTeamId, overdue=true (open with a deadline passed), pool=true (new"
              + " orders waiting to be grabbed), q (an order number, or words of the"
              + " description), alarmId (the order a security alarm opened).")
  @Permission("workorders.order.read")
  @GET
  public Page<OrderView> list(
      @Context SecurityContext security,
      @QueryParam("state") String state,
      @QueryParam("categoryId") String categoryId,
      @QueryParam("priority") String priority,
      @QueryParam("estateId") String estateId,
      @QueryParam("buildingId") String buildingId,
      @QueryParam("roomId") String roomId,
      @QueryParam("assigneeUserId") String assigneeUserId,
      @QueryParam("assigneeTeamId") String assigneeTeamId,
      @QueryParam("overdue") String overdue,
      @QueryParam("pool") String pool,
      @QueryParam("q") String q,
      @QueryParam("alarmId") String alarmId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Set<String> states = new TreeSet<>();
    if (!Params.blank(state)) {
      for (String one : state.split(",", -1)) {
        String s = one.strip();
        try {
          states.add(OrderState.ofCode(s).code());
        } catch (IllegalArgumentException e) {
          throw Params.invalid(TEXTS.text("params.state"));
        }
      }
    }
    if (!Params.blank(priority) && !Set.of("normal", "urgent", "emergency").contains(priority)) {
      throw Params.invalid(TEXTS.text("params.priority"));
    }
    String words = Params.blank(q) ? null : q.strip();
    if (words != null && words.length() > 100) {
      throw Params.invalid(TEXTS.text("params.q"));
    }
    OrderFilter f =
        new OrderFilter(
            states,
            Params.id("categoryId", categoryId),
            Params.blank(priority) ? null : priority,
            Params.id("estateId", estateId),
            Params.id("buildingId", buildingId),
            Params.id("roomId", roomId),
            Params.id("assigneeUserId", assigneeUserId),
            Params.id("assigneeTeamId", assigneeTeamId),
            !Params.blank(overdue) && Params.flag("overdue", overdue),
            !Params.blank(pool) && Params.flag("pool", pool),
            words,
            Params.id("alarmId", alarmId));
    return instances
        .of(security)
        .orders()
        .list(f, reach(security), Params.blank(cursor) ? null : cursor, Params.limit(limit));
  }

  @Doc(
      summary = "Get an order",
      description =
          "One order with its deadlines and the steps the caller may take now (actions). 404"
              + " order-not-found.")
  @Permission("workorders.order.read")
  @GET
  @Path("{id}")
  public OrderView get(@Context SecurityContext security, @PathParam("id") long id) {
    return instances
        .of(security)
        .orders()
        .get(id, reach(security), Caller.of(security), permitted(security));
  }

  @Doc(
      summary = "Get an order's timeline",
      description = "Every step of the order, oldest first, with who, when, note and reason.")
  @Permission("workorders.order.read")
  @GET
  @Path("{id}/timeline")
  public java.util.List<TimelineView> timeline(
      @Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).orders().timeline(id, reach(security));
  }

  @Doc(
      summary = "Dispatch an order",
      description =
          "Gives a new order to a technician (assigneeUserId) or a team (assigneeTeamId), with a note. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.dispatch")
  @POST
  @Path("{id}/dispatch")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView dispatch(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.DISPATCH, input);
  }

  @Doc(
      summary = "Transfer an order",
      description =
          "Gives an order being worked to another technician or team (转单), who has to accept it; a note says why. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.dispatch")
  @POST
  @Path("{id}/transfer")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView transfer(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.TRANSFER, input);
  }

  @Doc(
      summary = "Cancel an order",
      description =
          "Cancels an order before the job is done, with a reason (duplicate, withdrawn, not_ours, unreachable, other: with a note). 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.dispatch")
  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView cancel(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.CANCEL, input);
  }

  @Doc(
      summary = "Reopen an order",
      description =
          "Sends a done, confirmed or closed order back to its technician within the reopen period, with a note; counted. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.dispatch")
  @POST
  @Path("{id}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView reopen(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.REOPEN, input);
  }

  @Doc(
      summary = "Urge an order",
      description =
          "Records pressing for progress (催单) on an open order and tells its assignee; the state stays. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.dispatch")
  @POST
  @Path("{id}/urge")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView urge(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.URGE, input);
  }

  @Doc(
      summary = "Grab an order",
      description =
          "A technician takes a new order from the grab pool (抢单): exactly one of many concurrent grabs wins, the others get 409 wrong-state. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.work")
  @POST
  @Path("{id}/grab")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView grab(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.GRAB, input);
  }

  @Doc(
      summary = "Accept an order",
      description =
          "The assigned technician, or a member of the assigned team, accepts a dispatched order; the response deadline is met. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.work")
  @POST
  @Path("{id}/accept")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView accept(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.ACCEPT, input);
  }

  @Doc(
      summary = "Start work",
      description =
          "The technician starts work on an accepted order. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.work")
  @POST
  @Path("{id}/start")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView start(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.START, input);
  }

  @Doc(
      summary = "Pause work",
      description =
          "Pauses work for parts, the resident or payment (reason); the resolution clock stops. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.work")
  @POST
  @Path("{id}/pause")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView pause(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.PAUSE, input);
  }

  @Doc(
      summary = "Resume work",
      description =
          "Work goes on after a pause; the resolution clock runs with the time that was left. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.work")
  @POST
  @Path("{id}/resume")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView resume(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.RESUME, input);
  }

  @Doc(
      summary = "Complete an order",
      description =
          "The job is done; a note says what was done. The resolution deadline is met. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.work")
  @POST
  @Path("{id}/complete")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView complete(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.COMPLETE, input);
  }

  @Doc(
      summary = "Confirm an order",
      description =
          "Staff confirm a done order for the resident (a note says how the resident agreed). 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.close")
  @POST
  @Path("{id}/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView confirm(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.CONFIRM, input);
  }

  @Doc(
      summary = "Close an order",
      description =
          "Closes a confirmed order. 404 order-not-found, 409 wrong-state or stale-version, 403 not-yours,"
              + " 422 incomplete.")
  @Permission("workorders.order.close")
  @POST
  @Path("{id}/close")
  @Consumes(MediaType.APPLICATION_JSON)
  public OrderView close(
      @Context SecurityContext security, @PathParam("id") long id, ActionInput input) {
    return act(security, id, Action.CLOSE, input);
  }

  @Doc(
      summary = "Get an order's feedback",
      description =
          "The resident's rating, the return visits, and whether closing waits for a return visit"
              + " that reached the resident. 404 order-not-found.")
  @Permission("workorders.order.read")
  @GET
  @Path("{id}/feedback")
  public FeedbackView feedback(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).feedback().of(id, reach(security));
  }

  @Doc(
      summary = "Record a return visit",
      description =
          "Customer service called or visited the resident after the job (回访): reached or not,"
              + " satisfaction 1 to 5 when reached, a note. Only for a finished order (409"
              + " not-finished).")
  @Permission("workorders.order.close")
  @POST
  @Path("{id}/return-visits")
  @Consumes(MediaType.APPLICATION_JSON)
  public FeedbackView returnVisit(
      @Context SecurityContext security, @PathParam("id") long id, VisitInput input) {
    return instances
        .of(security)
        .feedback()
        .visit(id, Params.body(input), reach(security), Caller.of(security));
  }

  @Doc(
      summary = "Reply to a complaint",
      description =
          "The company's answer to a complaint, written to the order's timeline where the resident"
              + " reads it. 409 not-a-complaint.",
      status = 204)
  @Permission("workorders.order.close")
  @POST
  @Path("{id}/replies")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reply(
      @Context SecurityContext security, @PathParam("id") long id, ReplyInput input) {
    instances
        .of(security)
        .feedback()
        .reply(id, Params.body(input), reach(security), Caller.of(security));
    return Response.noContent().build();
  }

  private OrderView act(SecurityContext security, long id, Action action, ActionInput input) {
    OrderRules.Step step = OrderRules.check(input, action);
    if (step.assignee() != null
        && !step.assignee().team()
        && !instances.places(TenantPrincipal.of(security)).staffExists(step.assignee().id())) {
      throw TEXTS.problem(
          422, "unknown-technician", "order.unknown-technician", step.assignee().id());
    }
    OrderView view =
        instances
            .of(security)
            .orders()
            .act(id, action, step, reach(security), Caller.of(security), permitted(security));
    instances.afterStep(
        TenantPrincipal.of(security), view, action, step.note(), Caller.of(security));
    return view;
  }

  /** The room, or the public area, of a new order; 422 when the estate module has no such place. */
  static Places.Place place(Places places, Long roomId, Long estateId, Long buildingId) {
    if (roomId != null) {
      return places
          .room(roomId)
          .orElseThrow(() -> TEXTS.problem(422, "unknown-room", "order.unknown-room", roomId));
    }
    return places
        .area(estateId, buildingId)
        .orElseThrow(
            () ->
                TEXTS.problem(
                    422,
                    "unknown-place",
                    "order.unknown-place",
                    estateId,
                    buildingId == null ? "-" : buildingId));
  }

  private static Reach reach(SecurityContext security) {
    return Reach.staff(TenantPrincipal.scopeOf(security));
  }

  /** Whether the caller holds the permission a step needs (in any scope). */
  private static Predicate<Action> permitted(SecurityContext security) {
    TenantPrincipal caller = TenantPrincipal.principalOf(security);
    return a -> {
      String p = PERMISSIONS.get(a);
      return p != null && caller.scopeFor(p).isPresent();
    };
  }
}
