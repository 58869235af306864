package org.courtyard.billing.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * A billing run and its progress; {@code status} is queued (waiting for its turn: at most one run
 * per tenant and a few across tenants execute at once), running, completed or failed. {@code
 * startedAt} is null while queued. {@code scope} is null for a run of the whole company, and names
 * the estates and buildings of a run posted by someone granted only those; {@code roomsTotal}
 * counts the rooms the run bills.
 */
public record RunView(
    long id,
    String period,
    String status,
    int roomsTotal,
    int roomsDone,
    int billsCreated,
    String error,
    Instant postedAt,
    Instant startedAt,
    Instant finishedAt,
    Scope scope) {

  /** The estates (each whole) and single buildings a run bills the rooms of. */
  public record Scope(List<Long> estateIds, List<Long> buildingIds) {}
}
