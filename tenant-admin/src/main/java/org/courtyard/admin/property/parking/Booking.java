package org.courtyard.admin.property.parking;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A lease or a reservation: a space held for {@code [from, to)}. */
public record Booking(
    long id,
    String kind,
    long spaceId,
    String spaceNumber,
    long lotId,
    String term,
    Integer terms,
    String holderName,
    String holderPhone,
    Instant from,
    Instant to,
    String state,
    String note,
    String cancelReason,
    int version,
    LocalDate firstDay,
    LocalDate lastDay,
    Long roomId,
    java.math.BigDecimal rent,
    String plate,
    Integer noShowMinutes,
    Instant arrivedAt,
    Instant releasedAt)
    implements Serializable {

  public boolean active() {
    return "active".equals(state);
  }

  /**
   * The body of {@code POST /parking/leases}; {@code startDate} is {@code YYYY-MM-DD}; with {@code
   * roomId} and {@code rent} (per term) the rent goes on that room's bills.
   */
  public record LeaseInput(
      Long spaceId,
      String startDate,
      String term,
      Integer terms,
      String holderName,
      String holderPhone,
      String note,
      Long roomId,
      java.math.BigDecimal rent) {}

  /**
   * The body of {@code POST /parking/reservations}: {@code from} and {@code to} ISO-8601 with
   * offset; the visitor's plate and the minutes the space waits for them, both optional.
   */
  public record ReservationInput(
      Long spaceId,
      String from,
      String to,
      String holderName,
      String holderPhone,
      String note,
      String plate,
      Integer noShowMinutes) {}

  /** The body of {@code POST /parking/{leases|reservations}/{id}/cancel}. */
  public record Cancel(String reason, int version) {}
}
