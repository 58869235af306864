package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The isolation benchmark: one tenant cannot starve the others. It starts the real distribution
 * with the launcher on a database of its own, onboards eight "busy" tenants with {@code estate},
 * {@code billing}, N rooms each and three fee items ({@link BillingFixture}), and a ninth, "quiet"
 * tenant that only reads. The quiet tenant reads {@code GET /estate/rooms?limit=20} one request
 * after another with a pause of {@code --pause-ms} between them (a user paging through rooms, not a
 * flood) and the benchmark reports the latency of those reads (p50, p95):
 *
 * <ul>
 *   <li>idle: for {@code --seconds}, with nothing else running;
 *   <li>loaded: while the eight busy tenants each run billing for last month. The eight runs are
 *       posted at the same moment; the loaded window lasts from then until the last run is seen
 *       completed. A run the platform refuses for now (429 or 503) is posted again after its {@code
 *       Retry-After}, as a client would, and counted;
 *   <li>idle again afterwards, to show the quiet tenant recovers.
 * </ul>
 *
 * The target: the loaded p50 and p95 stay within twice the idle ones. The benchmark exits with 1
 * when either ratio is over 2, when a run fails or bills the wrong number of rooms, and when a
 * quiet read fails. It also reports how many runs executed at once by the server's own times, so
 * the effect of the billing module's run queue shows; {@code --max-runs N} sets that queue's {@code
 * maxConcurrentRuns} in the benchmark's runtime to compare settings.
 *
 * <p>Usage: {@code ./courtyard bench isolation [--tenants 8] [--rooms 15000] [--seconds 10]
 * [--pause-ms 20] [--max-runs N] [--keep-db]}
 */
public final class IsolationBenchmark {

  private static final String READ = "/estate/rooms?limit=20";
  private static final int QUIET_ROOMS = 1_000;
  private static final double TARGET = 2.0;

  private BenchHttp http;

  public static void main(String[] args) throws Exception {
    int tenants = BenchSupport.intArg(args, "--tenants", 8);
    int rooms = BenchSupport.intArg(args, "--rooms", 15_000);
    int seconds = BenchSupport.intArg(args, "--seconds", 10);
    int pauseMs = BenchSupport.intArg(args, "--pause-ms", 20);
    int maxRuns = BenchSupport.intArg(args, "--max-runs", 0);
    boolean keepDb = List.of(args).contains("--keep-db");
    String distribution = BenchSupport.stringArg(args, "--karaf", null);
    if (distribution == null
        || tenants < 1
        || rooms < 1
        || seconds < 1
        || pauseMs < 0
        || maxRuns < 0) {
      System.err.println(
          "usage: IsolationBenchmark --karaf <unpacked distribution> [--tenants N] [--rooms N]"
              + " [--seconds S] [--pause-ms MS] [--max-runs N] [--keep-db]");
      System.exit(2);
    }
    try {
      boolean met =
          new IsolationBenchmark()
              .run(Paths.get(distribution), tenants, rooms, seconds, pauseMs, maxRuns, keepDb);
      if (!met) {
        System.exit(1);
      }
    } catch (IllegalStateException e) {
      System.err.println("isolation benchmark: " + e.getMessage());
      System.exit(1);
    }
  }

