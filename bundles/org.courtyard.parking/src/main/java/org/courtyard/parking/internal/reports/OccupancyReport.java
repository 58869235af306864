package org.courtyard.parking.internal.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Per lot, per hour of the day: vehicles inside at its start (average, peak) and entries in it. */
public record OccupancyReport(LocalDate from, LocalDate to, List<Lot> lots) {

  public record Lot(long lotId, String code, String name, List<Hour> hours) {}

  public record Hour(int hour, BigDecimal avgInside, int peakInside, int entries) {}
}
