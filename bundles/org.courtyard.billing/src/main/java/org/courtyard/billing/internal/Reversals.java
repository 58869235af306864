package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.billing.internal.calc.Posting;
import org.courtyard.billing.internal.dto.LedgerEntryView;
import org.courtyard.billing.internal.dto.LedgerTxView;

/**
 * Corrections: a transaction is never changed, it is reversed by a new transaction with the same
 * entries on the other side ({@code reverses_tx} pointing at it), in the original's period,
 * together with what the reversal means for bills, payments and prepayment:
 *
 * <ul>
 *   <li>bill or charge: the bill becomes {@code cancelled}; only while nothing has been paid on it
 *   <li>payment: its allocations are taken back from the bills and what it added to prepayment is
 *       removed (refused if that prepayment has been used or refunded meanwhile)
 *   <li>prepayment use: the bill owes the amount again, the prepayment gets it back
 *   <li>refund: the prepayment gets the amount back
 * </ul>
 */
final class Reversals {

  private static final Texts TEXTS = Texts.of(Reversals.class);

  private final Jdbc jdbc;
  private final Clock clock;

  Reversals(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Reverses a transaction of a room in {@code scope}; what it undoes (bills, payments, prepayment)
   * is all of that same room.
   *
   * @throws ProblemException 404 {@code not-found} (also for a transaction whose room is outside
   *     the scope); 409 {@code already-reversed}, {@code not-reversible} (a reversal), {@code
   *     bill-has-payments}, {@code prepayment-already-used}
   */
  LedgerTxView reverse(UUID txId, DataScope scope) {
    return jdbc.transaction(c -> reverseIn(c, txId, scope, clock.instant()));
  }

  /**
   * {@link #reverse} inside the caller's transaction; {@code scope} null for a caller that already
   * knows the room is its to correct (billing itself, voiding a charge).
   */
  static LedgerTxView reverseIn(Connection c, UUID txId, DataScope scope, Instant now)
      throws SQLException {
    Long room;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT room_id FROM ledger_tx WHERE tx_id = ?")) {
      ps.setObject(1, txId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(TEXTS.text("label.ledger-tx"), txId);
        }
        room = Jdbc.getLong(rs, "room_id");
      }
    }
    if (scope != null && !Ledger.inScope(c, room, scope)) {
      throw Problems.notFound(TEXTS.text("label.ledger-tx"), txId);
    }
    // The room's account first, as payments and a charge's void lock it, then the original:
    // every writer of a room's money takes the account before its bills and transactions, so a
    // reversal and a void of the same bill wait for each other instead of deadlocking. Locking
    // the original serialises two reversals of it; the unique reverses_tx is the backstop.
    if (room != null) {
      Payments.lockAccount(c, room, null);
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM ledger_tx WHERE tx_id = ? FOR UPDATE")) {
      ps.setObject(1, txId);
      ps.executeQuery().close();
    }
    LedgerTxView original = Ledger.find(c, txId);
    if ("reversal".equals(original.kind())) {
      throw TEXTS.problem(409, "not-reversible", "reversal.of-reversal", txId);
    }
    try (PreparedStatement ps =
        c.prepareStatement("SELECT tx_id FROM ledger_tx WHERE reverses_tx = ?")) {
      ps.setObject(1, txId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw TEXTS.problem(
              409,
              "already-reversed",
              java.util.Map.of("reversedBy", rs.getObject(1).toString()),
              "reversal.already",
              txId,
              rs.getObject(1));
        }
      }
    }
    switch (original.kind()) {
      case "bill", "charge" -> cancelBill(c, original.billId());
      case "payment" -> undoPayment(c, original.paymentId(), original.roomId(), now);
      case "prepayment_use" -> undoPrepaymentUse(c, txId, original.roomId(), now);
      case "refund" -> undoRefund(c, original.refundId(), original.roomId(), now);
      // income for no room (CounterIncome): the money went back over the counter; the
      // reversal is the whole record of it, and the income's receipt shows it reversed
      case "income" -> {}
      default -> throw new IllegalStateException("unknown transaction kind " + original.kind());
    }
    List<Posting> mirrored = new ArrayList<>();
    for (LedgerEntryView e : original.entries()) {
      mirrored.add(new Posting(e.account(), e.credit(), e.debit()));
    }
    UUID reversal = TxIds.next();
    Ledger.post(
        c,
        List.of(
            new Ledger.Tx(
                reversal,
                "reversal",
                original.roomId(),
                original.billId(),
                original.paymentId(),
                original.refundId(),
                original.period(),
                txId,
                mirrored)),
        now);
    return Ledger.find(c, reversal);
  }

  private static void cancelBill(Connection c, long billId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT paid FROM bill WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, billId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getBigDecimal(1).signum() > 0) {
          throw TEXTS.problem(
              409,
              "bill-has-payments",
              "reversal.bill-has-payments",
              billId,
              rs.getBigDecimal(1).toPlainString());
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE bill SET status = 'cancelled' WHERE id = ?")) {
      ps.setLong(1, billId);
      ps.executeUpdate();
    }
  }

  private static void undoPayment(Connection c, long paymentId, long room, Instant now)
      throws SQLException {
    BigDecimal prepayment = Payments.lockAccount(c, room, null);
    BigDecimal toPrepayment;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT to_prepayment FROM payment WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, paymentId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        toPrepayment = rs.getBigDecimal(1);
      }
    }
    if (toPrepayment.compareTo(prepayment) > 0) {
      throw TEXTS.problem(
          409,
          "prepayment-already-used",
          "reversal.prepayment-used",
          toPrepayment.toPlainString(),
          prepayment.toPlainString());
    }
    takeBackAllocations(c, "payment_id = ?", paymentId, now);
    if (toPrepayment.signum() > 0) {
      Payments.setPrepayment(c, room, prepayment.subtract(toPrepayment), now);
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE payment SET status = 'reversed' WHERE id = ?")) {
      ps.setLong(1, paymentId);
      ps.executeUpdate();
    }
  }

  private static void undoPrepaymentUse(Connection c, UUID txId, long room, Instant now)
      throws SQLException {
    BigDecimal prepayment = Payments.lockAccount(c, room, null);
    BigDecimal amount = takeBackAllocations(c, "tx_id = ?", txId, now);
    Payments.setPrepayment(c, room, prepayment.add(amount), now);
  }

  private static void undoRefund(Connection c, long refundId, long room, Instant now)
      throws SQLException {
    BigDecimal prepayment = Payments.lockAccount(c, room, null);
    BigDecimal amount;
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE refund SET status = 'reversed' WHERE id = ? RETURNING amount")) {
      ps.setLong(1, refundId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        amount = rs.getBigDecimal(1);
      }
    }
    Payments.setPrepayment(c, room, prepayment.add(amount), now);
  }

  /** Takes the matching, not yet reversed allocations back from their bills; returns their sum. */
  private static BigDecimal takeBackAllocations(Connection c, String where, Object key, Instant now)
      throws SQLException {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    List<long[]> bills = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE allocation SET reversed_at = ? WHERE "
                + where
                + " AND reversed_at IS NULL RETURNING bill_id, amount")) {
      ps.setTimestamp(1, Timestamp.from(now));
      ps.setObject(2, key);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          bills.add(new long[] {rs.getLong(1)});
          amounts.add(rs.getBigDecimal(2));
        }
      }
    }
    for (int i = 0; i < bills.size(); i++) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM bill WHERE id = ? FOR UPDATE")) {
        ps.setLong(1, bills.get(i)[0]);
        ps.executeQuery().close();
      }
      Payments.applyToBill(c, bills.get(i)[0], amounts.get(i).negate());
      sum = sum.add(amounts.get(i));
    }
    return sum;
  }
}
