package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ./courtyard bench parking}: N concurrent reservation requests over S visitor spaces (slots
 * of two hours starting on the hour in the next 24 hours, so many requests collide), through {@code
 * POST /parking/reservations}, against the same requests as plain JDBC inserts into a copy of the
 * module's tables on the same database (the same exclusion constraint, one transaction each, the
 * holder read on a refusal as the API does), with the same number of client threads, each side
 * warmed by a first round that is not counted. Both must leave zero overlapping active bookings;
 * the figure is the API's rate against the baseline's.
 *
 * <p>Then the gate half ({@link GateLoop}): a plate camera's read to its open command, car after
 * car, through Courtyard against a plain broker with an in-memory gate controller.
 */
public final class ParkingBenchmark {

  private static final int SLOTS = 24;

  public static void main(String[] args) throws Exception {
    int requests = BenchSupport.intArg(args, "--requests", 1000);
    int spaces = BenchSupport.intArg(args, "--spaces", 100);
    int threads = BenchSupport.intArg(args, "--threads", 50);
    int gateReads = BenchSupport.intArg(args, "--gate-reads", 300);
    boolean keepDb = List.of(args).contains("--keep-db");
    String distribution = BenchSupport.stringArg(args, "--karaf", null);
    if (distribution == null || requests < 1 || spaces < 1 || threads < 1 || gateReads < 1) {
      System.err.println(
          "usage: ParkingBenchmark --karaf <unpacked distribution> [--requests N] [--spaces S]"
              + " [--threads C] [--gate-reads R] [--keep-db]");
      System.exit(2);
    }
    boolean met;
    try {
      met = run(Paths.get(distribution), requests, spaces, threads, gateReads, keepDb);
    } catch (IllegalStateException e) {
      System.err.println("parking benchmark: " + e.getMessage());
      met = false;
    }
    System.exit(met ? 0 : 1);
  }

  /** One request: a space (index) and a slot (hours from the base instant). */
  private record Ask(int space, int hour) {}

  /** What one side did: its answers and their latencies. */
  private record Pass(int made, int refused, int other, double seconds, List<Double> ms) {

    double rate(int n) {
      return n / seconds;
    }
  }

