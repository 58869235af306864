package org.courtyard.workorders.internal.sweeps;

/** What one sweep of a tenant's orders marked and confirmed: the answer of {@code POST /sweep}. */
public record SweepCounts(
    int responseWarned,
    int responseBreached,
    int resolutionWarned,
    int resolutionBreached,
    int autoConfirmed) {

  public int total() {
    return responseWarned
        + responseBreached
        + resolutionWarned
        + resolutionBreached
        + autoConfirmed;
  }
}
