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

  /** Writes {@code txs} in two JDBC batches, after checking that each one balances. */
  static void post(Connection c, List<Tx> txs, Instant now) throws SQLException {
    if (txs.isEmpty()) {
      return;
    }
    txs.forEach(tx -> LedgerBalance.check(tx.postings()));
    Timestamp ts = Timestamp.from(now);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ledger_tx (tx_id, kind, room_id, bill_id, payment_id, refund_id, period,"
                + " created_at, reverses_tx) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Tx tx : txs) {
        ps.setObject(1, tx.txId());
        ps.setString(2, tx.kind());
        Jdbc.setLong(ps, 3, tx.roomId());
        Jdbc.setLong(ps, 4, tx.billId());
        Jdbc.setLong(ps, 5, tx.paymentId());
        Jdbc.setLong(ps, 6, tx.refundId());
        ps.setString(7, tx.period());
        ps.setTimestamp(8, ts);
        ps.setObject(9, tx.reversesTx());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ledger_entry (tx_id, account, debit, credit, room_id, bill_id,"
                + " payment_id, period, created_at, reverses_tx)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Tx tx : txs) {
        for (Posting p : tx.postings()) {
          ps.setObject(1, tx.txId());
          ps.setString(2, p.account());
          ps.setBigDecimal(3, p.debit());
          ps.setBigDecimal(4, p.credit());
          Jdbc.setLong(ps, 5, tx.roomId());
          Jdbc.setLong(ps, 6, tx.billId());
          Jdbc.setLong(ps, 7, tx.paymentId());
          ps.setString(8, tx.period());
          ps.setTimestamp(9, ts);
          ps.setObject(10, tx.reversesTx());
          ps.addBatch();
        }
      }
      ps.executeBatch();
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
            "SELECT account, debit, credit FROM ledger_entry WHERE tx_id = ? ORDER BY id")) {
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

  /** Debits and credits per period, and their totals; restricted to one period if given. */
  static LedgerCheck check(Connection c, String period) throws SQLException {
    Map<String, BigDecimal[]> perPeriod = new LinkedHashMap<>();
    String sql =
        "SELECT period, COALESCE(SUM(debit), 0), COALESCE(SUM(credit), 0) FROM ledger_entry"
            + (period == null ? "" : " WHERE period = ?")
            + " GROUP BY period ORDER BY period";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (period != null) {
        ps.setString(1, period);
      }
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
