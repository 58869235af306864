/**
 * Work-order reports (工单报表, #13): per period and estate, the orders by category and state, deadline
 * compliance, response and resolution times, reopen rate and residents' satisfaction ({@link
 * org.courtyard.workorders.internal.reports.OrderReports#summary}), and the same per technician
 * ({@link org.courtyard.workorders.internal.reports.OrderReports#technicians}); each one grouped
 * query within the caller's data scope. The API's {@code ReportPeriod} checks the period, {@link
 * org.courtyard.workorders.internal.reports.ReportCsv} writes either report as CSV for
 * spreadsheets. They are inputs of the analytics module.
 */
package org.courtyard.workorders.internal.reports;
