package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.billing.internal.calc.Aging;
import org.courtyard.billing.internal.calc.LineAmount;
import org.courtyard.billing.internal.calc.Posting;

/**
 * Writes new bills in bulk, inside the caller's transaction: the bills, their lines, their ledger
 * transactions and the use of the rooms' prepayment. Bills that exist already (same room and
 * period, or same room and one-off fee) are skipped by the database ({@code ON CONFLICT DO
 * NOTHING}), and lines and ledger entries are written only for the bills this call created, which
 * is what makes billing runs safe to repeat and to resume. Each kind of row is written by one
 * {@code INSERT … SELECT FROM unnest(…)} of arrays, whatever the number of bills.
 *
 * <p>Bills carry the estate and building of their room, and a room's first bill opens the room's
 * account with the same place, in the bills' own statement: the data scopes of the lists and of the
 * ledger check rest on them.
 */
final class BillWriter {

  static final String PERIODIC = "periodic";
  static final String ONE_OFF = "one_off";
  static final String EXTERNAL = "external";

  /** One fee line of a bill to be. */
  record Line(long feeItemId, String feeCode, String feeName, LineAmount amount) {}

  /**
   * A bill to be, of a room in {@code estateId} and {@code buildingId}: lines in fee item order.
   */
  record NewBill(long roomId, long estateId, long buildingId, List<Line> lines) {
    BigDecimal total() {
      return lines.stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  private BillWriter() {}

  /**
   * @param oneOffFeeItemId the fee item of a one-off charge; null for periodic bills
   * @param runId the billing run writing the bills, or null
   * @return bill id per room, for the bills created by this call only
   */
  static Map<Long, Long> write(
      Connection c,
      YearMonth period,
      Long oneOffFeeItemId,
      Long runId,
      Catalog.Settings settings,
      List<NewBill> bills,
      Instant now)
      throws SQLException {
    String kind = oneOffFeeItemId == null ? PERIODIC : ONE_OFF;
    String conflict =
        oneOffFeeItemId == null
            ? "ON CONFLICT (room_id, period) WHERE kind = 'periodic' DO NOTHING"
            : "ON CONFLICT (room_id, fee_item_id) WHERE kind = 'one_off' DO NOTHING";
    return write(c, period, kind, oneOffFeeItemId, null, runId, settings, bills, now, conflict);
  }

  /**
   * A charge another module asked for ({@link org.courtyard.billing.RoomCharges}): one bill known
   * by {@code source} and {@code reference}, written unless that reference is written already.
   *
   * @return the bill's id when this call created it
   */
  static java.util.Optional<Long> writeExternal(
      Connection c,
      YearMonth period,
      String source,
      String reference,
      Catalog.Settings settings,
      NewBill bill,
      Instant now)
      throws SQLException {
    Map<Long, Long> created =
        write(
            c,
            period,
            EXTERNAL,
            null,
            new String[] {source, reference},
            null,
            settings,
            List.of(bill),
            now,
            "ON CONFLICT (source, reference) WHERE kind = 'external' DO NOTHING");
    return java.util.Optional.ofNullable(created.get(bill.roomId()));
  }

  private static Map<Long, Long> write(
      Connection c,
      YearMonth period,
      String kind,
      Long oneOffFeeItemId,
      String[] origin,
      Long runId,
      Catalog.Settings settings,
      List<NewBill> bills,
      Instant now,
      String conflict)
      throws SQLException {
    if (bills.isEmpty()) {
      return Map.of();
    }
    Map<Long, NewBill> byRoom = new LinkedHashMap<>();
    List<Long> rooms = new ArrayList<>();
    List<Long> estates = new ArrayList<>();
    List<Long> buildings = new ArrayList<>();
    List<BigDecimal> totals = new ArrayList<>();
    List<UUID> txIds = new ArrayList<>();
    for (NewBill b : bills) {
      byRoom.put(b.roomId(), b);
      rooms.add(b.roomId());
      estates.add(b.estateId());
      buildings.add(b.buildingId());
      totals.add(b.total());
      txIds.add(TxIds.next());
    }
    Map<Long, Long> created = new LinkedHashMap<>();
    Map<Long, UUID> txOfBill = new HashMap<>();
    // one statement: the bills, and the accounts of the rooms billed for the first time
    try (PreparedStatement ps =
        c.prepareStatement(
            "WITH u AS (SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bigint[],"
                + " ?::text[]::numeric[], ?::text[]::uuid[])"
                + " AS u(room_id, estate_id, building_id, total, tx_id)),"
                + " b AS (INSERT INTO bill (room_id, estate_id, building_id, period, kind,"
                + " fee_item_id, total, currency, due_date, run_id, tx_id, created_at, source,"
                + " reference)"
                + " SELECT u.room_id, u.estate_id, u.building_id, ?, ?, ?, u.total, ?, ?, ?,"
                + " u.tx_id, ?, ?, ? FROM u "
                + conflict
                + " RETURNING id, room_id, tx_id),"
                + " a AS (INSERT INTO room_account (room_id, estate_id, building_id)"
                + " SELECT u.room_id, u.estate_id, u.building_id FROM b JOIN u USING (room_id)"
                + " ORDER BY u.room_id ON CONFLICT (room_id) DO NOTHING)"
                + " SELECT id, room_id, tx_id FROM b")) {
      ps.setArray(1, Jdbc.bigints(c, rooms));
      ps.setArray(2, Jdbc.bigints(c, estates));
      ps.setArray(3, Jdbc.bigints(c, buildings));
      ps.setArray(4, Jdbc.texts(c, totals));
      ps.setArray(5, Jdbc.texts(c, txIds));
      ps.setString(6, period.toString());
      ps.setString(7, kind);
      Jdbc.setLong(ps, 8, oneOffFeeItemId);
      ps.setString(9, settings.currency());
      ps.setDate(10, Date.valueOf(Aging.dueDate(period, settings.graceDays())));
      Jdbc.setLong(ps, 11, runId);
      ps.setTimestamp(12, Timestamp.from(now));
      ps.setString(13, origin == null ? null : origin[0]);
      ps.setString(14, origin == null ? null : origin[1]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          created.put(rs.getLong(2), rs.getLong(1));
          txOfBill.put(rs.getLong(1), (UUID) rs.getObject(3));
        }
      }
    }
    if (created.isEmpty()) {
      return created;
    }
    writeLines(c, created, byRoom);
    List<Ledger.Tx> txs = new ArrayList<>();
    for (Map.Entry<Long, Long> e : created.entrySet()) {
      NewBill bill = byRoom.get(e.getKey());
      List<Posting> postings = new ArrayList<>();
      postings.add(Posting.debit(Ledger.RECEIVABLE, bill.total()));
      for (Line l : bill.lines()) {
        postings.add(Posting.credit(Ledger.income(l.feeCode()), l.amount().amount()));
      }
      txs.add(
          new Ledger.Tx(
              txOfBill.get(e.getValue()),
              PERIODIC.equals(kind) ? "bill" : "charge",
              e.getKey(),
              e.getValue(),
              null,
              null,
              period.toString(),
              null,
              postings));
    }
    Ledger.post(c, txs, now);
    usePrepayment(c, period, created, byRoom, now);
    return created;
  }

