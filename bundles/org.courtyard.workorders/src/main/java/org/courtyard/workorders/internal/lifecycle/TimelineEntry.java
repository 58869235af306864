package org.courtyard.workorders.internal.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an order's timeline: who did what when, from which state to which (the same for an
 * urge), with the note, the reason code (a {@link PauseReason} or {@link CancelReason} code) and
 * the technician or team the order went to. A row of {@code workorder_event}.
 */
public record TimelineEntry(
    Instant at,
    Actor actor,
    Action action,
    OrderState from,
    OrderState to,
    String note,
    String reason,
    Assignee assignee) {

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
