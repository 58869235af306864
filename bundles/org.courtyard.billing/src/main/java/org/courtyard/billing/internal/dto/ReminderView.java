package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Rooms to remind (催缴): something more than 30 days past due, largest outstanding first. {@code
 * label} is the room's address from the estate module.
 */
public record ReminderView(LocalDate asOf, String currency, List<Reminder> rooms) {

  public record Reminder(
      long roomId,
      String label,
      long buildingId,
      BigDecimal outstanding,
      BigDecimal over30Days,
      LocalDate oldestDueDate,
      long maxDaysPastDue) {}
}
