package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.billing.internal.calc.LedgerBalance;
import org.courtyard.billing.internal.calc.Posting;
import org.courtyard.billing.internal.dto.LedgerCheck;
import org.courtyard.billing.internal.dto.LedgerEntryView;
import org.courtyard.billing.internal.dto.LedgerTxView;

/**
 * Writes double-entry transactions. Every transaction is checked to balance before a row is
 * written; the tables themselves refuse UPDATE and DELETE (trigger), so the ledger only grows.
 */
final class Ledger {

  static final String RECEIVABLE = "receivable";
  static final String PREPAYMENT = "prepayment";
  static final String CASH = "cash";
  static final String BANK = "bank";

  static String income(String feeCode) {
    return "income:" + feeCode;
  }

  /**
   * Cash stays cash; bank transfers and the online channels (WeChat Pay, Alipay) settle to the
   * bank.
   */
  static String moneyAccount(String method) {
    return CASH.equals(method) ? CASH : BANK;
  }

  /** One transaction: its header and its entries. */
  record Tx(
      UUID txId,
      String kind,
      Long roomId,
      Long billId,
      Long paymentId,
      Long refundId,
      String period,
      UUID reversesTx,
      List<Posting> postings) {}

  private Ledger() {}

  /**
   * Writes {@code txs}, after checking that each one balances, in one statement: the headers and
   * the entries, each from {@code unnest(…)} of arrays (a data-modifying CTE for the headers; the
   * entries' foreign key is checked at the end of the statement, when both are in).
   */
  static void post(Connection c, List<Tx> txs, Instant now) throws SQLException {
    if (txs.isEmpty()) {
      return;
    }
    txs.forEach(tx -> LedgerBalance.check(tx.postings()));
    List<UUID> txIds = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<Long> rooms = new ArrayList<>();
    List<Long> bills = new ArrayList<>();
    List<Long> payments = new ArrayList<>();
    List<Long> refunds = new ArrayList<>();
    List<String> periods = new ArrayList<>();
    List<UUID> reverses = new ArrayList<>();
    List<UUID> eTxIds = new ArrayList<>();
    List<Integer> eLines = new ArrayList<>();
    List<String> eAccounts = new ArrayList<>();
    List<BigDecimal> eDebits = new ArrayList<>();
    List<BigDecimal> eCredits = new ArrayList<>();
    List<Long> eRooms = new ArrayList<>();
    List<Long> eBills = new ArrayList<>();
    List<Long> ePayments = new ArrayList<>();
    List<String> ePeriods = new ArrayList<>();
    List<UUID> eReverses = new ArrayList<>();
    for (Tx tx : txs) {
      txIds.add(tx.txId());
      kinds.add(tx.kind());
      rooms.add(tx.roomId());
      bills.add(tx.billId());
      payments.add(tx.paymentId());
      refunds.add(tx.refundId());
      periods.add(tx.period());
      reverses.add(tx.reversesTx());
      int line = 1;
      for (Posting p : tx.postings()) {
        eTxIds.add(tx.txId());
        eLines.add(line++);
        eAccounts.add(p.account());
        eDebits.add(p.debit());
        eCredits.add(p.credit());
        eRooms.add(tx.roomId());
        eBills.add(tx.billId());
        ePayments.add(tx.paymentId());
        ePeriods.add(tx.period());
        eReverses.add(tx.reversesTx());
      }
    }
    Timestamp ts = Timestamp.from(now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH t AS (INSERT INTO ledger_tx (tx_id, kind, room_id, bill_id, payment_id,"
                + " refund_id, period, created_at, reverses_tx)"
                + " SELECT u.tx_id, u.kind, u.room_id, u.bill_id, u.payment_id, u.refund_id,"
                + " u.period, ?, u.reverses_tx"
                + " FROM unnest(?::text[]::uuid[], ?::text[], ?::bigint[], ?::bigint[],"
                + " ?::bigint[], ?::bigint[], ?::text[], ?::text[]::uuid[]) WITH ORDINALITY"
                + " AS u(tx_id, kind, room_id, bill_id, payment_id, refund_id, period,"
                + " reverses_tx, ord) ORDER BY u.ord)"
                + " INSERT INTO ledger_entry (tx_id, line, account, debit, credit, room_id,"
                + " bill_id, payment_id, period, created_at, reverses_tx)"
                + " SELECT e.tx_id, e.line, e.account, e.debit, e.credit, e.room_id, e.bill_id,"
                + " e.payment_id, e.period, ?, e.reverses_tx"
                + " FROM unnest(?::text[]::uuid[], ?::smallint[], ?::text[],"
                + " ?::text[]::numeric[], ?::text[]::numeric[], ?::bigint[], ?::bigint[],"
                + " ?::bigint[], ?::text[], ?::text[]::uuid[]) WITH ORDINALITY"
                + " AS e(tx_id, line, account, debit, credit, room_id, bill_id, payment_id,"
                + " period, reverses_tx, ord) ORDER BY e.ord")) {
      int i = 1;
      ps.setTimestamp(i++, ts);
      ps.setArray(i++, Jdbc.texts(c, txIds));
      ps.setArray(i++, Jdbc.texts(c, kinds));
      ps.setArray(i++, Jdbc.bigints(c, rooms));
      ps.setArray(i++, Jdbc.bigints(c, bills));
      ps.setArray(i++, Jdbc.bigints(c, payments));
      ps.setArray(i++, Jdbc.bigints(c, refunds));
      ps.setArray(i++, Jdbc.texts(c, periods));
      ps.setArray(i++, Jdbc.texts(c, reverses));
      ps.setTimestamp(i++, ts);
      ps.setArray(i++, Jdbc.texts(c, eTxIds));
      ps.setArray(i++, Jdbc.ints(c, eLines));
      ps.setArray(i++, Jdbc.texts(c, eAccounts));
      ps.setArray(i++, Jdbc.texts(c, eDebits));
      ps.setArray(i++, Jdbc.texts(c, eCredits));
      ps.setArray(i++, Jdbc.bigints(c, eRooms));
      ps.setArray(i++, Jdbc.bigints(c, eBills));
      ps.setArray(i++, Jdbc.bigints(c, ePayments));
      ps.setArray(i++, Jdbc.texts(c, ePeriods));
      ps.setArray(i++, Jdbc.texts(c, eReverses));
      ps.executeUpdate();
    }
  }

  /** A transaction with its entries, or null if there is none with that id. */
  static LedgerTxView find(Connection c, UUID txId) throws SQLException {
    LedgerTxView header = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, room_id, bill_id, payment_id, refund_id, period, reverses_tx, created_at"
                + " FROM ledger_tx WHERE tx_id = ?")) {
      ps.setObject(1, txId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        header =
            new LedgerTxView(
                txId,
                rs.getString(1),
                Jdbc.getLong(rs, "room_id"),
                Jdbc.getLong(rs, "bill_id"),
                Jdbc.getLong(rs, "payment_id"),
                Jdbc.getLong(rs, "refund_id"),
                rs.getString(6),
                (UUID) rs.getObject(7),
                Jdbc.instant(rs.getTimestamp(8)),
                List.of());
      }
    }
    List<LedgerEntryView> entries = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT account, debit, credit FROM ledger_entry WHERE tx_id = ? ORDER BY line")) {
      ps.setObject(1, txId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new LedgerEntryView(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)));
        }
      }
    }
    return new LedgerTxView(
        header.txId(),
        header.kind(),
        header.roomId(),
        header.billId(),
        header.paymentId(),
        header.refundId(),
        header.period(),
        header.reversesTx(),
        header.createdAt(),
        entries);
  }

  /**
   * Whether a transaction of {@code roomId} is in scope, by the place of the room's account (every
   * room with a transaction has one); a room whose place is not known yet is in no narrow scope.
   */
  static boolean inScope(Connection c, Long roomId, DataScope scope) throws SQLException {
    if (scope.isAll()) {
      return true;
    }
    if (roomId == null) {
      return false;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM room_account WHERE room_id = ?" + Scopes.and(scope, ""))) {
      ps.setLong(1, roomId);
      Scopes.bind(c, ps, 2, scope);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Debits and credits per period, and their totals; restricted to one period if given, and to the
   * entries of the rooms whose accounts are in scope. A transaction belongs to one room and
   * balances, so the entries of a scope balance as the whole ledger does.
   */
  static LedgerCheck check(Connection c, String period, DataScope scope) throws SQLException {
    Map<String, BigDecimal[]> perPeriod = new LinkedHashMap<>();
    String sql =
        "SELECT e.period, COALESCE(SUM(e.debit), 0), COALESCE(SUM(e.credit), 0) FROM ledger_entry e"
            + (scope.isAll() ? "" : " JOIN room_account a ON a.room_id = e.room_id")
            + " WHERE TRUE"
            + (period == null ? "" : " AND e.period = ?")
            + Scopes.and(scope, "a.")
            + " GROUP BY e.period ORDER BY e.period";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (period != null) {
        ps.setString(i++, period);
      }
      Scopes.bind(c, ps, i, scope);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          perPeriod.put(
              rs.getString(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
        }
      }
    }
    BigDecimal debits = BigDecimal.ZERO.setScale(2);
    BigDecimal credits = BigDecimal.ZERO.setScale(2);
    List<LedgerCheck.PeriodBalance> periods = new ArrayList<>();
    for (Map.Entry<String, BigDecimal[]> e : perPeriod.entrySet()) {
      BigDecimal d = e.getValue()[0];
      BigDecimal cr = e.getValue()[1];
      periods.add(new LedgerCheck.PeriodBalance(e.getKey(), d, cr, d.compareTo(cr) == 0));
      debits = debits.add(d);
      credits = credits.add(cr);
    }
    return new LedgerCheck(period, debits, credits, debits.compareTo(credits) == 0, periods);
  }
}
