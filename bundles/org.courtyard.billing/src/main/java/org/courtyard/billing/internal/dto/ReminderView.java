package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of rooms to remind (催缴): something more than 30 days past due, largest outstanding
 * first, then by room id. {@code label} is the room's address from the estate module; {@code
 * nextCursor} is null on the last page.
 */
public record ReminderView(
    LocalDate asOf, String currency, List<Reminder> items, String nextCursor) {

  public record Reminder(
      long roomId,
      String label,
      long buildingId,
      BigDecimal outstanding,
      BigDecimal over30Days,
      LocalDate oldestDueDate,
      long maxDaysPastDue) {}
}
