package org.courtyard.workorders.internal.lifecycle;

import java.util.Locale;

/** A step someone takes on a work order; each leaves one entry in the order's timeline. */
public enum Action {
  /** A dispatcher gives a new order to a technician or team. */
  DISPATCH,
  /** A technician takes a new order from the grab pool (抢单): accepted at once. */
  GRAB,
  ACCEPT,
  START,
  /** Needs a {@link PauseReason}; stops the resolution clock. */
  PAUSE,
  RESUME,
  /** The technician reports the job done (a note on what was done is required). */
  COMPLETE,
  /** The resident agrees the job is done; the system does it after the confirmation period. */
  CONFIRM,
  CLOSE,
  /** Back to the technician, within the reopen window after completion; counted. */
  REOPEN,
  /** Needs a {@link CancelReason}; only before the job is done. */
  CANCEL,
  /** To another technician or team (转单), who has to accept it. */
  TRANSFER,
  /** Pressing for progress (催单): recorded and notified, the state stays. */
  URGE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Action ofCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
