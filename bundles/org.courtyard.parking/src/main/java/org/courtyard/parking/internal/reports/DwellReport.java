package org.courtyard.parking.internal.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Stays that ended in the period by length: buckets of minutes ({@code toMinutes} null: no upper
 * end), by how the vehicle came in; the median temporary stay in minutes (null: none).
 */
public record DwellReport(
    LocalDate from, LocalDate to, List<Bucket> buckets, Long medianTemporaryMinutes) {

  public record Bucket(
      int fromMinutes, Integer toMinutes, int temporary, int card, int whiteList, int total) {}
}
