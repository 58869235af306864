/**
 * Parking's reports (停车报表, #14): occupancy by hour and lot, revenue by day, kind and method, the
 * distribution of stays' lengths and the monthly cards ending soon ({@link
 * org.courtyard.parking.internal.reports.ParkingReports}), as JSON or CSV ({@link
 * org.courtyard.parking.internal.reports.ReportCsv}).
 */
package org.courtyard.parking.internal.reports;
