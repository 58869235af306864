package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Arrears (欠费) per room on {@code asOf}, ordered by room id; amounts past due only. */
public record ArrearsView(
    LocalDate asOf, String currency, BigDecimal total, List<RoomArrears> rooms) {

  public record RoomArrears(
      long roomId,
      long buildingId,
      BigDecimal outstanding,
      LocalDate oldestDueDate,
      long maxDaysPastDue,
      BigDecimal days0to30,
      BigDecimal days31to90,
      BigDecimal days90plus) {}
}
