package org.courtyard.workorders.internal.deadlines;

/** Where a deadline stands, as the board colours it and the sweep acts on it. */
public enum SlaState {
  ON_TIME,
  /** The warning share of the allowed time is used: tell the assignee and the dispatcher. */
  WARNING,
  /** The due instant has passed: escalate to the project manager and mark the order. */
  BREACHED,
  /** Paused before the deadline: the clock stands still. */
  PAUSED,
  /** Met by the due instant (a deadline met exactly at the due instant is met). */
  MET,
  MET_LATE
}
