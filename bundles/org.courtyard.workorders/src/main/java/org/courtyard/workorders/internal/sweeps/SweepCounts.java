package org.courtyard.workorders.internal.sweeps;

/**
 * What one sweep of a tenant's orders marked and confirmed, and how long it took in the server
 * ({@code tookMs}): the answer of {@code POST /sweep}.
 */
public record SweepCounts(
    int responseWarned,
    int responseBreached,
    int resolutionWarned,
    int resolutionBreached,
    int autoConfirmed,
    double tookMs) {

  /** Counts without a duration, for comparing what two runs did. */
  public static SweepCounts of(
      int responseWarned,
      int responseBreached,
      int resolutionWarned,
      int resolutionBreached,
      int autoConfirmed) {
    return new SweepCounts(
        responseWarned, responseBreached, resolutionWarned, resolutionBreached, autoConfirmed, 0);
  }

  /** What this run did, without how long it took. */
  public SweepCounts withoutTime() {
    return of(
        responseWarned, responseBreached, resolutionWarned, resolutionBreached, autoConfirmed);
  }

  public int total() {
    return responseWarned
        + responseBreached
        + resolutionWarned
        + resolutionBreached
        + autoConfirmed;
  }
}
