package org.courtyard.workorders.internal.deadlines;

import java.util.Objects;

/**
 * An order's two deadlines: the response clock (runs from the report until a technician accepts)
 * and the resolution clock (runs from the report, or from the last reopening, until the job is
 * done, and stands still while the order is paused). {@code workingHours} is the category's choice
 * when the order was reported, kept so that a later change of the category does not move the
 * deadlines of orders already running.
 */
public record OrderDeadlines(SlaClock response, SlaClock resolution, boolean workingHours) {

  public OrderDeadlines {
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(resolution, "resolution");
  }
}
