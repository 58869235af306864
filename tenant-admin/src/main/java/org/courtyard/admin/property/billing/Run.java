package org.courtyard.admin.property.billing;

import java.io.Serializable;
import java.time.Instant;

/**
 * A billing run (账单生成) and its progress: {@code status} queued, running, completed or failed;
 * {@code roomsDone} of {@code roomsTotal}, {@code billsCreated}, and {@code error} when it failed.
 */
public record Run(
    long id,
    String period,
    String status,
    int roomsTotal,
    int roomsDone,
    int billsCreated,
    String error,
    Instant postedAt,
    Instant startedAt,
    Instant finishedAt)
    implements Serializable {

  public boolean finished() {
    return "completed".equals(status) || "failed".equals(status);
  }

  /** Done as a fraction 0..1 (0 while nothing is known). */
  public double progress() {
    if ("completed".equals(status)) {
      return 1;
    }
    return roomsTotal <= 0 ? 0 : Math.min(1, (double) roomsDone / roomsTotal);
  }
}
