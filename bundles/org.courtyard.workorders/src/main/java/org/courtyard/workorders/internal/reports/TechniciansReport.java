package org.courtyard.workorders.internal.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The orders done from {@code from} to {@code to} (both included, in {@code timeZone}), in one
 * estate or all of the caller's scope, per technician by user id.
 */
public record TechniciansReport(
    LocalDate from,
    LocalDate to,
    String timeZone,
    Long estateId,
    List<TechnicianRow> technicians) {}
