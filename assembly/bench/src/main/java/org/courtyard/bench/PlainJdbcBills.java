package org.courtyard.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of the billing benchmark: the best plain-JDBC writer of the rows a billing run
 * writes, for the same rooms. Per bill that is the bill, its two or three lines, its ledger
 * transaction and its ledger entries (the receivable debited with the total, each fee's income
 * credited with its line's amount), with the same columns and values. The rows go into copies of
 * {@code bill}, {@code bill_line}, {@code ledger_tx} and {@code ledger_entry} in the tenant's
 * schema, in batches of the run's size, one transaction per batch, on as many connections at once
 * as the run writes batches at once.
 *
 * <p>Unlike the run, which writes each kind of row with one {@code INSERT … SELECT FROM unnest(…)}
 * and needs {@code RETURNING} to learn its bill ids, this writer uses plain {@code INSERT … VALUES}
 * batches, which pgjdbc sends as multi-row inserts ({@code reWriteBatchedInserts=true}): it takes
 * each batch's bill ids from a sequence in one call (a block of ids, like a hi/lo generator), so no
 * statement needs {@code RETURNING}. It does not read the rooms, price them, look for prepayments
 * or update a run's progress: it only writes.
 *
 * <p>Copies "like the real tables" have the same columns, defaults, checks, primary keys, unique
 * and other indexes, and the same foreign keys, pointed at the copies where they point at one of
 * the four tables (a line's bill, a transaction's bill, an entry's transaction). Bare copies have
 * the columns and defaults only: the ceiling of the storage itself.
 */
final class PlainJdbcBills {

  private static final List<String> TABLES =
      List.of("bill", "bill_line", "ledger_tx", "ledger_entry");
  private static final Pattern REFERENCES =
      Pattern.compile("REFERENCES (?:[a-z_0-9]+\\.)?(bill|bill_line|ledger_tx|ledger_entry)\\(");

  private PlainJdbcBills() {}

  /** What one pass wrote. */
  record Result(double seconds, long bills, long lines, long transactions, long entries) {
    long rows() {
      return bills + lines + transactions + entries;
    }
  }

  /**
   * Creates the copies in the fixture's schema, writes a bill for each of the fixture's first
   * {@code rooms} rooms with {@code writers} connections at once, checks the row counts and drops
   * the copies again.
   *
   * @param runId written into the bills' run_id, like a run's
   * @param likeReal copies with the real tables' keys, indexes, checks and foreign keys; else bare
   * @param batch bills per batch (and transaction)
   */
  static Result write(
      BenchSupport.Database db,
      BillingFixture fixture,
      int rooms,
      long runId,
      boolean likeReal,
      int batch,
      int writers)
      throws Exception {
    String schema = fixture.schema;
    try (Connection admin = db.connect()) {
      useSchema(admin, schema);
      createCopies(admin, likeReal, batch);
      try {
        Result result = writeAll(db, fixture, rooms, runId, batch, writers);
        long lines = BillingFixture.lines(rooms);
        check(admin, "bench_bill", rooms);
        check(admin, "bench_bill_line", lines);
        check(admin, "bench_ledger_tx", rooms);
        check(admin, "bench_ledger_entry", rooms + lines);
        return result;
      } finally {
        try (Statement s = admin.createStatement()) {
          s.execute(
              "DROP TABLE IF EXISTS bench_ledger_entry, bench_ledger_tx, bench_bill_line,"
                  + " bench_bill");
          s.execute("DROP SEQUENCE IF EXISTS bench_bill_id_seq");
        }
      }
    }
  }

  private static void useSchema(Connection c, String schema) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET search_path = " + schema);
    }
  }

  private static void createCopies(Connection c, boolean likeReal, int batch) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.execute(
            "CREATE TABLE bench_"
                + table
                + " (LIKE "
                + table
                + (likeReal ? " INCLUDING ALL)" : " INCLUDING DEFAULTS)"));
      }
      // ids come in blocks of a batch from a sequence of the copy's own
      s.execute("ALTER TABLE bench_bill ALTER COLUMN id DROP DEFAULT");
      s.execute("CREATE SEQUENCE bench_bill_id_seq INCREMENT BY " + batch);
      if (!likeReal) {
        return;
      }
      List<String[]> foreignKeys = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT conrelid::regclass::text, pg_get_constraintdef(oid) FROM pg_constraint"
                  + " WHERE contype = 'f' AND conrelid = ANY (ARRAY['bill', 'bill_line',"
                  + " 'ledger_tx', 'ledger_entry']::regclass[]) ORDER BY conname")) {
        while (rs.next()) {
          foreignKeys.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      for (String[] fk : foreignKeys) {
        String table = fk[0].replaceAll("^.*\\.", "");
        Matcher m = REFERENCES.matcher(fk[1]);
        String definition = m.replaceAll("REFERENCES bench_$1(");
        s.execute("ALTER TABLE bench_" + table + " ADD " + definition);
      }
      // The copies have no triggers: fail rather than compare with tables whose inserts run one.
      try (ResultSet rs =
          s.executeQuery(
              "SELECT tgrelid::regclass::text || '.' || tgname FROM pg_trigger"
                  + " WHERE NOT tgisinternal AND (tgtype & 4) <> 0 AND tgrelid = ANY"
                  + " (ARRAY['bill', 'bill_line', 'ledger_tx', 'ledger_entry']::regclass[])")) {
        if (rs.next()) {
          throw new IllegalStateException(
              "the baseline copies no triggers, but "
                  + rs.getString(1)
                  + " runs on every insert: the baseline would not be like for like");
        }
      }
    }
  }

  private static Result writeAll(
      BenchSupport.Database db,
      BillingFixture fixture,
      int rooms,
      long runId,
      int batch,
      int writers)
      throws Exception {
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Writer> ws = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        Connection c = db.connect();
        connections.add(c);
        useSchema(c, fixture.schema);
        c.setAutoCommit(false);
        ws.add(new Writer(c, fixture, runId));
      }
      AtomicInteger next = new AtomicInteger();
      int batches = (rooms + batch - 1) / batch;
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (Writer w : ws) {
        done.add(
            pool.submit(
                () -> {
                  for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    w.write(b * batch, Math.min(rooms, (b + 1) * batch));
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = BillingFixture.seconds(start);
      long lines = BillingFixture.lines(rooms);
      return new Result(seconds, rooms, lines, rooms, rooms + lines);
    } finally {
      pool.shutdownNow();
      for (Connection c : connections) {
        c.close();
      }
    }
  }

  /** One connection's statements; writes whole batches, one transaction each. */
  private static final class Writer {
    private final Connection c;
    private final BillingFixture fixture;
    private final long runId;
    private final LocalDate due;
    private final int days;
    private final PreparedStatement ids;
    private final PreparedStatement bill;
    private final PreparedStatement line;
    private final PreparedStatement tx;
    private final PreparedStatement entry;

    Writer(Connection c, BillingFixture fixture, long runId) throws SQLException {
      this.c = c;
      this.fixture = fixture;
      this.runId = runId;
      this.due = fixture.period.atEndOfMonth().plusDays(fixture.graceDays);
      this.days = fixture.period.lengthOfMonth();
      this.ids = c.prepareStatement("SELECT nextval('bench_bill_id_seq')");
      this.bill =
          c.prepareStatement(
              "INSERT INTO bench_bill (id, room_id, building_id, period, kind, fee_item_id, total,"
                  + " currency, due_date, run_id, tx_id, created_at)"
                  + " VALUES (?, ?, ?, ?, 'periodic', NULL, ?, ?, ?, ?, ?, ?)");
      this.line =
          c.prepareStatement(
              "INSERT INTO bench_bill_line (bill_id, line, fee_item_id, fee_code, fee_name,"
                  + " quantity, unit_price, months, days_effective, days_in_cycle, calculated,"
                  + " amount) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)");
      this.tx =
          c.prepareStatement(
              "INSERT INTO bench_ledger_tx (tx_id, kind, room_id, bill_id, payment_id, refund_id,"
                  + " period, created_at, reverses_tx)"
                  + " VALUES (?, 'bill', ?, ?, NULL, NULL, ?, ?, NULL)");
      this.entry =
          c.prepareStatement(
              "INSERT INTO bench_ledger_entry (tx_id, line, account, debit, credit, room_id,"
                  + " bill_id, payment_id, period, created_at, reverses_tx)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL)");
    }

    /** Bills rooms {@code from} (inclusive) to {@code to} (exclusive) of the estate. */
    void write(int from, int to) throws SQLException {
      long firstId;
      try (ResultSet rs = ids.executeQuery()) {
        rs.next();
        firstId = rs.getLong(1);
      }
      Timestamp now = Timestamp.from(Instant.now());
      String period = fixture.period.toString();
      BigDecimal zero = BigDecimal.ZERO.setScale(2);
      for (int i = from; i < to; i++) {
        long billId = firstId + (i - from);
        long roomId = i + 1L;
        BigDecimal[] amounts = BillingFixture.amounts(i);
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal a : amounts) {
          total = total.add(a);
        }
        UUID txId = timeOrderedId();
        bill.setLong(1, billId);
        bill.setLong(2, roomId);
        bill.setLong(3, i / BillingFixture.ROOMS_PER_BUILDING + 1L);
        bill.setString(4, period);
        bill.setBigDecimal(5, total);
        bill.setString(6, fixture.currency);
        bill.setObject(7, due);
        bill.setLong(8, runId);
        bill.setObject(9, txId);
        bill.setTimestamp(10, now);
        bill.addBatch();

        tx.setObject(1, txId);
        tx.setLong(2, roomId);
        tx.setLong(3, billId);
        tx.setString(4, period);
        tx.setTimestamp(5, now);
        tx.addBatch();

        entry(txId, 1, "receivable", total, zero, roomId, billId, period, now);
        for (int f = 0; f < amounts.length; f++) {
          line.setLong(1, billId);
          line.setInt(2, f + 1);
          line.setLong(3, fixture.feeIds[f]);
          line.setString(4, BillingFixture.FEE_CODES[f]);
          line.setString(5, BillingFixture.FEE_NAMES[f]);
          line.setBigDecimal(6, f == 0 ? BillingFixture.area(i) : BigDecimal.ONE);
          line.setBigDecimal(7, BillingFixture.FEE_PRICES[f]);
          line.setInt(8, days);
          line.setInt(9, days);
          line.setBigDecimal(10, amounts[f]);
          line.setBigDecimal(11, amounts[f]);
          line.addBatch();
          entry(
              txId,
              f + 2,
              "income:" + BillingFixture.FEE_CODES[f],
              zero,
              amounts[f],
              roomId,
              billId,
              period,
              now);
        }
      }
      // parents before children: the foreign keys are checked row by row
      bill.executeBatch();
      line.executeBatch();
      tx.executeBatch();
      entry.executeBatch();
      c.commit();
    }

    private void entry(
        UUID txId,
        int position,
        String account,
        BigDecimal debit,
        BigDecimal credit,
        long roomId,
        long billId,
        String period,
        Timestamp now)
        throws SQLException {
      entry.setObject(1, txId);
      entry.setInt(2, position);
      entry.setString(3, account);
      entry.setBigDecimal(4, debit);
      entry.setBigDecimal(5, credit);
      entry.setLong(6, roomId);
      entry.setLong(7, billId);
      entry.setString(8, period);
      entry.setTimestamp(9, now);
      entry.addBatch();
    }
  }

  /**
   * Transaction ids laid out like the billing module's (UUID version 7: milliseconds first), so
   * that both sides grow the uuid indexes at their right edge.
   */
  private static UUID timeOrderedId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (System.currentTimeMillis() << 16) | 0x7000L | random.nextInt(1 << 12);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low);
  }

  private static void check(Connection c, String table, long expected) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      if (rs.getLong(1) != expected) {
        throw new IllegalStateException(
            "the baseline wrote " + rs.getLong(1) + " rows into " + table + ", not " + expected);
      }
    }
  }
}
