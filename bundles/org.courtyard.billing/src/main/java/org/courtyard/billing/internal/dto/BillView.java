package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A bill (账单); {@code kind} periodic or one_off, {@code status} open, paid or cancelled. {@code
 * roomLabel} is where estate has the room now ({@code GV/B1/U1/1801}), null for a room estate no
 * longer has.
 */
public record BillView(
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
    UUID txId,
    Instant createdAt,
    List<BillLineView> lines) {

  /** This bill with its room's label. */
  public BillView labelled(String label) {
    return new BillView(
        id,
        roomId,
        label,
        buildingId,
        period,
        kind,
        total,
        paid,
        outstanding,
        currency,
        status,
        dueDate,
        txId,
        createdAt,
        lines);
  }
}
