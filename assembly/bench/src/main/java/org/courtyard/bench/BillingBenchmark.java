package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The billing benchmark: starts the real distribution with the launcher on a database of its own,
 * onboards a tenant with {@code estate} and {@code billing}, N rooms and three fee items (see
 * {@link BillingFixture}), and compares its billing run of last month with the best plain-JDBC
 * writer of the same rows ({@link PlainJdbcBills}):
 *
 * <ul>
 *   <li>the run: bills per second from the {@code POST /runs} until the run is seen completed. It
 *       writes per bill the bill, its lines, a ledger transaction and its entries;
 *   <li>the baseline: exactly those rows, with the same columns and values, written with plain JDBC
 *       batches ({@code INSERT … VALUES}, sent as multi-row inserts) into copies of the four tables
 *       with the same keys, indexes, checks and foreign keys, in batches of the run's size (one
 *       transaction each) on as many connections at once as the run writes batches at once. The
 *       ratio run / baseline has a target of at least 0.5;
 *   <li>the same writer into bare copies (columns and defaults only), shown beside it: the ceiling
 *       of the storage alone;
 *   <li>posting the same period again, which finds every bill present and creates none.
 * </ul>
 *
 * Both sides are warmed up alike before anything is measured: a second tenant with {@code min(N,
 * 20,000)} rooms is billed through the API, and the baseline writes as many bills into copies in
 * that tenant's schema. Each measured pass starts after a {@code CHECKPOINT}, so that none pays for
 * writing out the pages of the one before. The baseline goes first, so its tables are dropped
 * before the run starts.
 *
 * <p>The database is created on the PostgreSQL of {@code COURTYARD_DB_URL} (with {@code
 * COURTYARD_DB_USER} and {@code COURTYARD_DB_PASSWORD}) or else on 127.0.0.1:5432 as user {@code
 * postgres}, and dropped at the end unless {@code --keep-db} is given. The launcher's embedded
 * PostgreSQL is not used, because the baseline needs to reach the same database. The benchmark
 * exits with 1 when a check fails: a run that does not complete, a wrong number of rows on either
 * side, a ledger that does not balance, a second run that creates bills.
 *
 * <p>Usage: {@code ./courtyard bench billing [--rooms 100000] [--writers 2] [--keep-db]}
 */
public final class BillingBenchmark {

  private static final String SLUG = "bench_billing";
  private static final String WARM_UP_SLUG = "bench_warmup";

  /** Rooms per batch and transaction of a run ({@code BillingRuns.BATCH}). */
  private static final int BATCH = 500;

  /** Batches a run writes at once, each on its own connection ({@code BillingRuns.WRITERS}). */
  private static final int WRITERS = 2;

  private static final int WARM_UP_ROOMS = 20_000;

  private BenchHttp http;