  /** The lines of the created bills, all in one {@code INSERT … SELECT FROM unnest(…)}. */
  private static void writeLines(Connection c, Map<Long, Long> created, Map<Long, NewBill> byRoom)
      throws SQLException {
    List<Long> billIds = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<Long> feeItemIds = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<BigDecimal> quantities = new ArrayList<>();
    List<BigDecimal> unitPrices = new ArrayList<>();
    List<Integer> months = new ArrayList<>();
    List<Integer> daysEffective = new ArrayList<>();
    List<Integer> daysInCycle = new ArrayList<>();
    List<BigDecimal> calculated = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    for (Map.Entry<Long, Long> e : created.entrySet()) {
      int position = 1;
      for (Line l : byRoom.get(e.getKey()).lines()) {
        LineAmount a = l.amount();
        billIds.add(e.getValue());
        positions.add(position++);
        feeItemIds.add(l.feeItemId());
        codes.add(l.feeCode());
        names.add(l.feeName());
        quantities.add(a.quantity());
        unitPrices.add(a.unitPrice());
        months.add(a.months());
        daysEffective.add(a.daysEffective());
        daysInCycle.add(a.daysInCycle());
        calculated.add(a.calculated());
        amounts.add(a.amount());
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO bill_line (bill_id, line, fee_item_id, fee_code, fee_name, quantity,"
                + " unit_price, months, days_effective, days_in_cycle, calculated, amount)"
                + " SELECT u.bill_id, u.line, u.fee_item_id, u.fee_code, u.fee_name, u.quantity,"
                + " u.unit_price, u.months, u.days_effective, u.days_in_cycle, u.calculated,"
                + " u.amount"
                + " FROM unnest(?::bigint[], ?::smallint[], ?::bigint[], ?::text[], ?::text[],"
                + " ?::text[]::numeric[], ?::text[]::numeric[], ?::int[], ?::int[], ?::int[],"
                + " ?::text[]::numeric[], ?::text[]::numeric[]) WITH ORDINALITY"
                + " AS u(bill_id, line, fee_item_id, fee_code, fee_name, quantity, unit_price,"
                + " months, days_effective, days_in_cycle, calculated, amount, ord)"
                + " ORDER BY u.ord")) {
      int i = 1;
      ps.setArray(i++, Jdbc.bigints(c, billIds));
      ps.setArray(i++, Jdbc.ints(c, positions));
      ps.setArray(i++, Jdbc.bigints(c, feeItemIds));
      ps.setArray(i++, Jdbc.texts(c, codes));
      ps.setArray(i++, Jdbc.texts(c, names));
      ps.setArray(i++, Jdbc.texts(c, quantities));
      ps.setArray(i++, Jdbc.texts(c, unitPrices));
      ps.setArray(i++, Jdbc.ints(c, months));
      ps.setArray(i++, Jdbc.ints(c, daysEffective));
      ps.setArray(i++, Jdbc.ints(c, daysInCycle));
      ps.setArray(i++, Jdbc.texts(c, calculated));
      ps.setArray(i++, Jdbc.texts(c, amounts));
      ps.executeUpdate();
    }
  }

  /**
   * Pays the new bills from the rooms' prepayment, as far as it goes: Dr prepayment / Cr
   * receivable. The room_account rows are locked in room order, the order every writer uses.
   */
  private static void usePrepayment(
      Connection c,
      YearMonth period,
      Map<Long, Long> created,
      Map<Long, NewBill> byRoom,
      Instant now)
      throws SQLException {
    Map<Long, BigDecimal> balances = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT room_id, prepayment FROM room_account WHERE room_id = ANY(?) AND prepayment > 0"
                + " ORDER BY room_id FOR UPDATE")) {
      ps.setArray(1, Jdbc.bigints(c, created.keySet()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          balances.put(rs.getLong(1), rs.getBigDecimal(2));
        }
      }
    }
    if (balances.isEmpty()) {
      return;
    }
    List<Ledger.Tx> txs = new ArrayList<>();
    try (PreparedStatement account =
            c.prepareStatement(
                "UPDATE room_account SET prepayment = prepayment - ?, updated_at = ? WHERE room_id = ?");
        PreparedStatement bill =
            c.prepareStatement(
                "UPDATE bill SET paid = paid + ?,"
                    + " status = CASE WHEN paid + ? = total THEN 'paid' ELSE status END WHERE id = ?");
        PreparedStatement allocation =
            c.prepareStatement(
                "INSERT INTO allocation (bill_id, source, amount, tx_id, created_at)"
                    + " VALUES (?, 'prepayment', ?, ?, ?)")) {
      Timestamp ts = Timestamp.from(now);
      for (Map.Entry<Long, BigDecimal> e : balances.entrySet()) {
        long room = e.getKey();
        long billId = created.get(room);
        BigDecimal use = e.getValue().min(byRoom.get(room).total());
        UUID txId = TxIds.next();
        account.setBigDecimal(1, use);
        account.setTimestamp(2, ts);
        account.setLong(3, room);
        account.addBatch();
        bill.setBigDecimal(1, use);
        bill.setBigDecimal(2, use);
        bill.setLong(3, billId);
        bill.addBatch();
        allocation.setLong(1, billId);
        allocation.setBigDecimal(2, use);
        allocation.setObject(3, txId);
        allocation.setTimestamp(4, ts);
        allocation.addBatch();
        txs.add(
            new Ledger.Tx(
                txId,
                "prepayment_use",
                room,
                billId,
                null,
                null,
                period.toString(),
                null,
                List.of(
                    Posting.debit(Ledger.PREPAYMENT, use),
                    Posting.credit(Ledger.RECEIVABLE, use))));
      }
      account.executeBatch();
      bill.executeBatch();
      allocation.executeBatch();
    }
    Ledger.post(c, txs, now);
  }
}
