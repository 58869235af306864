package org.courtyard.admin.property.billing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A bill (账单) as {@code GET /billing/bills} answers it: {@code kind} periodic or one_off, {@code
 * status} open, paid or cancelled, with its lines; {@code roomLabel} is where estate has the room
 * ({@code SG/B1/U1/1801}), null for a room estate no longer has.
 */
public record Bill(
    long id,
    long roomId,
    String roomLabel,
    long buildingId,
    String period,
    String kind,
    BigDecimal total,
    BigDecimal paid,
    BigDecimal outstanding,
    String currency,
    String status,
    LocalDate dueDate,
    Instant createdAt,
    List<Line> lines)
    implements Serializable {

  public Bill {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** The room as people name it: its label, or its id when estate has none. */
  public String room() {
    return roomLabel == null || roomLabel.isBlank() ? "#" + roomId : roomLabel;
  }

  /** One fee of the bill: quantity × unit price over the months and days it covers. */
  public record Line(
      long feeItemId,
      String feeCode,
      String feeName,
      BigDecimal quantity,
      BigDecimal unitPrice,
      int months,
      int daysEffective,
      int daysInCycle,
      BigDecimal calculated,
      BigDecimal amount)
      implements Serializable {}
}
