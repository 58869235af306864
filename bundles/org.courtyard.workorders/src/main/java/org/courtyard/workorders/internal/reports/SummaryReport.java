package org.courtyard.workorders.internal.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * The orders reported from {@code from} to {@code to} (both included, in {@code timeZone}), in one
 * estate or all of the caller's scope: one row per category that had any, by code, and the totals.
 */
public record SummaryReport(
    LocalDate from,
    LocalDate to,
    String timeZone,
    Long estateId,
    List<SummaryRow> categories,
    SummaryRow totals) {}
