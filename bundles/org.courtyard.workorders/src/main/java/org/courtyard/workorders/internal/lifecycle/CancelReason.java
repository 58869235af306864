package org.courtyard.workorders.internal.lifecycle;

import java.util.Locale;

/** Why an order was cancelled; {@link #OTHER} needs a note that says what. */
public enum CancelReason {
  /** The same problem is reported in another order. */
  DUPLICATE,
  /** The reporter withdrew the request. */
  WITHDRAWN,
  /** Not the property company's to fix (inside a wall the owner must open, a utility's cable). */
  NOT_OURS,
  /** The reporter cannot be reached and the problem cannot be found. */
  UNREACHABLE,
  OTHER;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
