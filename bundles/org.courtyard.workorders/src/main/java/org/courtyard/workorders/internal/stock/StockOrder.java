package org.courtyard.workorders.internal.stock;

import java.util.List;

/** A work order as the stock sees it: where it is, what state it is in, whose it is. */
public record StockOrder(long id, String number, long estateId, String state, Long assigneeUserId) {

  /** The states material is used in: a technician took the order and has not finished it. */
  static final List<String> USE_STATES = List.of("accepted", "in_progress", "paused");

  /** The states material is given back in: the order is still open. */
  static final List<String> OPEN_STATES =
      List.of("new", "dispatched", "accepted", "in_progress", "paused");
}