  private boolean run(
      Path karaf, int tenants, int rooms, int seconds, int pauseMs, int maxRuns, boolean keepDb)
      throws Exception {
    if (maxRuns > 0) {
      // the billing run queue's configuration (PID org.courtyard.billing), in this runtime only
      Files.writeString(
          karaf.resolve("etc/org.courtyard.billing.cfg"), "maxConcurrentRuns = " + maxRuns + "\n");
    }
    BenchSupport.Database db = BenchSupport.Database.create("isolation");
    Path home = Files.createTempDirectory("courtyard-bench");
    int port = BenchSupport.freePort();
    Process courtyard = null;
    try {
      System.out.println("Launcher log: " + home.resolve("launcher.log"));
      courtyard = BenchSupport.start(karaf, home, port, db);
      http = new BenchHttp(port, home);
      System.out.printf(
          Locale.ROOT,
          "Courtyard isolation benchmark: %d busy tenants of %,d rooms and a quiet one, %d cores,"
              + " billing runs at once: %s%n",
          tenants,
          rooms,
          Runtime.getRuntime().availableProcessors(),
          maxRuns > 0 ? String.valueOf(maxRuns) : "the distribution's default");
      System.out.println("Database: " + db.url.replaceAll("\\?.*", ""));
      return measure(db, tenants, rooms, seconds, pauseMs);
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

  private boolean measure(
      BenchSupport.Database db, int tenants, int rooms, int seconds, int pauseMs) throws Exception {
    // 1. the tenants
    List<BillingFixture> busy = new ArrayList<>();
    for (int t = 1; t <= tenants; t++) {
      busy.add(BillingFixture.create(http, "bench_busy" + t, rooms, false));
      System.out.printf(Locale.ROOT, "  bench_busy%d: %,d rooms, 3 fee items%n", t, rooms);
    }
    BillingFixture quiet = BillingFixture.create(http, "bench_quiet", QUIET_ROOMS, false);
    System.out.printf(Locale.ROOT, "  bench_quiet: %,d rooms%n", QUIET_ROOMS);

    // 2. settle: what the imports left for autovacuum is done now, not during the idle reads
    settle(db);

    // 3. warm-up: the read path and the billing path once each
    quiet.awaitRun(quiet.startRun(), false);
    Reader warmUp = new Reader(quiet, pauseMs);
    warmUp.readFor(5);

    // 4. idle
    System.out.printf(Locale.ROOT, "  idle: quiet tenant reads for %d s%n", seconds);
    Reader idle = new Reader(quiet, pauseMs);
    idle.readFor(seconds);

    // 5. loaded: the quiet tenant reads while the busy ones run billing
    System.out.printf(Locale.ROOT, "  loaded: %d billing runs posted at once%n", tenants);
    Reader loaded = new Reader(quiet, pauseMs);
    ExecutorService pool = Executors.newFixedThreadPool(tenants + 1);
    List<Run> runs = new ArrayList<>();
    try {
      Future<?> reading = pool.submit(loaded::readUntilStopped);
      long posted = System.nanoTime();
      List<Future<Run>> futures = new ArrayList<>();
      for (BillingFixture tenant : busy) {
        futures.add(pool.submit(() -> Run.of(tenant, posted)));
      }
      for (Future<Run> f : futures) {
        runs.add(f.get());
      }
      loaded.stop();
      reading.get();
    } finally {
      loaded.stop();
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
    long start = runs.get(0).posted;
    long end = runs.stream().mapToLong(r -> r.completed).max().orElseThrow();
    int refusals = runs.stream().mapToInt(r -> r.refusals).sum();
    List<Double> during = loaded.between(start, end);

    // 6. idle again
    System.out.printf(Locale.ROOT, "  idle again: quiet tenant reads for %d s%n", seconds);
    Reader after = new Reader(quiet, pauseMs);
    after.readFor(seconds);

    // the report
    double idle50 = percentile(idle.latencies(), 50);
    double idle95 = percentile(idle.latencies(), 95);
    double loaded50 = percentile(during, 50);
    double loaded95 = percentile(during, 95);
    double ratio50 = loaded50 / idle50;
    double ratio95 = loaded95 / idle95;
    long bills = 0;
    for (Run r : runs) {
      bills += r.bills;
    }
    double window = (end - start) / 1e9;
    System.out.println();
    System.out.println("| measure | value |");
    System.out.println("|---|---|");
    System.out.printf(
        Locale.ROOT,
        "| quiet tenant `GET %s`, idle: p50 / p95 | %.1f / %.1f ms (%d reads) |%n",
        READ,
        idle50,
        idle95,
        idle.latencies().size());
    System.out.printf(
        Locale.ROOT,
        "| %d busy tenants' billing runs, posted at once | %,d bills in %.1f s (%,.0f bills/s);"
            + " longest run %.1f s, shortest %.1f s; %d posts refused for now and retried |%n",
        runs.size(),
        bills,
        window,
        bills / window,
        runs.stream().mapToDouble(Run::seconds).max().orElseThrow(),
        runs.stream().mapToDouble(Run::seconds).min().orElseThrow(),
        refusals);
    System.out.printf(
        Locale.ROOT,
        "| quiet tenant, while the runs go on: p50 / p95 | %.1f / %.1f ms (%d reads) |%n",
        loaded50,
        loaded95,
        during.size());
    System.out.printf(
        Locale.ROOT,
        "| runs executing at once (server's start and finish times) | at most %d; longest wait in"
            + " the queue %.1f s |%n",
        mostAtOnce(runs),
        runs.stream().mapToDouble(r -> r.queuedSeconds).max().orElseThrow());
    System.out.printf(
        Locale.ROOT,
        "| ratio loaded / idle, p50 and p95 | **%.2f** and **%.2f** (target ≤ %.1f: %s) |%n",
        ratio50,
        ratio95,
        TARGET,
        ratio50 <= TARGET && ratio95 <= TARGET ? "met" : "NOT met");
    System.out.printf(
        Locale.ROOT,
        "| quiet tenant, idle again: p50 / p95 | %.1f / %.1f ms (%d reads) |%n",
        percentile(after.latencies(), 50),
        percentile(after.latencies(), 95),
        after.latencies().size());
    if (window < 3) {
      System.out.println(
          "note: the runs took less than 3 s together; raise --rooms so that they overlap longer.");
    }
    return ratio50 <= TARGET && ratio95 <= TARGET;
  }

  /** One busy tenant's billing run: posted (again while refused), then followed to its end. */
  private static final class Run {
    final long posted;
    long completed;
    int refusals;
    int bills;
    Instant started;
    Instant finished;
    double queuedSeconds;

    private Run(long posted) {
      this.posted = posted;
    }

    double seconds() {
      return (completed - posted) / 1e9;
    }

    static Run of(BillingFixture tenant, long posted) throws Exception {
      Run run = new Run(posted);
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      long id;
      while (true) {
        HttpResponse<String> r = tenant.postRun();
        if (r.statusCode() == 202) {
          id = BenchHttp.JSON.readTree(r.body()).path("id").asLong();
          break;
        }
        if ((r.statusCode() != 429 && r.statusCode() != 503) || System.nanoTime() > deadline) {
          throw new IllegalStateException(
              tenant.slug + ": POST /billing/runs: " + r.statusCode() + " " + r.body());
        }
        run.refusals++;
        Thread.sleep(retryAfterMillis(r));
      }
      while (true) {
        JsonNode state = tenant.run(id);
        if (BillingFixture.done(state)) {
          run.completed = System.nanoTime();
          run.bills = state.path("billsCreated").asInt();
          run.started = Instant.parse(state.path("startedAt").asText());
          run.finished = Instant.parse(state.path("finishedAt").asText());
          // postedAt is there once runs are queued; before, a run started when it was posted
          String postedAt = state.path("postedAt").asText(state.path("startedAt").asText());
          run.queuedSeconds =
              Duration.between(Instant.parse(postedAt), run.started).toMillis() / 1000.0;
          if (run.bills != tenant.rooms) {
            throw new IllegalStateException(
                tenant.slug + ": the run created " + run.bills + " bills, not " + tenant.rooms);
          }
          return run;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(tenant.slug + ": run " + id + " still not completed");
        }
        Thread.sleep(250);
      }
    }
  }

  /**
   * Vacuums and analyzes the database and writes out its dirty pages, so that neither autovacuum
   * nor a checkpoint left over from the imports falls into the idle reads.
   */
  private static void settle(BenchSupport.Database db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("VACUUM (ANALYZE)");
      try {
        s.execute("CHECKPOINT");
      } catch (SQLException e) {
        System.out.println("  note: CHECKPOINT refused (" + e.getMessage() + ")");
      }
    }
  }

  /** The most runs that executed at the same time, by the server's own start and finish times. */
  private static int mostAtOnce(List<Run> runs) {
    int most = 0;
    for (Run r : runs) {
      int atOnce = 0;
      for (Run other : runs) {
        if (!other.started.isAfter(r.started) && other.finished.isAfter(r.started)) {
          atOnce++;
        }
      }
      most = Math.max(most, atOnce);
    }
    return most;
  }

  /** The answer's {@code Retry-After} in seconds, between 0.1 and 10 s; 1 s without one. */
  private static long retryAfterMillis(HttpResponse<String> r) {
    String value = r.headers().firstValue("Retry-After").orElse("1");
    long seconds;
    try {
      seconds = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      seconds = 1;
    }
    return Math.max(100, Math.min(seconds * 1000, 10_000));
  }

  /** The quiet tenant's reads, one after another with a pause between them. */
  private final class Reader {
    private final BillingFixture tenant;
    private final int pauseMs;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private final ConcurrentLinkedQueue<Read> reads = new ConcurrentLinkedQueue<>();

    Reader(BillingFixture tenant, int pauseMs) {
      this.tenant = tenant;
      this.pauseMs = pauseMs;
    }

    void readFor(int seconds) throws Exception {
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < end) {
        readOnce();
      }
    }

    Void readUntilStopped() throws Exception {
      while (!stopped.get()) {
        readOnce();
      }
      return null;
    }

    void stop() {
      stopped.set(true);
    }

    private void readOnce() throws Exception {
      long start = System.nanoTime();
      HttpResponse<String> r = http.request("GET", READ, tenant.auth, null);
      double ms = (System.nanoTime() - start) / 1e6;
      BenchHttp.expect(r, 200, "the quiet tenant's GET " + READ);
      reads.add(new Read(start, ms));
      if (pauseMs > 0) {
        Thread.sleep(pauseMs);
      }
    }

    List<Double> latencies() {
      return between(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Latencies of the reads that started between {@code from} and {@code to} (nanoTime). */
    List<Double> between(long from, long to) {
      List<Double> out = new ArrayList<>();
      for (Read read : reads) {
        if (read.start() >= from && read.start() <= to) {
          out.add(read.millis());
        }
      }
      return out;
    }
  }

  /** One read: when it started ({@link System#nanoTime()}) and how long it took. */
  private record Read(long start, double millis) {}

  /** Nearest-rank percentile; NaN for no values. */
  private static double percentile(List<Double> values, int p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