  private static boolean run(
      Path karaf, int requests, int spaceCount, int threads, int gateReads, boolean keepDb)
      throws Exception {
    List<String> migrations = BenchSupport.migrations(karaf, "parking");
    BenchSupport.Database db = BenchSupport.Database.create("parking");
    Path home = Files.createTempDirectory("courtyard-bench");
    int port = BenchSupport.freePort();
    int mqttPort = BenchSupport.freePort();
    Process courtyard = null;
    try {
      courtyard =
          BenchSupport.start(
              karaf, home, port, db, Map.of("COURTYARD_MQTT_PORT", Integer.toString(mqttPort)));
      BenchHttp http = new BenchHttp(port, home);
      System.out.printf(
          Locale.ROOT,
          "Courtyard parking benchmark: %,d reservation requests over %d visitor spaces, %d client"
              + " threads, %d cores, load %s%n",
          requests,
          spaceCount,
          threads,
          Runtime.getRuntime().availableProcessors(),
          BenchSupport.load());
      JsonNode tenant =
          http.call(
              "POST",
              "/operator/tenants",
              http.operatorAuth,
              Map.of(
                  "slug",
                  "bench_park",
                  "name",
                  "Benchmark parking",
                  "modules",
                  List.of("estate", "devices", "parking")),
              201);
      String owner = "Bearer " + tenant.path("adminToken").asText();
      long estate =
          http.call("POST", "/estate/estates", owner, Map.of("code", "PK", "name", "Estate"), 201)
              .path("id")
              .asLong();
      List<Long> apiSpaces = new ArrayList<>();
      List<Long> warmSpaces = new ArrayList<>();
      long lot =
          http.call(
                  "POST",
                  "/parking/lots",
                  owner,
                  Map.of(
                      "estateId", estate, "code", "P1", "name", "Lot", "location", "underground"),
                  201)
              .path("id")
              .asLong();
      for (JsonNode s :
          http.call(
              "POST",
              "/parking/lots/" + lot + "/spaces",
              owner,
              Map.of("prefix", "V-", "from", 1, "to", spaceCount, "kind", "visitor", "level", -1),
              201)) {
        apiSpaces.add(s.path("id").asLong());
      }
      for (JsonNode s :
          http.call(
              "POST",
              "/parking/lots/" + lot + "/spaces",
              owner,
              Map.of("prefix", "W-", "from", 1, "to", spaceCount, "kind", "visitor", "level", -1),
              201)) {
        warmSpaces.add(s.path("id").asLong());
      }
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA p_parking");
        s.execute("SET search_path = p_parking");
        for (String m : migrations) {
          s.execute(m);
        }
        s.execute(
            "INSERT INTO parking_lot (estate_id, code, name, location) VALUES (1, 'P1', 'Lot',"
                + " 'underground')");
        s.execute(
            "INSERT INTO parking_space (lot_id, number, kind) SELECT 1, 'S' || g, 'visitor'"
                + " FROM generate_series(1, "
                + (2 * spaceCount)
                + ") g");
      }
      Instant base = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      List<Ask> asks = asks(requests, spaceCount, 42);
      List<Ask> warm = asks(Math.min(requests, 200), spaceCount, 7);

      System.out.println("  warming both sides up (not counted)");
      api(http, owner, warmSpaces, warm, threads, base);
      plain(db, spaceCount, warm, threads, base);

      System.out.println("  the race through the API");
      Pass api = api(http, owner, apiSpaces, asks, threads, base);
      System.out.println("  the same race by plain JDBC");
      Pass jdbc = plain(db, 0, asks, threads, base);

      long apiOverlaps;
      long jdbcOverlaps;
      try (Connection c = db.connect()) {
        apiOverlaps = overlaps(c, "t_bench_park");
        jdbcOverlaps = overlaps(c, "p_parking");
      }
      double ratio = api.rate(requests) / jdbc.rate(requests);
      boolean met = apiOverlaps == 0 && jdbcOverlaps == 0 && api.other() == 0 && api.made() > 0;
      System.out.println();
      System.out.println("| measure | Courtyard | baseline | ratio |");
      System.out.println("|---|---|---|---|");
      System.out.printf(
          Locale.ROOT,
          "| %,d reservations racing for %d spaces, %d threads: requests/s | %,.0f | %,.0f | %.2f |%n",
          requests,
          spaceCount,
          threads,
          api.rate(requests),
          jdbc.rate(requests),
          ratio);
      System.out.printf(
          Locale.ROOT,
          "| latency p50 / p99 | %.1f / %.1f ms | %.1f / %.1f ms | |%n",
          BenchSupport.percentile(api.ms(), 50),
          BenchSupport.percentile(api.ms(), 99),
          BenchSupport.percentile(jdbc.ms(), 50),
          BenchSupport.percentile(jdbc.ms(), 99));
      System.out.printf(
          Locale.ROOT,
          "| made / refused (409 space-taken) / anything else | %d / %d / %d | %d / %d / %d | |%n",
          api.made(),
          api.refused(),
          api.other(),
          jdbc.made(),
          jdbc.refused(),
          jdbc.other());
      System.out.printf(
          Locale.ROOT,
          "| overlapping active bookings afterwards | %d | %d | |%n",
          apiOverlaps,
          jdbcOverlaps);
      GateLoop.Result gate =
          GateLoop.run(http, owner, "bench_park", lot, mqttPort, db, gateReads, 50);
      boolean gateChecked = gate.passages() == gateReads + 50 && gate.opened() == gateReads + 50;
      System.out.printf(
          Locale.ROOT,
          "| the gate: a camera's read to its open command, %d cars one after another: p50 / p99"
              + " | %.1f / %.1f ms | %.1f / %.1f ms | %.2f |%n",
          gateReads,
          gate.courtyard().p(50),
          gate.courtyard().p(99),
          gate.baseline().p(50),
          gate.baseline().p(99),
          gate.baseline().p(50) / gate.courtyard().p(50));
      System.out.printf(
          Locale.ROOT,
          "| passages recorded / opened with a command (warm-up included) | %d / %d | none kept |"
              + " |%n",
          gate.passages(),
          gate.opened());
      System.out.println("(load " + BenchSupport.load() + ")");
      met = met && gateChecked;
      System.out.println(
          met ? "RESULT: met (zero overlaps, every car a passage)" : "RESULT: NOT met");
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

  private static List<Ask> asks(int n, int spaces, long seed) {
    Random random = new Random(seed);
    List<Ask> asks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      asks.add(new Ask(random.nextInt(spaces), random.nextInt(SLOTS)));
    }
    return asks;
  }

  private interface Step {
    /** 1 made, 0 refused as taken, -1 anything else. */
    int ask(Ask a) throws Exception;
  }

