package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Parking's reports as {@code GET /parking/reports/*} answers them. */
public final class Reports {

  private Reports() {}

  public record Occupancy(LocalDate from, LocalDate to, List<OccupancyLot> lots)
      implements Serializable {}

  public record OccupancyLot(long lotId, String code, String name, List<Hour> hours)
      implements Serializable {}

  public record Hour(int hour, BigDecimal avgInside, int peakInside, int entries)
      implements Serializable {}

  public record Revenue(
      LocalDate from,
      LocalDate to,
      List<RevenueDay> days,
      List<Method> methods,
      BigDecimal atExit,
      BigDecimal ahead,
      BigDecimal total,
      int payments)
      implements Serializable {}

  public record RevenueDay(
      LocalDate day, BigDecimal atExit, BigDecimal ahead, BigDecimal total, int payments)
      implements Serializable {}

  public record Method(String method, BigDecimal amount, int payments) implements Serializable {}

  public record Dwell(
      LocalDate from, LocalDate to, List<Bucket> buckets, Long medianTemporaryMinutes)
      implements Serializable {}

  public record Bucket(
      int fromMinutes, Integer toMinutes, int temporary, int card, int whiteList, int total)
      implements Serializable {}

  public record ExpiringCard(
      long cardId,
      long lotId,
      String lotCode,
      String plate,
      String holderName,
      String holderPhone,
      LocalDate lastDay,
      int daysLeft)
      implements Serializable {}
}
