package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/** A vehicle a gate's camera read, and what the gate (or a guard) decided. */
public record Passage(
    long id,
    long lotId,
    long gateId,
    String gateName,
    String direction,
    String plate,
    String readPlate,
    int confidence,
    Instant seenAt,
    String decision,
    String reason,
    BigDecimal fee,
    boolean inside,
    Long commandId,
    Long decidedBy,
    Instant decidedAt,
    String note)
    implements Serializable {

  /** Whether the read waits for a person to decide. */
  public boolean waiting() {
    return "guard".equals(decision) && decidedAt == null;
  }

  /** Whether the gate holds the car at the exit for a fee a cashier or guard can take. */
  public boolean feeDue() {
    return waiting()
        && "exit".equals(direction)
        && ("payment-due".equals(reason) || "payment-pending".equals(reason))
        && fee != null
        && fee.signum() > 0;
  }

  /** Body of {@code POST /parking/passages/{id}/pay}. */
  public record Pay(String method, String note) {}

  /** A temporary stay's payment, booked in billing's ledger with its receipt number. */
  public record Payment(
      long id,
      long lotId,
      Long exitId,
      String plate,
      BigDecimal amount,
      String method,
      String state,
      String receiptNo)
      implements Serializable {}

  /** Body of {@code POST /parking/passages/{id}/decide}. */
  public record Decision(String decision, String note) {}

  /** A lot's vehicles by its passages. */
  public record Occupancy(
      long lotId,
      int inside,
      int temporarySpaces,
      int temporaryInside,
      int temporaryFree,
      int waiting,
      int sensedSpaces,
      int sensedFree)
      implements Serializable {}
}
