package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether the property console's grid of bills scrolls through 100,000 of them without loading them
 * all (#12): the grid reads {@code GET /billing/bills?limit=50} a page at a time and follows {@code
 * nextCursor}, so a page must cost the same whether it is the first or the two-thousandth. On the
 * real distribution started by its launcher, over the Today benchmark's company ({@link
 * BillingFixture}: 10,000 rooms billed for each of the last 12 months, 120,000 bills), for the
 * owner and for a cashier granted the one estate (the narrow scope's query), it measures the first
 * page asked again and again, then a walk of N pages (2,000 by default: 100,000 bills) as a
 * scrolling grid makes it, page after page.
 *
 * <p>The baseline is what a competent engineer would write without the platform: the same keyset
 * query by JDBC straight against the tenant's PostgreSQL schema ({@code id > ? ORDER BY id LIMIT
 * 51}, {@code estate_id = ?} added for the cashier), with the page's bill lines, the same columns
 * read into memory, on one connection with prepared statements. Every page's ids are compared with
 * the API's, so both read the same rows; both get the same untimed warm-up walk first. The API's
 * figure includes what the baseline has not: HTTP, the access token and permission check, the
 * scope, JSON both ways.
 *
 * <p>Target: the late pages' p50 (the walk's last 100) at most twice the early pages' (its first
 * 100), for both callers; exits 1 when it is not, or when a check fails.
 *
 * <p>Usage: {@code ./courtyard bench bills [--rooms 10000] [--months 12] [--pages 2000] [--first
 * 200] [--keep-db]}
 */
public final class BillsBenchmark {

  private static final String SLUG = "bench_bills";
  private static final String PASSWORD = "Bench-bills-2026";
  private static final int PAGE = 50;
  private static final int EDGE = 100;
  private static final double TARGET_LATE_OVER_EARLY = 2.0;

  private static final String COLUMNS =
      "id, room_id, building_id, period, kind, total, paid, currency, status, due_date, tx_id,"
          + " created_at";

  private BenchHttp http;

  public static void main(String[] args) throws Exception {
    int rooms = BenchSupport.intArg(args, "--rooms", 10_000);
    int months = BenchSupport.intArg(args, "--months", 12);
    int pages = BenchSupport.intArg(args, "--pages", 2_000);
    int first = BenchSupport.intArg(args, "--first", 200);
    boolean keepDb = List.of(args).contains("--keep-db");
    String distribution = BenchSupport.stringArg(args, "--karaf", null);
    if (distribution == null
        || rooms < 1
        || months < 1
        || first < 1
        || pages < 2 * EDGE
        || (long) rooms * months < (long) pages * PAGE) {
      System.err.println(
          "usage: BillsBenchmark --karaf <unpacked distribution> [--rooms N] [--months M]"
              + " [--pages P, at least "
              + 2 * EDGE
              + " and at most N*M/"
              + PAGE
              + "] [--first F] [--keep-db]");
      System.exit(2);
    }
    boolean met;
    try {
      met = new BillsBenchmark().run(Paths.get(distribution), rooms, months, pages, first, keepDb);
    } catch (IllegalStateException e) {
      System.err.println("bills benchmark: " + e.getMessage());
      met = false;
    }
    System.exit(met ? 0 : 1);
  }

