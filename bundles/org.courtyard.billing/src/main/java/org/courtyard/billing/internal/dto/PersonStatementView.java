package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A resident's statement (个人对账单): the rooms the person currently owns or occupies, each with its
 * room statement, and the totals over them. The totals add up the rooms' statements, which cover
 * everything billed to and paid for the room, not only what fell into the person's time there.
 * {@code balance} = prepayment − outstanding: negative means money is owed.
 */
public record PersonStatementView(
    long personId,
    String fullName,
    String currency,
    List<Room> rooms,
    BigDecimal billed,
    BigDecimal paid,
    BigDecimal outstanding,
    BigDecimal prepaymentBalance,
    BigDecimal balance,
    Instant generatedAt) {

  /** One of the person's rooms: how the person relates to it, and its statement. */
  public record Room(long roomId, String label, List<Role> roles, StatementView statement) {}

  /**
   * One current occupancy of the room by the person: owner, occupant, tenant or family, the owner's
   * share (if any) and since when.
   */
  public record Role(String role, BigDecimal sharePercent, LocalDate moveIn) {}
}
