package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The deadline sweep ({@code POST /workorders/sweep}, which the scheduler runs every minute for
 * each tenant) against one indexed SELECT of the rows it is due to mark, on the same tenant schema.
 *
 * <p>Each tenant's open orders first get deadlines a day or more away (so none is due by itself
 * while this runs); then, run after run, a known share of them is made due by SQL, as time would:
 * half reach their warning instants (response and resolution), half their due instants after having
 * been warned; and some done orders pass the tenant's automatic-confirmation days. The SELECT, one
 * statement with a branch per mark, each the query of a partial index of V1, reads those rows by
 * JDBC; then the sweep runs once by the API and must report exactly them. A run the scheduler's own
 * sweep got to first (fewer marks than made due) is left out and said so.
 */
final class SweepTiming {

  static final List<String> MARKS =
      List.of(
          "responseWarned",
          "responseBreached",
          "resolutionWarned",
          "resolutionBreached",
          "autoConfirmed");

  /** The sweep's figures, or {@code missing} with the status when the endpoint is not there. */
  record Result(
      boolean missing,
      int status,
      List<Double> sweepMs,
      List<Double> selectMs,
      List<Double> idleSweepMs,
      List<Double> idleSelectMs,
      List<Double> serverMs,
      List<Double> idleServerMs,
      int rowsPerRun,
      int disturbed,
      List<String> failures) {}

  private final BenchHttp http;
  private final BenchSupport.Database db;

  SweepTiming(BenchHttp http, BenchSupport.Database db) {
    this.http = http;
    this.db = db;
  }

  /** The query of the rows each mark is due for, as the partial indexes of V1 hold them. */
  static String dueRows(String schema) {
    String t = schema + ".workorder";
    return "SELECT 0 AS mark, id FROM "
        + t
        + " WHERE responded_at IS NULL AND response_warned_at IS NULL AND state <> 'cancelled'"
        + " AND response_warn_at <= now()"
        + " UNION ALL SELECT 1, id FROM "
        + t
        + " WHERE responded_at IS NULL AND response_breached_at IS NULL AND state <> 'cancelled'"
        + " AND response_due <= now()"
        + " UNION ALL SELECT 2, id FROM "
        + t
        + " WHERE resolution_met_at IS NULL AND resolution_warned_at IS NULL"
        + " AND resolution_warn_at IS NOT NULL AND resolution_warn_at <= now()"
        + " UNION ALL SELECT 3, id FROM "
        + t
        + " WHERE resolution_met_at IS NULL AND resolution_breached_at IS NULL"
        + " AND resolution_due IS NOT NULL AND resolution_due <= now()"
        + " UNION ALL SELECT 4, id FROM "
        + t
        + " WHERE state = 'done' AND done_at <= now() - make_interval(days => ?)";
  }