  private boolean run(Path karaf, int rooms, int months, int pages, int first, boolean keepDb)
      throws Exception {
    BenchSupport.Database db = BenchSupport.Database.create("bills");
    Path home = Files.createTempDirectory("courtyard-bench");
    int port = BenchSupport.freePort();
    Process courtyard = null;
    try {
      courtyard = BenchSupport.start(karaf, home, port, db);
      http = new BenchHttp(port, home);
      System.out.printf(
          Locale.ROOT,
          "Courtyard bills benchmark: %,d rooms, %d months of bills, a walk of %,d pages of %d,"
              + " the first page %d times, %d cores%n",
          rooms,
          months,
          pages,
          PAGE,
          first,
          Runtime.getRuntime().availableProcessors());
      BillingFixture tenant = BillingFixture.create(http, SLUG, rooms, true);
      tenant.billMonths(tenant.period.plusMonths(1), months);
      String cashier = tenant.staff("cashier", "cashier", PASSWORD);

      try (Connection c = db.connect()) {
        long estate = estateOf(c, tenant.schema);
        long bills = count(c, tenant.schema);
        if (bills != (long) rooms * months) {
          throw new IllegalStateException(
              "expected " + (long) rooms * months + " bills, the tenant has " + bills);
        }
        Api ownerApi = new Api(tenant.auth);
        Api cashierApi = new Api(cashier);
        Sql ownerSql = new Sql(c, tenant.schema, null);
        Sql cashierSql = new Sql(c, tenant.schema, estate);

        // warm up all four alike: one untimed walk each, checked against the other side
        System.out.println("  warming up: one walk of each");
        checkSame("owner", walk(ownerApi, pages), walk(ownerSql, pages));
        checkSame("cashier", walk(cashierApi, pages), walk(cashierSql, pages));

        System.out.println("  measuring the first page");
        List<Double> ownerFirstApi = firstPage(ownerApi, first);
        List<Double> ownerFirstSql = firstPage(ownerSql, first);
        List<Double> cashierFirstApi = firstPage(cashierApi, first);
        List<Double> cashierFirstSql = firstPage(cashierSql, first);
        System.out.println("  measuring the walks");
        Walk ownerWalkApi = walk(ownerApi, pages);
        Walk ownerWalkSql = walk(ownerSql, pages);
        Walk cashierWalkApi = walk(cashierApi, pages);
        Walk cashierWalkSql = walk(cashierSql, pages);
        checkSame("owner", ownerWalkApi, ownerWalkSql);
        checkSame("cashier", cashierWalkApi, cashierWalkSql);

        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "| GET /billing/bills?limit=%d, ms a page | API p50 | API p99 | JDBC p50 | JDBC p99 |"
                + " API / JDBC p50 | API / JDBC p99 |%n",
            PAGE);
        System.out.println("|---|---|---|---|---|---|---|");
        row("owner: first page, " + first + " times", ownerFirstApi, ownerFirstSql);
        rows("owner", ownerWalkApi, ownerWalkSql, pages);
        row(
            "cashier (one estate): first page, " + first + " times",
            cashierFirstApi,
            cashierFirstSql);
        rows("cashier (one estate)", cashierWalkApi, cashierWalkSql, pages);

        double ownerDrift = drift(ownerWalkApi);
        double cashierDrift = drift(cashierWalkApi);
        System.out.println();
        System.out.printf(
            Locale.ROOT,
            "Whole walk of %,d bills: owner %.1f s by the API, %.1f s by JDBC; cashier %.1f s, %.1f"
                + " s%n",
            (long) pages * PAGE,
            sum(ownerWalkApi.ms) / 1000,
            sum(ownerWalkSql.ms) / 1000,
            sum(cashierWalkApi.ms) / 1000,
            sum(cashierWalkSql.ms) / 1000);
        System.out.printf(
            Locale.ROOT,
            "Late pages (last %d) / early pages (first %d), p50 by the API: owner %.2f, cashier"
                + " %.2f (JDBC: %.2f, %.2f)%n",
            EDGE,
            EDGE,
            ownerDrift,
            cashierDrift,
            drift(ownerWalkSql),
            drift(cashierWalkSql));
        boolean met =
            ownerDrift <= TARGET_LATE_OVER_EARLY && cashierDrift <= TARGET_LATE_OVER_EARLY;
        System.out.printf(
            Locale.ROOT,
            "Target: late / early at most %.1f for both callers: %s%n",
            TARGET_LATE_OVER_EARLY,
            met ? "met" : "NOT met");
        return met;
      }
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

  // ------------------------------------------------------------------------------ the two sides

  /** One side of the comparison: a page of bills after a cursor, and the cursor after it. */
  private interface Source {
    /** The page after {@code cursor} (null: the first); fills {@code ids}, returns the next. */
    String page(String cursor, List<Long> ids) throws Exception;
  }

  /** The API, as the console calls it. */
  private final class Api implements Source {
    private final String auth;

    Api(String auth) {
      this.auth = auth;
    }

    @Override
    public String page(String cursor, List<Long> ids) throws Exception {
      JsonNode page =
          http.call(
              "GET",
              "/billing/bills?limit="
                  + PAGE
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
              auth,
              null,
              200);
      for (JsonNode bill : page.path("items")) {
        ids.add(bill.path("id").asLong());
      }
      return page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    }
  }

  /** The same keyset query by plain JDBC, with the page's lines. */
  private static final class Sql implements Source {
    private final Connection c;
    private final PreparedStatement bills;
    private final PreparedStatement lines;
    private final Long estate;

    Sql(Connection c, String schema, Long estate) throws SQLException {
      this.c = c;
      this.estate = estate;
      this.bills =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM "
                  + schema
                  + ".bill WHERE "
                  + (estate == null ? "" : "estate_id = ? AND ")
                  + "id > ? ORDER BY id LIMIT "
                  + (PAGE + 1));
      this.lines =
          c.prepareStatement(
              "SELECT l.bill_id, l.fee_item_id, l.fee_code, l.fee_name, l.quantity,"
                  + " l.unit_price, l.months, l.days_effective, l.days_in_cycle, l.calculated,"
                  + " l.amount FROM unnest(?::bigint[]) AS p(id) JOIN "
                  + schema
                  + ".bill_line l ON l.bill_id = p.id ORDER BY l.bill_id, l.line");
    }

    @Override
    public String page(String cursor, List<Long> ids) throws SQLException {
      int i = 1;
      if (estate != null) {
        bills.setLong(i++, estate);
      }
      bills.setLong(i, cursor == null ? 0 : Long.parseLong(cursor));
      List<Object[]> rows = new ArrayList<>(PAGE + 1);
      try (ResultSet rs = bills.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Object[] {
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getBigDecimal(6),
                rs.getBigDecimal(7),
                rs.getString(8),
                rs.getString(9),
                rs.getDate(10),
                rs.getObject(11),
                rs.getTimestamp(12)
              });
        }
      }
      String next = null;
      if (rows.size() > PAGE) {
        rows = rows.subList(0, PAGE);
        next = Long.toString((Long) rows.get(PAGE - 1)[0]);
      }
      List<Long> page = new ArrayList<>(rows.size());
      for (Object[] r : rows) {
        page.add((Long) r[0]);
      }
      List<Object[]> lineRows = new ArrayList<>();
      lines.setArray(1, c.createArrayOf("bigint", page.toArray()));
      try (ResultSet rs = lines.executeQuery()) {
        while (rs.next()) {
          lineRows.add(
              new Object[] {
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getBigDecimal(10),
                rs.getBigDecimal(11)
              });
        }
      }
      if (lineRows.size() < rows.size() * 2) {
        throw new IllegalStateException("bills without their lines: " + lineRows.size());
      }
      ids.addAll(page);
      return next;
    }
  }

  // ------------------------------------------------------------------------------ measuring

  /** A walk: each page's milliseconds and ids, in order. */
  private record Walk(List<Double> ms, List<List<Long>> ids) {}

  /**
   * Walks {@code pages} pages from the first, as a scrolling grid does.
   *
   * @throws IllegalStateException when a page is not full or a bill comes twice
   */
  private static Walk walk(Source source, int pages) throws Exception {
    List<Double> ms = new ArrayList<>(pages);
    List<List<Long>> ids = new ArrayList<>(pages);
    Set<Long> seen = new HashSet<>();
    String cursor = null;
    for (int p = 0; p < pages; p++) {
      List<Long> page = new ArrayList<>(PAGE);
      long start = System.nanoTime();
      cursor = source.page(cursor, page);
      ms.add((System.nanoTime() - start) / 1e6);
      if (page.size() != PAGE || (cursor == null && p < pages - 1)) {
        throw new IllegalStateException(
            "page " + (p + 1) + " has " + page.size() + " bills, cursor " + cursor);
      }
      for (Long id : page) {
        if (!seen.add(id)) {
          throw new IllegalStateException("bill " + id + " came twice, again on page " + (p + 1));
        }
      }
      ids.add(page);
    }
    return new Walk(ms, ids);
  }

  /** Milliseconds of the first page, {@code n} times. */
  private static List<Double> firstPage(Source source, int n) throws Exception {
    List<Double> ms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<Long> page = new ArrayList<>(PAGE);
      long start = System.nanoTime();
      source.page(null, page);
      ms.add((System.nanoTime() - start) / 1e6);
    }
    return ms;
  }

  /**
   * @throws IllegalStateException unless both walks read the same bills, page by page
   */
  private static void checkSame(String who, Walk api, Walk sql) {
    for (int p = 0; p < api.ids.size(); p++) {
      if (!api.ids.get(p).equals(sql.ids.get(p))) {
        throw new IllegalStateException(
            who + ": page " + (p + 1) + " of the API is not the JDBC query's");
      }
    }
  }

  /** The late pages' p50 over the early pages'. */
  private static double drift(Walk walk) {
    List<Double> ms = walk.ms;
    return percentile(ms.subList(ms.size() - EDGE, ms.size()), 50)
        / percentile(ms.subList(0, EDGE), 50);
  }

  private static void rows(String who, Walk api, Walk sql, int pages) {
    row(
        String.format(Locale.ROOT, "%s: pages 1-%d", who, EDGE),
        api.ms.subList(0, EDGE),
        sql.ms.subList(0, EDGE));
    row(
        String.format(Locale.ROOT, "%s: pages %,d-%,d", who, pages - EDGE + 1, pages),
        api.ms.subList(pages - EDGE, pages),
        sql.ms.subList(pages - EDGE, pages));
    row(String.format(Locale.ROOT, "%s: all %,d pages", who, pages), api.ms, sql.ms);
  }

  private static void row(String what, List<Double> api, List<Double> sql) {
    double a50 = percentile(api, 50);
    double a99 = percentile(api, 99);
    double s50 = percentile(sql, 50);
    double s99 = percentile(sql, 99);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f | %.1f | %.2f | %.2f | %.1f | %.1f |%n",
        what,
        a50,
        a99,
        s50,
        s99,
        a50 / s50,
        a99 / s99);
  }

  /** The nearest-rank percentile. */
  private static double percentile(List<Double> ms, int p) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
  }

  private static double sum(List<Double> ms) {
    return ms.stream().mapToDouble(Double::doubleValue).sum();
  }

  // ------------------------------------------------------------------------------ the tenant

  private static long estateOf(Connection c, String schema) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT DISTINCT estate_id FROM " + schema + ".bill LIMIT 2");
        ResultSet rs = ps.executeQuery()) {
      List<Long> estates = new ArrayList<>();
      while (rs.next()) {
        estates.add(rs.getLong(1));
      }
      if (estates.size() != 1) {
        throw new IllegalStateException("expected the bills of one estate, got " + estates);
      }
      return estates.get(0);
    }
  }

  private static long count(Connection c, String schema) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + schema + ".bill");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