  public static void main(String[] args) throws Exception {
    int rooms = BenchSupport.intArg(args, "--rooms", 100_000);
    int writers = BenchSupport.intArg(args, "--writers", WRITERS);
    boolean keepDb = List.of(args).contains("--keep-db");
    String distribution = BenchSupport.stringArg(args, "--karaf", null);
    if (distribution == null || rooms < 1 || writers < 1) {
      System.err.println(
          "usage: BillingBenchmark --karaf <unpacked distribution> [--rooms N] [--writers W]"
              + " [--keep-db]");
      System.exit(2);
    }
    try {
      new BillingBenchmark().run(Paths.get(distribution), rooms, writers, keepDb);
    } catch (IllegalStateException e) {
      System.err.println("billing benchmark: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run(Path karaf, int rooms, int writers, boolean keepDb) throws Exception {
    BenchSupport.Database db = BenchSupport.Database.create("billing");
    Path home = Files.createTempDirectory("courtyard-bench");
    int port = BenchSupport.freePort();
    Process courtyard = null;
    try {
      System.out.println("Launcher log: " + home.resolve("launcher.log"));
      courtyard = BenchSupport.start(karaf, home, port, db);
      http = new BenchHttp(port, home);
      System.out.printf(
          Locale.ROOT,
          "Courtyard billing benchmark: %,d rooms, %d cores%n",
          rooms,
          Runtime.getRuntime().availableProcessors());
      System.out.println("Database: " + db.url.replaceAll("\\?.*", ""));
      measure(db, rooms, writers);
    } finally {
      if (courtyard != null) {
        courtyard.destroy();
        courtyard.waitFor();
      }
      if (keepDb) {
        System.out.println("Database kept: " + db.name);
      } else {
        db.drop();
      }
    }
  }

  private void measure(BenchSupport.Database db, int rooms, int writers) throws Exception {
    // 1. the tenants: the measured one, and one to warm both sides up with
    int warmUpRooms = Math.min(rooms, WARM_UP_ROOMS);
    BillingFixture tenant = BillingFixture.create(http, SLUG, rooms, true);
    BillingFixture warmUp = BillingFixture.create(http, WARM_UP_SLUG, warmUpRooms, false);
    long lines = tenant.lines();

    // 2. the warm-up, alike for both sides: as many bills through the API and through JDBC
    System.out.printf(
        Locale.ROOT, "  warm-up: billing run of %s, %,d rooms%n", WARM_UP_SLUG, warmUpRooms);
    JsonNode warmRun = warmUp.awaitRun(warmUp.startRun(), false);
    checkRun(db, warmUp, warmRun);
    long runIdForBaseline = warmRun.path("id").asLong();
    System.out.printf(
        Locale.ROOT,
        "  warm-up: plain JDBC, %,d bills into copies in %s%n",
        warmUpRooms,
        warmUp.schema);
    PlainJdbcBills.write(db, warmUp, warmUpRooms, runIdForBaseline, true, BATCH, writers);

    // 3. the baseline: the same rows into copies like the real tables
    checkpoint(db);
    System.out.println(
        "  baseline: plain JDBC batches into copies of bill, bill_line, ledger_tx, ledger_entry");
    PlainJdbcBills.Result baseline =
        PlainJdbcBills.write(db, tenant, rooms, runIdForBaseline, true, BATCH, writers);

    // 4. the billing run
    checkpoint(db);
    System.out.println("  billing run for " + tenant.period);
    long runStart = System.nanoTime();
    JsonNode run = tenant.awaitRun(tenant.startRun(), true);
    double runSeconds = BillingFixture.seconds(runStart);
    checkRun(db, tenant, run);
    double serverSeconds = BillingFixture.serverSeconds(run);

    // 5. the storage alone
    checkpoint(db);
    System.out.println("  ceiling: the same batches into bare copies");
    PlainJdbcBills.Result bare =
        PlainJdbcBills.write(db, tenant, rooms, run.path("id").asLong(), false, BATCH, writers);

    // 6. the same period again: every bill is there
    System.out.println("  billing run for " + tenant.period + " again");
    long rerunStart = System.nanoTime();
    JsonNode rerun = tenant.awaitRun(tenant.startRun(), false);
    double rerunSeconds = BillingFixture.seconds(rerunStart);
    if (rerun.path("billsCreated").asInt() != 0) {
      throw new IllegalStateException(
          "the second run created " + rerun.path("billsCreated").asInt() + " bills, not 0");
    }

    long rows = baseline.rows();
    double billsPerSecond = rooms / runSeconds;
    double baselineBillsPerSecond = rooms / baseline.seconds();
    double bareBillsPerSecond = rooms / bare.seconds();
    double ratio = billsPerSecond / baselineBillsPerSecond;
    System.out.println();
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| rooms imported (CSV, %,d per building) | %,d in %d buildings, %.1f s (%,.0f rooms/s) |%n",
        BillingFixture.ROOMS_PER_BUILDING,
        rooms,
        tenant.buildings,
        tenant.importSeconds,
        rooms / tenant.importSeconds);
    System.out.printf(
        Locale.ROOT,
        "| rows per pass (both sides) | %,d bills, %,d lines, %,d ledger transactions, %,d ledger"
            + " entries: %,d rows |%n",
        baseline.bills(),
        baseline.lines(),
        baseline.transactions(),
        baseline.entries(),
        rows);
    System.out.printf(
        Locale.ROOT,
        "| billing run %s, POST → completed | %.1f s (server %.1f s) |%n",
        tenant.period,
        runSeconds,
        serverSeconds);
    System.out.printf(
        Locale.ROOT,
        "| billing run throughput | %,.0f bills/s (%,.0f rows/s) |%n",
        billsPerSecond,
        rows / runSeconds);
    System.out.printf(
        Locale.ROOT,
        "| baseline: the same rows, plain JDBC batches of %d bills (a transaction each, %d"
            + " connections at once) into copies with the same keys, indexes, checks and foreign"
            + " keys | %.1f s: %,.0f bills/s (%,.0f rows/s) |%n",
        BATCH,
        writers,
        baseline.seconds(),
        baselineBillsPerSecond,
        rows / baseline.seconds());
    System.out.printf(
        Locale.ROOT,
        "| ratio run / baseline | **%.2f** (target ≥ 0.50: %s) |%n",
        ratio,
        ratio >= 0.5 ? "met" : "NOT met");
    System.out.printf(
        Locale.ROOT,
        "| the same writer into bare copies (no keys, indexes, checks) | %.1f s: %,.0f bills/s"
            + " (%,.0f rows/s); ratio run / bare %.2f |%n",
        bare.seconds(),
        bareBillsPerSecond,
        rows / bare.seconds(),
        billsPerSecond / bareBillsPerSecond);
    System.out.printf(
        Locale.ROOT,
        "| same period again | %.1f s, %d bills created |%n",
        rerunSeconds,
        rerun.path("billsCreated").asInt());
    if (lines != baseline.lines()) {
      throw new IllegalStateException("line counts differ: " + lines + " / " + baseline.lines());
    }
  }

  /**
   * Checks that a completed run wrote a bill for every room, its lines, a ledger transaction per
   * bill with an entry per line plus the receivable's, and that the ledger balances.
   */
  private static void checkRun(BenchSupport.Database db, BillingFixture tenant, JsonNode run)
      throws Exception {
    int created = run.path("billsCreated").asInt();
    if (created != tenant.rooms) {
      throw new IllegalStateException(
          tenant.slug + ": the run created " + created + " bills, not " + tenant.rooms);
    }
    long lines = tenant.lines();
    String s = tenant.schema;
    try (Connection c = db.connect()) {
      check(c, "SELECT count(*) FROM " + s + ".bill WHERE period = ?", tenant, tenant.rooms);
      check(
          c,
          "SELECT count(*) FROM "
              + s
              + ".bill_line l JOIN "
              + s
              + ".bill b ON b.id = l.bill_id WHERE b.period = ?",
          tenant,
          lines);
      check(
          c,
          "SELECT count(*) FROM " + s + ".ledger_tx WHERE period = ? AND kind = 'bill'",
          tenant,
          tenant.rooms);
      check(
          c,
          "SELECT count(*) FROM " + s + ".ledger_entry WHERE period = ?",
          tenant,
          tenant.rooms + lines);
    }
    tenant.checkLedger();
  }

  /** Fails unless the query, given the tenant's period, counts {@code expected}. */
  private static void check(Connection c, String sql, BillingFixture tenant, long expected)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tenant.period.toString());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) != expected) {
          throw new IllegalStateException(sql + ": " + rs.getLong(1) + ", expected " + expected);
        }
      }
    }
  }

  private static boolean checkpointRefused;

  /**
   * Writes out the dirty pages of the pass before, so that the next one starts alike. Needs a
   * superuser (or {@code pg_checkpoint}); without one the passes run without it, with a note.
   */
  private static void checkpoint(BenchSupport.Database db) throws SQLException {
    if (checkpointRefused) {
      return;
    }
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      checkpointRefused = true;
      System.out.println(
          "  note: CHECKPOINT refused (" + e.getMessage() + "); passes run without one");
    }
  }
}
