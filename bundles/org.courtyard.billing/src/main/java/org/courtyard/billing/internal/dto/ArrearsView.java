package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of arrears (欠费) per room on {@code asOf}, ordered by room id; amounts past due only.
 * {@code total} is past due over all rooms, not only this page's; {@code nextCursor} is null on the
 * last page.
 */
public record ArrearsView(
    LocalDate asOf, String currency, BigDecimal total, List<RoomArrears> items, String nextCursor) {

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