  private interface StepFactory {
    Step open() throws Exception;
  }

  private static Pass race(List<Ask> asks, int threads, StepFactory factory) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Double> ms = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger made = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  Step step = factory.open();
                  ready.countDown();
                  go.await();
                  for (int i = next.getAndIncrement();
                      i < asks.size();
                      i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    int r = step.ask(asks.get(i));
                    ms.add((System.nanoTime() - t0) / 1e6);
                    (r > 0 ? made : r == 0 ? refused : other).incrementAndGet();
                  }
                  if (step instanceof AutoCloseable closeable) {
                    closeable.close();
                  }
                  return null;
                }));
      }
      ready.await();
      long started = System.nanoTime();
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      return new Pass(made.get(), refused.get(), other.get(), seconds, new ArrayList<>(ms));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Pass api(
      BenchHttp http, String owner, List<Long> spaces, List<Ask> asks, int threads, Instant base)
      throws Exception {
    return race(
        asks,
        threads,
        () ->
            a -> {
              Instant from = base.plus(a.hour(), ChronoUnit.HOURS);
              String body =
                  BenchHttp.JSON.writeValueAsString(
                      Map.of(
                          "spaceId",
                          spaces.get(a.space()),
                          "from",
                          from.toString(),
                          "to",
                          from.plus(2, ChronoUnit.HOURS).toString(),
                          "holderName",
                          "Visitor " + a.space() + "-" + a.hour()));
              HttpResponse<String> r =
                  http.send(
                      HttpRequest.newBuilder(URI.create(http.base + "/parking/reservations"))
                          .header("Authorization", owner)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body)));
              if (r.statusCode() == 201) {
                return 1;
              }
              return r.statusCode() == 409 && r.body().contains("space-taken") ? 0 : -1;
            });
  }

  /** The baseline: one connection per thread, one transaction per request. */
  private static Pass plain(
      BenchSupport.Database db, int spaceOffset, List<Ask> asks, int threads, Instant base)
      throws Exception {
    return race(asks, threads, () -> new PlainStep(db, spaceOffset, base));
  }

  private static final class PlainStep implements Step, AutoCloseable {
    private final Connection c;
    private final PreparedStatement insert;
    private final PreparedStatement holder;
    private final int spaceOffset;
    private final Instant base;

    PlainStep(BenchSupport.Database db, int spaceOffset, Instant base) throws SQLException {
      this.c = db.connect();
      this.spaceOffset = spaceOffset;
      this.base = base;
      try (Statement s = c.createStatement()) {
        s.execute("SET search_path = p_parking");
      }
      c.setAutoCommit(true);
      insert =
          c.prepareStatement(
              "INSERT INTO parking_booking (space_id, kind, holder_name, period)"
                  + " VALUES (?, 'reservation', ?, tstzrange(?, ?, '[)')) RETURNING id");
      holder =
          c.prepareStatement(
              "SELECT id, lower(period), upper(period) FROM parking_booking WHERE space_id = ?"
                  + " AND state = 'active' AND period && tstzrange(?, ?, '[)') LIMIT 1");
    }

    @Override
    public int ask(Ask a) throws SQLException {
      long space = spaceOffset + a.space() + 1;
      Timestamp from = Timestamp.from(base.plus(a.hour(), ChronoUnit.HOURS));
      Timestamp to = Timestamp.from(base.plus(a.hour() + 2L, ChronoUnit.HOURS));
      insert.setLong(1, space);
      insert.setString(2, "Visitor " + a.space() + "-" + a.hour());
      insert.setTimestamp(3, from);
      insert.setTimestamp(4, to);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        return 1;
      } catch (SQLException e) {
        if (!"23P01".equals(e.getSQLState())) {
          return -1;
        }
      }
      holder.setLong(1, space);
      holder.setTimestamp(2, from);
      holder.setTimestamp(3, to);
      try (ResultSet rs = holder.executeQuery()) {
        rs.next();
      }
      return 0;
    }

    @Override
    public void close() throws SQLException {
      c.close();
    }
  }

  /** Pairs of active bookings of one space whose periods overlap: must be none. */
  private static long overlaps(Connection c, String schema) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM "
                    + schema
                    + ".parking_booking a JOIN "
                    + schema
                    + ".parking_booking b ON a.space_id = b.space_id AND a.id < b.id"
                    + " AND a.period && b.period WHERE a.state = 'active' AND b.state = 'active'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
