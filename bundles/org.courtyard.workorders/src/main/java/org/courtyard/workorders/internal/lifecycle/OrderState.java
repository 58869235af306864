package org.courtyard.workorders.internal.lifecycle;

import java.util.Locale;

/**
 * Where a work order is in its life. The database stores {@link #code()}; the CHECK constraint on
 * {@code workorder.state} lists the same codes.
 */
public enum OrderState {
  /** Reported, nobody assigned yet (in the grab pool when the category dispatches by grabbing). */
  NEW,
  /** Given to a technician or a team, who has not accepted it yet. */
  DISPATCHED,
  /** A technician took it on: the response deadline is met. */
  ACCEPTED,
  IN_PROGRESS,
  /** Waiting for parts, for the resident or for payment: the resolution clock stands still. */
  PAUSED,
  /** The technician reports the job done; the resident may confirm or reopen it. */
  DONE,
  CONFIRMED,
  CLOSED,
  CANCELLED;

  /** Work still owed: the states an order can be cancelled, transferred or urged in. */
  public boolean open() {
    return compareTo(DONE) < 0;
  }

  /** Lower-case code as stored and as shown in the API: {@code in_progress}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OrderState ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
