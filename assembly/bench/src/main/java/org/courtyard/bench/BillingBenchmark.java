package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The billing benchmark: starts the real distribution with the launcher on a database of its own,
 * onboards a tenant with {@code estate} and {@code billing}, imports N rooms through the estate CSV
 * import (20,000 per building, the import's limit) and creates three fee items: an area fee and a
 * fixed fee for every room and a parking fee for the parking spaces (every fifth room), so a bill
 * has two or three lines. Then it measures
 *
 * <ul>
 *   <li>the billing run of last month: bills per second from the {@code POST /runs} until the run
 *       is seen completed;
 *   <li>a baseline in the same database: the same number of bill rows and line rows, of the same
 *       shape, inserted with plain JDBC batches of 500 bills, one transaction per batch, into
 *       copies of {@code bill} and {@code bill_line} with the same keys, indexes and checks ({@code
 *       LIKE … INCLUDING ALL}; foreign keys and triggers are not copied), and the ratio run /
 *       baseline (target ≥ 0.5). The same inserts into bare copies (no keys, indexes or checks) are
 *       measured too and shown beside it, as the ceiling of the storage alone;
 *   <li>posting the same period again, which finds every bill present and creates none.
 * </ul>
 *
 * The database is created on the PostgreSQL of {@code COURTYARD_DB_URL} (with {@code
 * COURTYARD_DB_USER} and {@code COURTYARD_DB_PASSWORD}) or else on 127.0.0.1:5432 as user {@code
 * postgres}, and dropped at the end unless {@code --keep-db} is given. The launcher's embedded
 * PostgreSQL is not used, because the baseline needs to reach the same database.
 *
 * <p>Usage: {@code ./courtyard bench billing [--rooms 100000] [--keep-db]}
 */
public final class BillingBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SLUG = "bench_billing";
  private static final String SCHEMA = "t_" + SLUG;

  /** The estate import takes at most this many rooms per file: one building each. */
  private static final int ROOMS_PER_BUILDING = 20_000;

  /** 40 floors of 5 rooms; the fifth room of each floor is a parking space. */
  private static final int ROOMS_PER_UNIT = 200;

  private static final int BATCH = 500;
  private static final BigDecimal AREA_PRICE = new BigDecimal("2.50");
  private static final BigDecimal SERVICE_FEE = new BigDecimal("20.00");
  private static final BigDecimal PARKING_FEE = new BigDecimal("150.00");
  private static final int GRACE_DAYS = 15;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String base;
  private String operatorAuth;
  private String tenantAuth;

  public static void main(String[] args) throws Exception {
    int rooms = BenchSupport.intArg(args, "--rooms", 100_000);
    boolean keepDb = List.of(args).contains("--keep-db");
    String distribution = BenchSupport.stringArg(args, "--karaf", null);
    if (distribution == null || rooms < 1) {
      System.err.println(
          "usage: BillingBenchmark --karaf <unpacked distribution> [--rooms N] [--keep-db]");
      System.exit(2);
    }
    try {
      new BillingBenchmark().run(Paths.get(distribution), rooms, keepDb);
    } catch (IllegalStateException e) {
      System.err.println("billing benchmark: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run(Path karaf, int rooms, boolean keepDb) throws Exception {
    BenchSupport.Database db = BenchSupport.Database.create("billing");
    Path home = Files.createTempDirectory("courtyard-bench");
    int port = BenchSupport.freePort();
    Process courtyard = null;
    try {
      System.out.println("Launcher log: " + home.resolve("launcher.log"));
      courtyard = BenchSupport.start(karaf, home, port, db);
      base = "http://127.0.0.1:" + port + "/api/v1";
      operatorAuth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      ("operator:" + Files.readString(home.resolve("operator-password.txt")).trim())
                          .getBytes(StandardCharsets.UTF_8));
      System.out.printf(
          Locale.ROOT,
          "Courtyard billing benchmark: %,d rooms, %d cores%n",
          rooms,
          Runtime.getRuntime().availableProcessors());
      System.out.println("Database: " + db.url.replaceAll("\\?.*", ""));
      measure(db, rooms);
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

  private void measure(BenchSupport.Database db, int rooms) throws Exception {
    JsonNode tenant =
        call(
            "POST",
            "/operator/tenants",
            operatorAuth,
            Map.of(
                "slug", SLUG, "name", "Billing benchmark", "modules", List.of("estate", "billing")),
            201);
    tenantAuth = "Bearer " + tenant.path("adminToken").asText();
    ZoneId zone =
        ZoneId.of(
            call("GET", "/billing/settings", tenantAuth, null, 200).path("timeZone").asText());
    YearMonth period = YearMonth.now(zone).minusMonths(1);

    // 1. rooms through the estate CSV import, one building per 20,000
    long importStart = System.nanoTime();
    long estate =
        call(
                "POST",
                "/estate/estates",
                tenantAuth,
                Map.of("code", "BENCH", "name", "Benchmark Estate"),
                201)
            .path("id")
            .asLong();
    int buildings = 0;
    for (int first = 0; first < rooms; first += ROOMS_PER_BUILDING) {
      int count = Math.min(ROOMS_PER_BUILDING, rooms - first);
      buildings++;
      String code = "B" + buildings;
      Map<String, Object> body =
          Map.of("estateId", estate, "code", code, "name", "Building " + code, "floors", 40);
      long building = call("POST", "/estate/buildings", tenantAuth, body, 201).path("id").asLong();
      long start = System.nanoTime();
      HttpResponse<String> imported =
          send(
              HttpRequest.newBuilder(
                      URI.create(base + "/estate/buildings/" + building + "/rooms/import"))
                  .header("Authorization", tenantAuth)
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(csv(first, count))));
      expect(imported, 200, "importing building " + code);
      System.out.printf(
          Locale.ROOT,
          "  imported %,d/%,d rooms (building %s: %,d rooms in %.1f s)%n",
          first + count,
          rooms,
          code,
          count,
          seconds(start));
    }
    double importSeconds = seconds(importStart);

    // 2. three fee items: every room gets the area and the service fee, parking spaces a third
    long areaFee = feeItem("PROP", "Property fee 物业费", "area", AREA_PRICE, null);
    long serviceFee = feeItem("SVC", "Public service fee 公共服务费", "fixed", SERVICE_FEE, null);
    long parkingFee = feeItem("PARK", "Parking fee 车位费", "fixed", PARKING_FEE, "parking");
    long parkingSpaces = 0;
    for (int i = 0; i < rooms; i++) {
      parkingSpaces += isParking(i) ? 1 : 0;
    }
    long lines = 2L * rooms + parkingSpaces;

    // 3. the billing run
    System.out.println("  billing run for " + period);
    long runStart = System.nanoTime();
    JsonNode run = awaitRun(startRun(period), true);
    double runSeconds = seconds(runStart);
    int billsCreated = run.path("billsCreated").asInt();
    double serverSeconds =
        Duration.between(
                    Instant.parse(run.path("startedAt").asText()),
                    Instant.parse(run.path("finishedAt").asText()))
                .toMillis()
            / 1000.0;
    if (billsCreated != rooms) {
      throw new IllegalStateException("the run created " + billsCreated + " bills, not " + rooms);
    }
    try (Connection c = db.connect()) {
      check(c, "SELECT count(*) FROM " + SCHEMA + ".bill WHERE period = ?", period, rooms);
      check(c, "SELECT count(*) FROM " + SCHEMA + ".bill_line", null, lines);
    }
    JsonNode ledger = call("GET", "/billing/ledger/check?period=" + period, tenantAuth, null, 200);
    if (!ledger.path("balanced").asBoolean()) {
      throw new IllegalStateException("the ledger does not balance: " + ledger);
    }
    double billsPerSecond = billsCreated / runSeconds;

    // 4. the baselines: the same rows with plain JDBC batches into copies of the tables
    long[] feeIds = {areaFee, serviceFee, parkingFee};
    long runId = run.path("id").asLong();
    // a warm-up pass first, so that neither measured pass pays for the JIT and cold caches
    baseline(db, Math.min(rooms, 20_000), period, runId, feeIds, false);
    double baselineSeconds = baseline(db, rooms, period, runId, feeIds, true);
    double baselineBillsPerSecond = rooms / baselineSeconds;
    double bareSeconds = baseline(db, rooms, period, runId, feeIds, false);
    double bareBillsPerSecond = rooms / bareSeconds;

    // 5. the same period again: every bill is there
    System.out.println("  billing run for " + period + " again");
    long rerunStart = System.nanoTime();
    JsonNode rerun = awaitRun(startRun(period), false);
    double rerunSeconds = seconds(rerunStart);

    double ratio = billsPerSecond / baselineBillsPerSecond;
    System.out.println();
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| rooms imported (CSV, %,d per building) | %,d in %d buildings, %.1f s"
            + " (%,.0f rooms/s) |%n",
        ROOMS_PER_BUILDING,
        rooms,
        buildings,
        importSeconds,
        rooms / importSeconds);
    System.out.printf(
        Locale.ROOT,
        "| billing run %s, POST → completed | %.1f s (server %.1f s), %,d bills, %,d lines |%n",
        period,
        runSeconds,
        serverSeconds,
        billsCreated,
        lines);
    System.out.printf(
        Locale.ROOT,
        "| billing run throughput | %,.0f bills/s (%,.0f lines/s) |%n",
        billsPerSecond,
        lines / runSeconds);
    System.out.printf(
        Locale.ROOT,
        "| baseline: JDBC batches of %d bills, a transaction each, into copies of bill and"
            + " bill_line (same keys, indexes, checks) | %,.0f bills/s (%,.0f rows/s) |%n",
        BATCH,
        baselineBillsPerSecond,
        (rooms + lines) / baselineSeconds);
    System.out.printf(
        Locale.ROOT,
        "| ratio run / baseline | %.2f (target ≥ 0.50: %s) |%n",
        ratio,
        ratio >= 0.5 ? "met" : "NOT met");
    System.out.printf(
        Locale.ROOT,
        "| the same batches into bare copies (no keys, indexes or checks) | %,.0f bills/s; ratio"
            + " run / bare %.2f |%n",
        bareBillsPerSecond,
        billsPerSecond / bareBillsPerSecond);
    System.out.printf(
        Locale.ROOT,
        "| same period again | %.1f s, %d bills created |%n",
        rerunSeconds,
        rerun.path("billsCreated").asInt());
  }

  /** The CSV of {@code count} rooms, numbered from {@code first} over the whole estate. */
  private static String csv(int first, int count) {
    StringBuilder csv = new StringBuilder(count * 32).append("unit,number,floor,area,type\n");
    for (int i = 0; i < count; i++) {
      int inUnit = i % ROOMS_PER_UNIT;
      csv.append(i / ROOMS_PER_UNIT + 1)
          .append(',')
          .append((inUnit / 5 + 1) * 100 + inUnit % 5 + 1)
          .append(',')
          .append(inUnit / 5 + 1)
          .append(',')
          .append(area(first + i).toPlainString())
          .append(',')
          .append(isParking(first + i) ? "parking" : "residential")
          .append('\n');
    }
    return csv.toString();
  }

  /** Room {@code i} of the estate is the fifth of its floor: a parking space. */
  private static boolean isParking(int i) {
    return i % 5 == 4;
  }

  /** Flats of 60.00 to 149.99 m², parking spaces of 12.50 m². */
  private static BigDecimal area(int i) {
    return isParking(i) ? new BigDecimal("12.50") : BigDecimal.valueOf(6000 + (i * 37L) % 9000, 2);
  }

  private long feeItem(String code, String name, String kind, BigDecimal price, String onlyType)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("name", name);
    body.put("kind", kind);
    body.put("unitPrice", price);
    body.put("appliesToTypes", onlyType == null ? List.of() : List.of(onlyType));
    body.put("effectiveFrom", "2020-01-01");
    return call("POST", "/billing/fee-items", tenantAuth, body, 201).path("id").asLong();
  }

  private long startRun(YearMonth period) throws Exception {
    return call("POST", "/billing/runs", tenantAuth, Map.of("period", period.toString()), 202)
        .path("id")
        .asLong();
  }

  /** Polls the run until it is no longer running; it must complete. */
  private JsonNode awaitRun(long id, boolean progress) throws Exception {
    long start = System.nanoTime();
    long lastPrint = start;
    while (true) {
      JsonNode run = call("GET", "/billing/runs/" + id, tenantAuth, null, 200);
      String status = run.path("status").asText();
      if ("completed".equals(status)) {
        return run;
      }
      if (!"running".equals(status)) {
        throw new IllegalStateException("run " + id + " " + status + ": " + run.path("error"));
      }
      if (progress && System.nanoTime() - lastPrint > 2_000_000_000L) {
        lastPrint = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "    %,d/%,d rooms, %,d bills, %,.0f bills/s%n",
            run.path("roomsDone").asInt(),
            run.path("roomsTotal").asInt(),
            run.path("billsCreated").asInt(),
            run.path("billsCreated").asInt() / seconds(start));
      }
      Thread.sleep(100);
    }
  }

  /**
   * Inserts as many bills as there are rooms, with their lines, into {@code bench_bill} and {@code
   * bench_bill_line}: batches of {@value #BATCH} bills and then their lines, one transaction per
   * batch. The tables are dropped afterwards.
   *
   * @param likeReal copies with the real tables' keys, indexes and checks; else bare heaps
   * @return seconds taken by the inserts
   */
  private static double baseline(
      BenchSupport.Database db,
      int rooms,
      YearMonth period,
      long runId,
      long[] feeIds,
      boolean likeReal)
      throws Exception {
    String including = likeReal ? "INCLUDING ALL" : "INCLUDING DEFAULTS";
    System.out.println(
        "  baseline: plain JDBC batches into "
            + SCHEMA
            + ".bench_bill"
            + (likeReal ? " (the real tables' keys and indexes)" : " (bare)"));
    try (Connection c = db.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE " + SCHEMA + ".bench_bill (LIKE " + SCHEMA + ".bill " + including + ")");
        s.execute(
            "CREATE TABLE "
                + SCHEMA
                + ".bench_bill_line (LIKE "
                + SCHEMA
                + ".bill_line "
                + including
                + ")");
        // an own sequence, so that the copy does not draw ids from the real table's sequence
        s.execute("CREATE SEQUENCE " + SCHEMA + ".bench_bill_id_seq");
        s.execute(
            "ALTER TABLE "
                + SCHEMA
                + ".bench_bill ALTER COLUMN id SET DEFAULT nextval('"
                + SCHEMA
                + ".bench_bill_id_seq')");
      }
      try {
        return insertBaseline(c, rooms, period, runId, feeIds);
      } finally {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
          s.execute(
              "DROP TABLE IF EXISTS " + SCHEMA + ".bench_bill, " + SCHEMA + ".bench_bill_line");
          s.execute("DROP SEQUENCE IF EXISTS " + SCHEMA + ".bench_bill_id_seq");
        }
      }
    }
  }

  private static double insertBaseline(
      Connection c, int rooms, YearMonth period, long runId, long[] feeIds) throws SQLException {
    LocalDate due = period.atEndOfMonth().plusDays(GRACE_DAYS);
    int days = period.lengthOfMonth();
    String[] codes = {"PROP", "SVC", "PARK"};
    String[] names = {"Property fee 物业费", "Public service fee 公共服务费", "Parking fee 车位费"};
    BigDecimal[] prices = {AREA_PRICE, SERVICE_FEE, PARKING_FEE};
    c.setAutoCommit(false);
    long start = System.nanoTime();
    try (PreparedStatement bill =
            c.prepareStatement(
                "INSERT INTO "
                    + SCHEMA
                    + ".bench_bill (room_id, building_id, period, kind, fee_item_id, total,"
                    + " currency, due_date, run_id, tx_id, created_at)"
                    + " VALUES (?, ?, ?, 'periodic', NULL, ?, 'CNY', ?, ?, ?, ?)",
                new String[] {"id"});
        PreparedStatement line =
            c.prepareStatement(
                "INSERT INTO "
                    + SCHEMA
                    + ".bench_bill_line (bill_id, line, fee_item_id, fee_code, fee_name,"
                    + " quantity, unit_price, months, days_effective, days_in_cycle, calculated,"
                    + " amount) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
      for (int from = 0; from < rooms; from += BATCH) {
        int to = Math.min(rooms, from + BATCH);
        Timestamp now = Timestamp.from(Instant.now());
        List<BigDecimal[]> amounts = new ArrayList<>();
        for (int i = from; i < to; i++) {
          BigDecimal areaAmount = area(i).multiply(AREA_PRICE).setScale(2, RoundingMode.HALF_UP);
          BigDecimal[] a =
              isParking(i)
                  ? new BigDecimal[] {areaAmount, SERVICE_FEE, PARKING_FEE}
                  : new BigDecimal[] {areaAmount, SERVICE_FEE};
          amounts.add(a);
          BigDecimal total = BigDecimal.ZERO;
          for (BigDecimal x : a) {
            total = total.add(x);
          }
          bill.setLong(1, i + 1L);
          bill.setLong(2, i / ROOMS_PER_BUILDING + 1L);
          bill.setString(3, period.toString());
          bill.setBigDecimal(4, total);
          bill.setObject(5, due);
          bill.setLong(6, runId);
          bill.setObject(7, UUID.randomUUID());
          bill.setTimestamp(8, now);
          bill.addBatch();
        }
        bill.executeBatch();
        int i = from;
        try (ResultSet keys = bill.getGeneratedKeys()) {
          for (; keys.next(); i++) {
            long billId = keys.getLong(1);
            BigDecimal[] a = amounts.get(i - from);
            for (int f = 0; f < a.length; f++) {
              line.setLong(1, billId);
              line.setInt(2, f + 1);
              line.setLong(3, feeIds[f]);
              line.setString(4, codes[f]);
              line.setString(5, names[f]);
              line.setBigDecimal(6, f == 0 ? area(i) : BigDecimal.ONE);
              line.setBigDecimal(7, prices[f]);
              line.setInt(8, days);
              line.setInt(9, days);
              line.setBigDecimal(10, a[f]);
              line.setBigDecimal(11, a[f]);
              line.addBatch();
            }
          }
        }
        if (i != to) {
          throw new IllegalStateException("the batch returned " + (i - from) + " bill ids");
        }
        line.executeBatch();
        c.commit();
      }
    }
    double seconds = seconds(start);
    check(c, "SELECT count(*) FROM " + SCHEMA + ".bench_bill", null, rooms);
    return seconds;
  }

  /** Fails unless the query counts {@code expected}. */
  private static void check(Connection c, String sql, Object parameter, long expected)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (parameter != null) {
        ps.setString(1, parameter.toString());
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) != expected) {
          throw new IllegalStateException(sql + ": " + rs.getLong(1) + ", expected " + expected);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------- HTTP

  private JsonNode call(String method, String path, String auth, Object body, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> r = send(b);
    expect(r, expected, method + " " + path);
    return JSON.readTree(r.body());
  }

  private static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    return client.send(
        b.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
