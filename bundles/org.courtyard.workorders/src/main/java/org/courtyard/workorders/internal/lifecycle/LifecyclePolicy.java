package org.courtyard.workorders.internal.lifecycle;

import java.time.Duration;

/**
 * A tenant's periods: how long after completion the system confirms an order the resident left
 * unconfirmed, and how long after completion the resident or staff may still reopen it.
 */
public record LifecyclePolicy(Duration autoConfirmAfter, Duration reopenWithin) {

  /** Three days to confirm, a week to reopen, until the tenant sets its own. */
  public static final LifecyclePolicy DEFAULT =
      new LifecyclePolicy(Duration.ofDays(3), Duration.ofDays(7));

  public LifecyclePolicy {
    if (autoConfirmAfter.isNegative() || reopenWithin.isNegative()) {
      throw new IllegalArgumentException("periods are not negative");
    }
  }

  public static LifecyclePolicy ofDays(int autoConfirmDays, int reopenDays) {
    return new LifecyclePolicy(Duration.ofDays(autoConfirmDays), Duration.ofDays(reopenDays));
  }
}
