package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the Today screen ({@code GET /today}, #12) costs a large property company, on the real
 * distribution started by its launcher: a tenant with estate, residents, billing, devices and
 * security, N rooms (10,000 by default, {@link BillingFixture}) and a year of bills (a billing run
 * for each of the last 12 months, this one included, nothing paid: every old bill is in arrears,
 * which is the arrears tile's worst case). Measures the owner's screen and a project manager's
 * (granted the estate, so the narrow-scope queries run over every room), sequentially after a
 * warm-up, and prints p50, p95 and the slowest. Target: p95 under one second. Checks first that the
 * numbers are the ones the fixture made (the bills of this month, 12 billed months, no module
 * missing), so a fast answer that misses a module does not pass.
 *
 * <p>Usage: {@code ./courtyard bench today [--rooms 10000] [--requests 50] [--keep-db]}
 */
public final class TodayBenchmark {

  private static final String SLUG = "bench_today";
  private static final String PASSWORD = "Bench-today-2026";
  private static final int MONTHS = 12;
  private static final long TARGET_MS = 1000;

  private BenchHttp http;

  public static void main(String[] args) throws Exception {
    int rooms = BenchSupport.intArg(args, "--rooms", 10_000);
    int requests = BenchSupport.intArg(args, "--requests", 50);
    boolean keepDb = List.of(args).contains("--keep-db");
    String distribution = BenchSupport.stringArg(args, "--karaf", null);
    if (distribution == null || rooms < 1 || requests < 1) {
      System.err.println(
          "usage: TodayBenchmark --karaf <unpacked distribution> [--rooms N] [--requests R]"
              + " [--keep-db]");
      System.exit(2);
    }
    boolean met;
    try {
      met = new TodayBenchmark().run(Paths.get(distribution), rooms, requests, keepDb);
    } catch (IllegalStateException e) {
      System.err.println("today benchmark: " + e.getMessage());
      met = false;
    }
    System.exit(met ? 0 : 1);
  }

  private boolean run(Path karaf, int rooms, int requests, boolean keepDb) throws Exception {
    BenchSupport.Database db = BenchSupport.Database.create("today");
    Path home = Files.createTempDirectory("courtyard-bench");
    int port = BenchSupport.freePort();
    Process courtyard = null;
    try {
      courtyard = BenchSupport.start(karaf, home, port, db);
      http = new BenchHttp(port, home);
      System.out.printf(
          Locale.ROOT,
          "Courtyard Today benchmark: %,d rooms, %d months of bills, %d requests per caller, %d"
              + " cores%n",
          rooms,
          MONTHS,
          requests,
          Runtime.getRuntime().availableProcessors());
      BillingFixture tenant = BillingFixture.create(http, SLUG, rooms, true);
      for (String module : List.of("residents", "devices", "security")) {
        http.call(
            "POST",
            "/operator/tenants/" + SLUG + "/modules/" + module,
            http.operatorAuth,
            null,
            200);
      }
      YearMonth current = tenant.period.plusMonths(1);
      tenant.billMonths(current, MONTHS);
      String staff = tenant.staff("pm", "project_manager", PASSWORD);

      check(tenant.auth, rooms, current);
      check(staff, rooms, current);
      // warm up both callers alike before anything is measured
      measure(tenant.auth, Math.max(10, requests / 2));
      measure(staff, Math.max(10, requests / 2));
      List<Double> owner = measure(tenant.auth, requests);
      List<Double> manager = measure(staff, requests);
      boolean met = true;
      System.out.println();
      System.out.println("| GET /today | p50 | p95 | slowest |");
      System.out.println("|---|---|---|---|");
      met &= report("owner (whole company)", owner);
      met &= report("project manager (estate scope)", manager);
      System.out.printf(
          Locale.ROOT, "%nTarget: p95 under %d ms: %s%n", TARGET_MS, met ? "met" : "NOT met");
      return met;
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

  /**
   * @throws IllegalStateException unless no module is missing, this month has a bill per room and
   *     each of the 12 months was billed
   */
  private void check(String auth, int rooms, YearMonth current) throws Exception {
    JsonNode today = http.call("GET", "/today", auth, null, 200);
    if (today.path("missing").size() > 0) {
      throw new IllegalStateException("modules missing from the Today screen: " + today);
    }
    long bills = -1;
    int billedMonths = 0;
    for (JsonNode tile : today.path("tiles")) {
      if (tile.path("id").asText().equals("billing.bills-this-month")) {
        bills = tile.path("value").asLong();
      }
      if (tile.path("id").asText().equals("billing.billed-this-month")) {
        for (JsonNode p : tile.path("series").get(0).path("points")) {
          billedMonths += p.path("value").decimalValue().signum() > 0 ? 1 : 0;
        }
      }
    }
    if (bills != rooms || billedMonths != MONTHS) {
      throw new IllegalStateException(
          "expected "
              + rooms
              + " bills in "
              + current
              + " and "
              + MONTHS
              + " billed months, got "
              + bills
              + " and "
              + billedMonths);
    }
  }

  /** Milliseconds of {@code n} sequential requests. */
  private List<Double> measure(String auth, int n) throws Exception {
    List<Double> ms = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      http.call("GET", "/today", auth, null, 200);
      ms.add((System.nanoTime() - start) / 1e6);
    }
    return ms;
  }

  private static boolean report(String who, List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    double p50 = sorted.get((sorted.size() - 1) / 2);
    double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    double max = sorted.get(sorted.size() - 1);
    System.out.printf(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms |%n", who, p50, p95, max);
    return p95 < TARGET_MS;
  }
}
