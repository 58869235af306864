package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tenant of the billing benchmarks: onboarded with {@code estate} and {@code billing}, N rooms
 * imported through the estate CSV import (20,000 per building, the import's limit) and three fee
 * items: an area fee and a fixed fee for every room and a parking fee for the parking spaces (every
 * fifth room), so a bill has two or three lines. Also what the plain-JDBC baseline needs to write
 * the very bills a run writes for these rooms.
 */
final class BillingFixture {

  /** The estate import takes at most this many rooms per file: one building each. */
  static final int ROOMS_PER_BUILDING = 20_000;

  /** 40 floors of 5 rooms; the fifth room of each floor is a parking space. */
  static final int ROOMS_PER_UNIT = 200;

  static final String[] FEE_CODES = {"PROP", "SVC", "PARK"};
  static final String[] FEE_NAMES = {
    "Property fee 物业费", "Public service fee 公共服务费", "Parking fee 车位费"
  };
  static final BigDecimal AREA_PRICE = new BigDecimal("2.50");
  static final BigDecimal SERVICE_FEE = new BigDecimal("20.00");
  static final BigDecimal PARKING_FEE = new BigDecimal("150.00");
  static final BigDecimal[] FEE_PRICES = {AREA_PRICE, SERVICE_FEE, PARKING_FEE};

  final String slug;
  final String schema;
  final String auth;
  final int rooms;
  final long[] feeIds;
  final YearMonth period;
  final int graceDays;
  final String currency;
  final int buildings;
  final double importSeconds;

  private final BenchHttp http;

  private BillingFixture(
      BenchHttp http,
      String slug,
      String auth,
      int rooms,
      long[] feeIds,
      YearMonth period,
      int graceDays,
      String currency,
      int buildings,
      double importSeconds) {
    this.http = http;
    this.slug = slug;
    this.schema = "t_" + slug;
    this.auth = auth;
    this.rooms = rooms;
    this.feeIds = feeIds;
    this.period = period;
    this.graceDays = graceDays;
    this.currency = currency;
    this.buildings = buildings;
    this.importSeconds = importSeconds;
  }

  /**
   * Onboards {@code slug} with estate and billing, imports {@code rooms} rooms and creates the fee
   * items. The period billed is last month in the tenant's time zone.
   *
   * @param verbose print each building's import
   */
  static BillingFixture create(BenchHttp http, String slug, int rooms, boolean verbose)
      throws IOException, InterruptedException {
    JsonNode tenant =
        http.call(
            "POST",
            "/operator/tenants",
            http.operatorAuth,
            Map.of(
                "slug", slug, "name", "Benchmark " + slug, "modules", List.of("estate", "billing")),
            201);
    String auth = "Bearer " + tenant.path("adminToken").asText();
    JsonNode settings = http.call("GET", "/billing/settings", auth, null, 200);
    ZoneId zone = ZoneId.of(settings.path("timeZone").asText());
    YearMonth period = YearMonth.now(zone).minusMonths(1);

    long importStart = System.nanoTime();
    long estate =
        http.call(
                "POST",
                "/estate/estates",
                auth,
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
      long building = http.call("POST", "/estate/buildings", auth, body, 201).path("id").asLong();
      long start = System.nanoTime();
      HttpResponse<String> imported =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(http.base + "/estate/buildings/" + building + "/rooms/import"))
                  .header("Authorization", auth)
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(csv(first, count))));
      BenchHttp.expect(imported, 200, "importing building " + code + " of " + slug);
      if (verbose) {
        System.out.printf(
            Locale.ROOT,
            "  %s: imported %,d/%,d rooms (building %s: %,d rooms in %.1f s)%n",
            slug,
            first + count,
            rooms,
            code,
            count,
            seconds(start));
      }
    }
    double importSeconds = seconds(importStart);
    long[] feeIds = {
      feeItem(http, auth, 0, "area", null),
      feeItem(http, auth, 1, "fixed", null),
      feeItem(http, auth, 2, "fixed", "parking")
    };
    return new BillingFixture(
        http,
        slug,
        auth,
        rooms,
        feeIds,
        period,
        settings.path("graceDays").asInt(),
        settings.path("currency").asText(),
        buildings,
        importSeconds);
  }

  private static long feeItem(BenchHttp http, String auth, int fee, String kind, String onlyType)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", FEE_CODES[fee]);
    body.put("name", FEE_NAMES[fee]);
    body.put("kind", kind);
    body.put("unitPrice", FEE_PRICES[fee]);
    body.put("appliesToTypes", onlyType == null ? List.of() : List.of(onlyType));
    body.put("effectiveFrom", "2020-01-01");
    return http.call("POST", "/billing/fee-items", auth, body, 201).path("id").asLong();
  }

  /** Bill lines a run writes for these rooms: two per room, three for a parking space. */
  long lines() {
    return lines(rooms);
  }

  static long lines(int rooms) {
    long parking = 0;
    for (int i = 0; i < rooms; i++) {
      parking += isParking(i) ? 1 : 0;
    }
    return 2L * rooms + parking;
  }

  // ------------------------------------------------------------------------------ runs

  /**
   * Bills the {@code months} months up to {@code current}, oldest first, one run after another: a
   * bill per room and month.
   */
  void billMonths(YearMonth current, int months) throws IOException, InterruptedException {
    for (int m = months - 1; m >= 0; m--) {
      YearMonth month = current.minusMonths(m);
      long start = System.nanoTime();
      JsonNode run = awaitRun(startRun(month), false);
      System.out.printf(
          Locale.ROOT,
          "  billed %s: %,d bills in %.1f s%n",
          month,
          run.path("billsCreated").asInt(),
          seconds(start));
    }
  }

  /**
   * A staff user granted {@code role} over the fixture's one estate (so every query runs with a
   * narrow scope, over every room); their access token.
   */
  String staff(String username, String role, String password)
      throws IOException, InterruptedException {
    JsonNode estates = http.call("GET", "/estate/estates", auth, null, 200);
    long estate = estates.path("items").get(0).path("id").asLong();
    return user(username, role, "estates", List.of(estate), password);
  }

  /** A staff user granted {@code role} over the whole company; their access token. */
  String companyStaff(String username, String role, String password)
      throws IOException, InterruptedException {
    return user(username, role, "company", List.of(), password);
  }

  private String user(String username, String role, String scope, List<Long> ids, String password)
      throws IOException, InterruptedException {
    JsonNode user =
        http.call(
            "POST",
            "/identity/users",
            auth,
            Map.of("username", username, "displayName", role, "password", password),
            201);
    http.call(
        "POST",
        "/identity/users/" + user.path("id").asLong() + "/grants",
        auth,
        Map.of("role", role, "scope", scope, "ids", ids),
        201);
    return signIn(username, password);
  }

  /** Signs a staff user in; a fresh access token. */
  String signIn(String username, String password) throws IOException, InterruptedException {
    JsonNode login =
        http.call(
            "POST",
            "/auth/login",
            null,
            Map.of("tenant", slug, "username", username, "password", password),
            200);
    return "Bearer " + login.path("accessToken").asText();
  }

  /** Answer of {@code POST /billing/runs}, whatever its status. */
  HttpResponse<String> postRun() throws IOException, InterruptedException {
    return http.request("POST", "/billing/runs", auth, Map.of("period", period.toString()));
  }

  /** Starts a run of the period; it must be accepted (202). */
  long startRun() throws IOException, InterruptedException {
    return startRun(period);
  }

  /** Starts a run of {@code other}; it must be accepted (202). */
  long startRun(YearMonth other) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.request("POST", "/billing/runs", auth, Map.of("period", other.toString()));
    BenchHttp.expect(r, 202, "POST /billing/runs " + other + " of " + slug);
    return BenchHttp.JSON.readTree(r.body()).path("id").asLong();
  }

  JsonNode run(long id) throws IOException, InterruptedException {
    return http.call("GET", "/billing/runs/" + id, auth, null, 200);
  }

  /**
   * Polls the run every 100 ms until it is completed.
   *
   * @param progress print its progress every 2 s
   * @throws IllegalStateException when the run fails
   */
  JsonNode awaitRun(long id, boolean progress) throws IOException, InterruptedException {
    long start = System.nanoTime();
    long lastPrint = start;
    while (true) {
      JsonNode run = run(id);
      if (done(run)) {
        return run;
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
   * True when the run completed, false while it runs (or waits for its turn).
   *
   * @throws IllegalStateException when it failed
   */
  static boolean done(JsonNode run) {
    String status = run.path("status").asText();
    if ("completed".equals(status)) {
      return true;
    }
    if ("failed".equals(status)) {
      throw new IllegalStateException(
          "run " + run.path("id").asLong() + " failed: " + run.path("error").asText());
    }
    return false;
  }

  /** Seconds the server spent on a completed run, from its own timestamps. */
  static double serverSeconds(JsonNode run) {
    return Duration.between(
                Instant.parse(run.path("startedAt").asText()),
                Instant.parse(run.path("finishedAt").asText()))
            .toMillis()
        / 1000.0;
  }

  /**
   * @throws IllegalStateException unless the tenant's ledger balances for the period
   */
  void checkLedger() throws IOException, InterruptedException {
    JsonNode ledger = http.call("GET", "/billing/ledger/check?period=" + period, auth, null, 200);
    if (!ledger.path("balanced").asBoolean()) {
      throw new IllegalStateException(slug + ": the ledger does not balance: " + ledger);
    }
  }

  // ------------------------------------------------------------------------------ rooms

  /** The CSV of {@code count} rooms, numbered from {@code first} over the whole estate. */
  static String csv(int first, int count) {
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
  static boolean isParking(int i) {
    return i % 5 == 4;
  }

  /** Flats of 60.00 to 149.99 m², parking spaces of 12.50 m². */
  static BigDecimal area(int i) {
    return isParking(i) ? new BigDecimal("12.50") : BigDecimal.valueOf(6000 + (i * 37L) % 9000, 2);
  }

  /** The amounts of room {@code i}'s lines, in fee order: area fee, service fee, parking fee. */
  static BigDecimal[] amounts(int i) {
    BigDecimal areaAmount = area(i).multiply(AREA_PRICE).setScale(2, RoundingMode.HALF_UP);
    return isParking(i)
        ? new BigDecimal[] {areaAmount, SERVICE_FEE, PARKING_FEE}
        : new BigDecimal[] {areaAmount, SERVICE_FEE};
  }

  static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
