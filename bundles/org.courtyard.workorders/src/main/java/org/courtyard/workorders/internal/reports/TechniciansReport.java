package org.courtyard.workorders.internal.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The orders done from {@code from} to {@code to} (both included, in {@code timeZone}), in one
 * estate or all of the caller's scope, per technician by user id.
 */
public record TechniciansReport(
    LocalDate from, LocalDate to, String timeZone, Long estateId, List<TechnicianRow> technicians) {

  /** This report with each technician's name as {@code names} has it. */
  public TechniciansReport named(java.util.Map<Long, String> names) {
    return new TechniciansReport(
        from,
        to,
        timeZone,
        estateId,
        technicians.stream().map(r -> r.named(names.get(r.userId()))).toList());
  }
}