  Result run(List<WorkordersFixture> tenants, int runs, int due) throws Exception {
    HttpResponse<String> probe =
        http.request("POST", "/workorders/sweep", tenants.get(0).owner, null);
    if (probe.statusCode() == 404 || probe.statusCode() == 405) {
      return new Result(
          true, probe.statusCode(), null, null, null, null, null, null, 0, 0, List.of());
    }
    BenchHttp.expect(probe, 200, "POST /workorders/sweep");
    List<Double> sweepMs = new ArrayList<>();
    List<Double> selectMs = new ArrayList<>();
    List<Double> idleSweep = new ArrayList<>();
    List<Double> idleSelect = new ArrayList<>();
    List<Double> serverMs = new ArrayList<>();
    List<Double> idleServer = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    int disturbed = 0;
    int autoConfirm = 0;
    try (Connection c = db.connect()) {
      Map<String, PreparedStatement> selects = new HashMap<>();
      Map<String, Integer> days = new HashMap<>();
      for (WorkordersFixture f : tenants) {
        try (Statement s = c.createStatement()) {
          s.executeUpdate(
              "UPDATE "
                  + f.schema
                  + ".workorder SET response_warn_at = now() + interval '1 day', response_due ="
                  + " now() + interval '2 days', resolution_warn_at = now() + interval '3 days',"
                  + " resolution_due = now() + interval '4 days' WHERE state = 'new'");
          s.execute("VACUUM ANALYZE " + f.schema + ".workorder");
        }
        days.put(
            f.slug,
            (int)
                WorkordersFixture.count(
                    c, "SELECT auto_confirm_days FROM " + f.schema + ".workorder_settings"));
        PreparedStatement ps = c.prepareStatement(dueRows(f.schema));
        ps.setInt(1, days.get(f.slug));
        selects.put(f.slug, ps);
        explain(c, f.schema, days.get(f.slug));
      }
      System.out.println("    warming up: sweeps and SELECTs with nothing due, alike");
      for (int w = 0; w < 5; w++) {
        for (WorkordersFixture f : tenants) {
          sweep(f);
          select(selects.get(f.slug));
        }
      }
      for (int r = 0; r < runs; r++) {
        for (WorkordersFixture f : tenants) {
          int warn = due / 2;
          int breach = due - warn;
          int confirm = Math.max(1, due / 4);
          int[] expected = makeDue(c, f.schema, warn, breach, confirm, days.get(f.slug));
          PreparedStatement select = selects.get(f.slug);
          List<Double> three = new ArrayList<>();
          int[] found = null;
          for (int k = 0; k < 3; k++) {
            long s = System.nanoTime();
            found = select(select);
            three.add((System.nanoTime() - s) / 1e6);
          }
          if (!java.util.Arrays.equals(found, expected)) {
            failures.add(
                f.slug
                    + ": the SELECT found "
                    + java.util.Arrays.toString(found)
                    + ", made due "
                    + java.util.Arrays.toString(expected));
          }
          long s = System.nanoTime();
          int[] marked = sweep(f);
          double ms = (System.nanoTime() - s) / 1e6;
          int[] left = select(select);
          if (java.util.Arrays.stream(left).sum() != 0) {
            failures.add(
                f.slug
                    + ": after the sweep still due "
                    + java.util.Arrays.toString(left)
                    + " (sweep reported "
                    + java.util.Arrays.toString(marked)
                    + ")");
          } else if (!java.util.Arrays.equals(marked, expected)) {
            disturbed++;
            System.out.printf(
                Locale.ROOT,
                "    %s run %d left out: the sweep reported %s, %s were due (the scheduler's"
                    + " sweep was first?)%n",
                f.slug,
                r + 1,
                java.util.Arrays.toString(marked),
                java.util.Arrays.toString(expected));
          } else {
            sweepMs.add(ms);
            serverMs.add(lastServerMs);
            selectMs.add(BenchSupport.percentile(three, 50));
          }
          autoConfirm = Math.max(autoConfirm, expected[4]);
        }
        System.out.printf(Locale.ROOT, "    sweep run %d of %d done%n", r + 1, runs);
      }
      for (int k = 0; k < 3; k++) {
        for (WorkordersFixture f : tenants) {
          long s = System.nanoTime();
          select(selects.get(f.slug));
          idleSelect.add((System.nanoTime() - s) / 1e6);
          s = System.nanoTime();
          int[] marked = sweep(f);
          idleSweep.add((System.nanoTime() - s) / 1e6);
          idleServer.add(lastServerMs);
          if (java.util.Arrays.stream(marked).sum() != 0) {
            failures.add(
                f.slug + ": a sweep with nothing due marked " + java.util.Arrays.toString(marked));
          }
        }
      }
      for (PreparedStatement ps : selects.values()) {
        ps.close();
      }
    }
    return new Result(
        false,
        200,
        sweepMs,
        selectMs,
        idleSweep,
        idleSelect,
        serverMs,
        idleServer,
        2 * due + autoConfirm,
        disturbed,
        failures);
  }

