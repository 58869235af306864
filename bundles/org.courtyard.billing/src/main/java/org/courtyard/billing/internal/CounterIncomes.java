package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.billing.IncomeOrder;
import org.courtyard.billing.IncomeReceipt;
import org.courtyard.billing.internal.calc.Posting;
import org.courtyard.billing.internal.dto.IncomeView;

/**
 * Income other modules take for no room ({@link org.courtyard.billing.CounterIncome}): one row per
 * (source, reference), unique in the database, written in one transaction with its ledger
 * transaction (kind {@code income}: the cash or bank account debited, the fee item's income account
 * credited). Its receipt is {@code I<id>}. A scoped staff member sees the income of the estates
 * they are granted; income of no estate is the whole company's.
 */
final class CounterIncomes {

  private static final Texts TEXTS = Texts.of(CounterIncomes.class);

  private static final String COLUMNS =
      "i.id, i.source, i.reference, i.estate_id, i.fee_code, i.amount, i.method, i.payer,"
          + " i.period, i.tx_id, i.created_at,"
          + " EXISTS (SELECT 1 FROM ledger_tx r WHERE r.reverses_tx = i.tx_id) AS reversed";

  private final Jdbc jdbc;
  private final Catalog catalog;
  private final Clock clock;

  CounterIncomes(Jdbc jdbc, Catalog catalog, Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
  }

  IncomeReceipt record(IncomeOrder order) {
    if (order == null) {
      throw Errors.missingBody();
    }
    FieldErrors errors = new FieldErrors();
    ExternalCharges.text(errors, "source", order.source(), 32);
    ExternalCharges.text(errors, "reference", order.reference(), 100);
    ExternalCharges.text(errors, "feeName", order.feeName(), 100);
    if (order.feeCode() == null || !order.feeCode().matches("[A-Za-z0-9._-]{1,32}")) {
      errors.add("feeCode", TEXTS.text("external.fee-code"));
    }
    BigDecimal amount = order.amount();
    if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
      errors.add("amount", TEXTS.text("external.amount"));
    } else if (amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
      errors.add("amount", TEXTS.text("external.amount"));
    }
    if (order.method() == null || !Payments.PAYMENT_METHODS.contains(order.method())) {
      errors.add("method", TEXTS.text("income.method"));
    }
    if (order.payer() != null && order.payer().length() > 100) {
      errors.add("payer", TEXTS.text("external.text", 100));
    }
    errors.throwIfAny();
    BigDecimal money = amount.setScale(2);
    Catalog.Settings settings = catalog.settings();
    String period = Periods.current(clock, settings.zone()).toString();
    return jdbc.transaction(
        c -> {
          Optional<IncomeReceipt> earlier = find(c, order.source(), order.reference(), false);
          if (earlier.isEmpty()) {
            Instant now = clock.instant();
            String feeCode =
                ExternalCharges.feeItem(
                        c,
                        order.feeCode(),
                        order.feeName(),
                        LocalDate.ofInstant(now, settings.zone()))
                    .code();
            UUID txId = TxIds.next();
            try (PreparedStatement ps =
                c.prepareStatement(
                    "INSERT INTO counter_income (source, reference, estate_id, fee_code, amount,"
                        + " method, payer, period, tx_id, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (source, reference) DO NOTHING")) {
              ps.setString(1, order.source());
              ps.setString(2, order.reference());
              Jdbc.setLong(ps, 3, order.estateId());
              ps.setString(4, feeCode);
              ps.setBigDecimal(5, money);
              ps.setString(6, order.method());
              ps.setString(7, order.payer() == null ? null : order.payer().strip());
              ps.setString(8, period);
              ps.setObject(9, txId);
              ps.setTimestamp(10, Timestamp.from(now));
              if (ps.executeUpdate() == 1) {
                Ledger.post(
                    c,
                    List.of(
                        new Ledger.Tx(
                            txId,
                            "income",
                            null,
                            null,
                            null,
                            null,
                            period,
                            null,
                            List.of(
                                Posting.debit(Ledger.moneyAccount(order.method()), money),
                                Posting.credit(Ledger.income(feeCode), money)))),
                    now);
                return find(c, order.source(), order.reference(), true).orElseThrow();
              }
            }
            // another request with this reference committed first: answer what it recorded
            earlier = find(c, order.source(), order.reference(), false);
          }
          IncomeReceipt found = earlier.orElseThrow();
          if (found.amount().compareTo(money) != 0 || !found.method().equals(order.method())) {
            throw TEXTS.problem(
                409,
                "income-differs",
                "income.differs",
                order.reference(),
                found.amount().toPlainString(),
                found.method());
          }
          return found;
        });
  }

  Optional<IncomeReceipt> find(String source, String reference) {
    return jdbc.read(c -> find(c, source, reference, false));
  }

  /** One income in the caller's scope; 404 {@code not-found} otherwise. */
  IncomeView get(long id, DataScope scope) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM counter_income i WHERE i.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                IncomeView v = view(rs);
                if (scope.isAll() || (v.estateId() != null && scope.covers(v.estateId(), null))) {
                  return v;
                }
              }
            }
          }
          throw Problems.notFound(TEXTS.text("label.income"), id);
        });
  }

  /**
   * The incomes in the caller's scope, newest first: the whole company's from the primary key, a
   * scope's from each estate's index (a scope's building grants see no income: it is an estate's).
   */
  Page<IncomeView> list(DataScope scope, String source, long after, int limit) {
    long before = after == 0 ? Long.MAX_VALUE : after;
    return jdbc.read(
        c -> {
          StringBuilder sql =
              new StringBuilder("SELECT ")
                  .append(COLUMNS)
                  .append(" FROM counter_income i WHERE i.id < ?");
          if (source != null) {
            sql.append(" AND i.source = ?");
          }
          if (!scope.isAll()) {
            sql.append(" AND i.estate_id = ANY (?)");
          }
          sql.append(" ORDER BY i.id DESC LIMIT ?");
          List<IncomeView> rows = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, before);
            if (source != null) {
              ps.setString(i++, source);
            }
            if (!scope.isAll()) {
              ps.setArray(i++, c.createArrayOf("bigint", scope.estateArray()));
            }
            ps.setInt(i, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(view(rs));
              }
            }
          }
          return Page.byId(rows, limit, IncomeView::id);
        });
  }

  private IncomeView view(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    return new IncomeView(
        id,
        receiptNo(id),
        rs.getString("source"),
        rs.getString("reference"),
        Jdbc.getLong(rs, "estate_id"),
        rs.getString("fee_code"),
        rs.getBigDecimal("amount"),
        rs.getString("method"),
        rs.getString("payer"),
        rs.getString("period"),
        rs.getBoolean("reversed") ? "reversed" : "posted",
        catalog.settings().currency(),
        (UUID) rs.getObject("tx_id"),
        rs.getTimestamp("created_at").toInstant());
  }

  /** The name of the fee item of {@code code}, for a receipt; null when it has none. */
  String feeName(String code) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT name FROM fee_item WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? rs.getString(1) : null;
            }
          }
        });
  }

  static String receiptNo(long id) {
    return "I" + id;
  }

  private static Optional<IncomeReceipt> find(
      Connection c, String source, String reference, boolean created) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, amount, method, fee_code, period, created_at FROM counter_income"
                + " WHERE source = ? AND reference = ?")) {
      ps.setString(1, source);
      ps.setString(2, reference);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long id = rs.getLong(1);
        return Optional.of(
            new IncomeReceipt(
                id,
                receiptNo(id),
                rs.getBigDecimal(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                created));
      }
    }
  }
}
