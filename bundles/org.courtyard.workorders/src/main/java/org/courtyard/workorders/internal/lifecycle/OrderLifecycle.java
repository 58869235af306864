package org.courtyard.workorders.internal.lifecycle;

import static org.courtyard.workorders.internal.lifecycle.ActorKind.RESIDENT;
import static org.courtyard.workorders.internal.lifecycle.ActorKind.STAFF;
import static org.courtyard.workorders.internal.lifecycle.ActorKind.SYSTEM;
import static org.courtyard.workorders.internal.lifecycle.ActorKind.TECHNICIAN;
import static org.courtyard.workorders.internal.lifecycle.OrderState.ACCEPTED;
import static org.courtyard.workorders.internal.lifecycle.OrderState.CANCELLED;
import static org.courtyard.workorders.internal.lifecycle.OrderState.CLOSED;
import static org.courtyard.workorders.internal.lifecycle.OrderState.CONFIRMED;
import static org.courtyard.workorders.internal.lifecycle.OrderState.DISPATCHED;
import static org.courtyard.workorders.internal.lifecycle.OrderState.DONE;
import static org.courtyard.workorders.internal.lifecycle.OrderState.IN_PROGRESS;
import static org.courtyard.workorders.internal.lifecycle.OrderState.NEW;
import static org.courtyard.workorders.internal.lifecycle.OrderState.PAUSED;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.courtyard.workorders.internal.lifecycle.TransitionRefused.Why;

/**
 * The rules of a work order's life: which actor may take which action from which state, what the
 * action needs and where it leads. {@link #apply} either returns the order's progress after the
 * step with its timeline entry, or throws {@link TransitionRefused} saying why and what is allowed
 * instead. It holds no order and writes nothing: the service stores the result under the order's
 * version, so two clicks on the same step cannot both pass.
 */
public final class OrderLifecycle {

  /** One allowed (action, actor) pair: from which states, and to which (null: stays). */
  private record Rule(Action action, ActorKind actor, Set<OrderState> from, OrderState to) {}

  private static final Set<OrderState> OPEN =
      EnumSet.of(NEW, DISPATCHED, ACCEPTED, IN_PROGRESS, PAUSED);
  private static final Set<OrderState> ASSIGNED =
      EnumSet.of(DISPATCHED, ACCEPTED, IN_PROGRESS, PAUSED);
  private static final Set<OrderState> FINISHED = EnumSet.of(DONE, CONFIRMED, CLOSED);

  /** A resident may withdraw until the technician has started. */
  private static final Set<OrderState> NOT_STARTED = EnumSet.of(NEW, DISPATCHED, ACCEPTED);

  /** The table the tests walk: a pair missing here is refused. */
  private static final List<Rule> RULES =
      List.of(
          new Rule(Action.DISPATCH, STAFF, EnumSet.of(NEW), DISPATCHED),
          // round robin and automatic dispatch
          new Rule(Action.DISPATCH, SYSTEM, EnumSet.of(NEW), DISPATCHED),
          new Rule(Action.GRAB, TECHNICIAN, EnumSet.of(NEW), ACCEPTED),
          new Rule(Action.ACCEPT, TECHNICIAN, EnumSet.of(DISPATCHED), ACCEPTED),
          new Rule(Action.START, TECHNICIAN, EnumSet.of(ACCEPTED), IN_PROGRESS),
          new Rule(Action.PAUSE, TECHNICIAN, EnumSet.of(IN_PROGRESS), PAUSED),
          new Rule(Action.PAUSE, STAFF, EnumSet.of(IN_PROGRESS), PAUSED),
          new Rule(Action.RESUME, TECHNICIAN, EnumSet.of(PAUSED), IN_PROGRESS),
          new Rule(Action.RESUME, STAFF, EnumSet.of(PAUSED), IN_PROGRESS),
          // a paid repair resumes when billing reports the payment
          new Rule(Action.RESUME, SYSTEM, EnumSet.of(PAUSED), IN_PROGRESS),
          new Rule(Action.COMPLETE, TECHNICIAN, EnumSet.of(IN_PROGRESS), DONE),
          new Rule(Action.COMPLETE, STAFF, EnumSet.of(IN_PROGRESS), DONE),
          new Rule(Action.CONFIRM, RESIDENT, EnumSet.of(DONE), CONFIRMED),
          // customer service confirms what a resident without the app said on the phone
          new Rule(Action.CONFIRM, STAFF, EnumSet.of(DONE), CONFIRMED),
          new Rule(Action.CONFIRM, SYSTEM, EnumSet.of(DONE), CONFIRMED),
          new Rule(Action.CLOSE, STAFF, EnumSet.of(CONFIRMED), CLOSED),
          new Rule(Action.CLOSE, SYSTEM, EnumSet.of(CONFIRMED), CLOSED),
          new Rule(Action.REOPEN, RESIDENT, FINISHED, DISPATCHED),
          new Rule(Action.REOPEN, STAFF, FINISHED, DISPATCHED),
          new Rule(Action.CANCEL, STAFF, OPEN, CANCELLED),
          new Rule(Action.CANCEL, RESIDENT, NOT_STARTED, CANCELLED),
          new Rule(Action.TRANSFER, STAFF, ASSIGNED, DISPATCHED),
          new Rule(Action.TRANSFER, TECHNICIAN, ASSIGNED, DISPATCHED),
          new Rule(Action.URGE, RESIDENT, OPEN, null),
          new Rule(Action.URGE, STAFF, OPEN, null));