  /** Makes rows due as time would; returns how many each mark should find. */
  private static int[] makeDue(
      Connection c, String schema, int warn, int breach, int confirm, int days)
      throws SQLException {
    List<Long> pick = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM "
                + schema
                + ".workorder WHERE state = 'new' AND response_warned_at IS NULL"
                + " AND response_breached_at IS NULL AND resolution_warned_at IS NULL"
                + " AND resolution_breached_at IS NULL AND response_warn_at > now()"
                + " ORDER BY id LIMIT ?")) {
      ps.setInt(1, warn + breach);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pick.add(rs.getLong(1));
        }
      }
    }
    if (pick.size() < warn + breach) {
      throw new IllegalStateException(
          schema + " has only " + pick.size() + " open orders left to make due");
    }
    update(
        c,
        "UPDATE "
            + schema
            + ".workorder SET response_warn_at = now() - interval '1 minute',"
            + " resolution_warn_at = now() - interval '1 minute' WHERE id = ANY (?)",
        pick.subList(0, warn),
        null);
    update(
        c,
        "UPDATE "
            + schema
            + ".workorder SET response_warn_at = now() - interval '2 hours', response_warned_at ="
            + " now() - interval '2 hours', response_due = now() - interval '1 minute',"
            + " resolution_warn_at = now() - interval '2 hours', resolution_warned_at = now() -"
            + " interval '2 hours', resolution_due = now() - interval '1 minute'"
            + " WHERE id = ANY (?)",
        pick.subList(warn, warn + breach),
        null);
    int confirmed = 0;
    if (confirm > 0) {
      List<Long> done = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT id FROM "
                  + schema
                  + ".workorder WHERE state = 'done' AND done_at > now() - interval '1 day'"
                  + " ORDER BY id LIMIT ?")) {
        ps.setInt(1, confirm);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            done.add(rs.getLong(1));
          }
        }
      }
      update(
          c,
          "UPDATE "
              + schema
              + ".workorder SET done_at = now() - make_interval(days => ?) WHERE id = ANY (?)",
          done,
          days + 2);
      confirmed = done.size();
    }
    return new int[] {warn, breach, warn, breach, confirmed};
  }

  private static void update(Connection c, String sql, List<Long> ids, Integer days)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (days != null) {
        ps.setInt(i++, days);
      }
      Array a = c.createArrayOf("bigint", ids.toArray());
      ps.setArray(i, a);
      ps.executeUpdate();
    }
  }

  /** The due rows per mark, read into memory as a sweep would read them. */
  private static int[] select(PreparedStatement ps) throws SQLException {
    int[] counts = new int[MARKS.size()];
    List<Long> ids = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        counts[rs.getInt(1)]++;
        ids.add(rs.getLong(2));
      }
    }
    return counts;
  }

  /** The server's own time for the last sweep ({@code tookMs} of its answer). */
  private double lastServerMs;

  private int[] sweep(WorkordersFixture f) throws Exception {
    JsonNode r = http.call("POST", "/workorders/sweep", f.owner, null, 200);
    lastServerMs = r.path("tookMs").asDouble(Double.NaN);
    int[] counts = new int[MARKS.size()];
    for (int m = 0; m < MARKS.size(); m++) {
      if (!r.has(MARKS.get(m))) {
        throw new IllegalStateException("the sweep's answer lacks " + MARKS.get(m) + ": " + r);
      }
      counts[m] = r.path(MARKS.get(m)).asInt();
    }
    return counts;
  }

  /** Says so when the SELECT would read the whole table instead of the partial indexes. */
  private static void explain(Connection c, String schema, int days) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + dueRows(schema))) {
      ps.setInt(1, days);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    if (plan.toString().contains("Seq Scan")) {
      System.out.println(
          "    note: the due-rows SELECT is not all index scans in " + schema + ":\n" + plan);
    }
  }
}
