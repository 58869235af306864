package org.courtyard.workorders.internal.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * What the lifecycle needs to know of an order: its state, whom it is assigned to, who reported it
 * (a resident's person id, or null when staff, a device or an inspection reported it), when the job
 * was last reported done, how often it was reopened and why it is paused.
 */
public record OrderProgress(
    OrderState state,
    Assignee assignee,
    Long reporter,
    Instant doneAt,
    int reopenCount,
    PauseReason pauseReason) {

  public OrderProgress {
    Objects.requireNonNull(state, "state");
    if ((state == OrderState.PAUSED) != (pauseReason != null)) {
      throw new IllegalArgumentException("a paused order, and only a paused one, has a reason");
    }
    if (state.compareTo(OrderState.DISPATCHED) >= 0
        && state != OrderState.CANCELLED
        && assignee == null) {
      throw new IllegalArgumentException("an order " + state.code() + " has an assignee");
    }
    boolean finished =
        state == OrderState.DONE || state == OrderState.CONFIRMED || state == OrderState.CLOSED;
    if (finished != (doneAt != null)) {
      throw new IllegalArgumentException(
          "done, confirmed and closed orders, and only those, are done");
    }
    if (reopenCount < 0) {
      throw new IllegalArgumentException("reopen count " + reopenCount);
    }
  }

  /** A new order as reported: nobody assigned, never done, never reopened. */
  public static OrderProgress reported(Long reporter) {
    return new OrderProgress(OrderState.NEW, null, reporter, null, 0, null);
  }
}