  private final LifecyclePolicy policy;
  private final Clock clock;

  public OrderLifecycle(LifecyclePolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Takes the step, now.
   *
   * @throws TransitionRefused when the state, the actor, the command or the time does not allow it
   */
  public Transition apply(OrderProgress order, Command command) {
    Instant now = clock.instant();
    Action action = command.action();
    Actor actor = command.actor();
    Rule rule = ruleFor(order, action, actor, now);
    String missing = missing(order, command);
    if (missing != null) {
      throw refused(Why.INCOMPLETE, order, action, actor, now, missing);
    }
    OrderState to = rule.to() == null ? order.state() : rule.to();
    Assignee assignee = assigneeAfter(order, command);
    OrderProgress after =
        new OrderProgress(
            to,
            assignee,
            order.reporter(),
            FINISHED.contains(to) ? (action == Action.COMPLETE ? now : order.doneAt()) : null,
            order.reopenCount() + (action == Action.REOPEN ? 1 : 0),
            to == PAUSED ? command.pauseReason() : null);
    String reason =
        command.pauseReason() != null
            ? command.pauseReason().code()
            : command.cancelReason() != null ? command.cancelReason().code() : null;
    boolean assigns = !Objects.equals(assignee, order.assignee());
    TimelineEntry entry =
        new TimelineEntry(
            now,
            actor,
            action,
            order.state(),
            to,
            command.note(),
            reason,
            assigns ? assignee : null);
    return new Transition(after, entry);
  }

  /** What {@code actor} may do with the order now, whatever the command would carry. */
  public Set<Action> allowed(OrderProgress order, Actor actor) {
    return allowed(order, actor, clock.instant());
  }

  /** When the system confirms the order if the resident does not: null unless it is done. */
  public Instant autoConfirmAt(OrderProgress order) {
    return order.state() == DONE ? order.doneAt().plus(policy.autoConfirmAfter()) : null;
  }

  /** The last instant the order can be reopened; null when it is not finished. */
  public Instant reopenUntil(OrderProgress order) {
    return order.doneAt() == null ? null : order.doneAt().plus(policy.reopenWithin());
  }

  /** Every action anyone may take from {@code state}, for the board's drop targets. */
  public static Set<Action> actionsFrom(OrderState state) {
    Set<Action> actions = EnumSet.noneOf(Action.class);
    RULES.stream().filter(r -> r.from().contains(state)).forEach(r -> actions.add(r.action()));
    return actions;
  }

  /** The rule that lets this actor act, or the refusal by state, capacity, person or time. */
  private Rule ruleFor(OrderProgress order, Action action, Actor actor, Instant now) {
    OrderState state = order.state();
    if (!actionsFrom(state).contains(action)) {
      throw refused(
          Why.WRONG_STATE,
          order,
          action,
          actor,
          now,
          "An order " + state.code() + " cannot be " + past(action) + ".");
    }
    Rule rule =
        RULES.stream()
            .filter(r -> r.action() == action && r.actor() == actor.kind())
            .filter(r -> r.from().contains(state))
            .findFirst()
            .orElseThrow(
                () ->
                    refused(
                        Why.NOT_YOURS,
                        order,
                        action,
                        actor,
                        now,
                        "A "
                            + actor.kind().name().toLowerCase(Locale.ROOT)
                            + " cannot "
                            + action.code()
                            + " an order "
                            + state.code()
                            + "."));
    String notYours = notYours(order, action, actor);
    if (notYours != null) {
      throw refused(Why.NOT_YOURS, order, action, actor, now, notYours);
    }
    String untimely = untimely(order, action, actor, now);
    if (untimely != null) {
      throw refused(Why.OUT_OF_TIME, order, action, actor, now, untimely);
    }
    return rule;
  }

  /** Technicians act on their own orders only, residents on the orders they reported. */
  private static String notYours(OrderProgress order, Action action, Actor actor) {
    if (actor.kind() == TECHNICIAN && action != Action.GRAB && !actor.covers(order.assignee())) {
      return "The order is assigned to "
          + order.assignee()
          + ", not to technician "
          + actor.id()
          + ".";
    }
    if (actor.kind() == RESIDENT && (order.reporter() == null || order.reporter() != actor.id())) {
      return "Only the resident who reported the order can " + action.code() + " it.";
    }
    return null;
  }

  private String untimely(OrderProgress order, Action action, Actor actor, Instant now) {
    if (action == Action.REOPEN && now.isAfter(reopenUntil(order))) {
      return "The order can be reopened until " + reopenUntil(order) + " only.";
    }
    if (action == Action.CONFIRM && actor.kind() == SYSTEM && now.isBefore(autoConfirmAt(order))) {
      return "The resident has until " + autoConfirmAt(order) + " to confirm the order.";
    }
    return null;
  }

  /** What the command lacks for its action, in words; null when it is complete. */
  private static String missing(OrderProgress order, Command command) {
    return switch (command.action()) {
      case DISPATCH ->
          command.assignee() == null ? "Dispatching needs a technician or team." : null;
      case TRANSFER -> {
        if (command.assignee() == null) {
          yield "Transferring needs the technician or team to transfer to.";
        }
        if (command.assignee().equals(order.assignee())) {
          yield "The order is assigned to " + order.assignee() + " already.";
        }
        yield command.note() == null ? "Transferring needs a note saying why." : null;
      }
      case PAUSE -> command.pauseReason() == null ? "Pausing needs a reason." : null;
      case CANCEL -> {
        if (command.cancelReason() == null) {
          yield "Cancelling needs a reason.";
        }
        yield command.cancelReason() == CancelReason.OTHER && command.note() == null
            ? "Cancelling for another reason needs a note saying which."
            : null;
      }
      case COMPLETE -> command.note() == null ? "Completing needs a note on what was done." : null;
      case REOPEN ->
          command.note() == null ? "Reopening needs a note on what is still wrong." : null;
      case CONFIRM ->
          command.actor().kind() == STAFF && command.note() == null
              ? "Confirming for the resident needs a note on how they confirmed."
              : null;
      default -> null;
    };
  }

  /** The assignee after the step: the grabber, the accepting team member, or the new one. */
  private static Assignee assigneeAfter(OrderProgress order, Command command) {
    return switch (command.action()) {
      case DISPATCH, TRANSFER -> command.assignee();
      case GRAB, ACCEPT -> Assignee.user(command.actor().id());
      default -> order.assignee();
    };
  }

  private Set<Action> allowed(OrderProgress order, Actor actor, Instant now) {
    Set<Action> allowed = EnumSet.noneOf(Action.class);
    for (Rule rule : RULES) {
      if (rule.actor() == actor.kind()
          && rule.from().contains(order.state())
          && notYours(order, rule.action(), actor) == null
          && untimely(order, rule.action(), actor, now) == null) {
        allowed.add(rule.action());
      }
    }
    return allowed;
  }

  private TransitionRefused refused(
      Why why, OrderProgress order, Action action, Actor actor, Instant now, String detail) {
    return new TransitionRefused(why, order.state(), action, allowed(order, actor, now), detail);
  }

  private static String past(Action action) {
    return switch (action) {
      case DISPATCH -> "dispatched";
      case GRAB -> "grabbed";
      case ACCEPT -> "accepted";
      case START -> "started";
      case PAUSE -> "paused";
      case RESUME -> "resumed";
      case COMPLETE -> "completed";
      case CONFIRM -> "confirmed";
      case CLOSE -> "closed";
      case REOPEN -> "reopened";
      case CANCEL -> "cancelled";
      case TRANSFER -> "transferred";
      case URGE -> "urged";
    };
  }
}
