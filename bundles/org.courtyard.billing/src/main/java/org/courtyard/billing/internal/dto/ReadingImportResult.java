package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Answer to a successful reading import: every row of the file was stored. {@code implausible}
 * lists the readings stored with the implausible flag, with the file line and the reason.
 */
public record ReadingImportResult(
    int readingsImported, int metersRead, int implausibleCount, List<Implausible> implausible) {

  public record Implausible(
      int line,
      String serial,
      long meterId,
      long readingId,
      Instant readAt,
      BigDecimal value,
      String reason) {}
}
