package org.courtyard.workorders.internal.lifecycle;

import java.util.Locale;

/** Why work on an order stands still; reports count pauses by reason. */
public enum PauseReason {
  /** Waiting for parts or materials. */
  PARTS,
  /** Waiting for the resident: not at home, has to decide, has to clear the way. */
  RESIDENT,
  /** A paid repair waiting for the resident's payment. */
  PAYMENT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
