package org.courtyard.workorders.internal.lifecycle;

/** In which capacity someone acts on an order; the lifecycle decides by this, not by roles. */
public enum ActorKind {
  /** Customer service or a dispatcher: staff acting for the company. */
  STAFF,
  /** A technician: the order's assignee, a member of the team it is assigned to, or a grabber. */
  TECHNICIAN,
  /** The resident who reported the order. */
  RESIDENT,
  /** The module itself: automatic confirmation, closing, resuming when a payment arrives. */
  SYSTEM
}
