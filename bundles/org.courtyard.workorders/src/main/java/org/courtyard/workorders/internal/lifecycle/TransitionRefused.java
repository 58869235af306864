package org.courtyard.workorders.internal.lifecycle;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A step the lifecycle does not allow, with what the caller can do instead: the state the order is
 * in, the action tried and the actions this actor may take now. The REST layer answers {@link
 * Why#WRONG_STATE} and {@link Why#OUT_OF_TIME} with 409, {@link Why#NOT_YOURS} with 403 and {@link
 * Why#INCOMPLETE} with 422.
 */
public final class TransitionRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the step is refused, in the order the lifecycle checks. */
  public enum Why {
    /** No one may take this action from the order's state. */
    WRONG_STATE,
    /** Others may, this actor may not: another capacity, not the assignee, not the reporter. */
    NOT_YOURS,
    /** The command lacks what the action needs: a note, a reason, an assignee. */
    INCOMPLETE,
    /** Too late (the reopen window has closed) or too early (automatic confirmation). */
    OUT_OF_TIME
  }

  private final Why why;
  private final OrderState from;
  private final Action action;
  private final Set<Action> allowedNow;

  TransitionRefused(
      Why why, OrderState from, Action action, Set<Action> allowedNow, String detail) {
    super(detail);
    this.why = why;
    this.from = from;
    this.action = action;
    this.allowedNow =
        Collections.unmodifiableSet(
            allowedNow.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(allowedNow));
  }

  public Why why() {
    return why;
  }

  public OrderState from() {
    return from;
  }

  public Action action() {
    return action;
  }

  /** What the same actor may do with the order now, in the order of {@link Action}. */
  public Set<Action> allowedNow() {
    return allowedNow;
  }
}
