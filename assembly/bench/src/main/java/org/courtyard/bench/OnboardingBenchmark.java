package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The onboarding benchmark: starts the real distribution with the launcher, then measures
 *
 * <ul>
 *   <li>onboarding: N tenants created with {@code estate} enabled, time per tenant (median, p95);
 *   <li>hot-enable: enabling estate for an existing tenant, from the request until the module's
 *       endpoint answers 200 (the first enable, which installs the feature, reported apart);
 *   <li>throughput of a DB-backed {@code GET /estate/rooms} against the bare {@code GET /ping} on
 *       the same container, same client and same concurrency, as a ratio;
 *   <li>what the operator console polls: {@code GET /operator/stats} (every tenant's figures) and
 *       {@code GET /operator/health}, against the same ping.
 * </ul>
 *
 * Usage: {@code ./courtyard bench onboarding [--tenants 50] [--seconds 10] [--threads 4]}
 */
public final class OnboardingBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private String base;
  private String operatorAuth;

  public static void main(String[] args) throws Exception {
    int tenants = intArg(args, "--tenants", 50);
    int seconds = intArg(args, "--seconds", 10);
    int threads = intArg(args, "--threads", 4);
    String distribution = stringArg(args, "--karaf", null);
    if (distribution == null) {
      System.err.println(
          "usage: OnboardingBenchmark --karaf <unpacked distribution> [--tenants N] [--seconds S] [--threads T]");
      System.exit(2);
    }
    new OnboardingBenchmark().run(Paths.get(distribution), tenants, seconds, threads);
  }

  private void run(Path karaf, int tenants, int seconds, int threads) throws Exception {
    Path home = Files.createTempDirectory("courtyard-bench");
    int port = freePort();
    String db = database();
    Process courtyard = start(karaf, home, port, db);
    try {
      base = "http://127.0.0.1:" + port + "/api/v1";
      operatorAuth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      ("operator:" + Files.readString(home.resolve("operator-password.txt")).trim())
                          .getBytes(StandardCharsets.UTF_8));
      System.out.printf(
          Locale.ROOT,
          "Courtyard onboarding benchmark: %d tenants, %d s per throughput run, %d client threads, %d cores%n",
          tenants,
          seconds,
          threads,
          Runtime.getRuntime().availableProcessors());
      System.out.println(
          "Database: "
              + (db == null
                  ? "embedded PostgreSQL (launcher default)"
                  : db.replaceAll("\\?.*", "")));

      // 1. hot-enable: the first enable installs the module's feature
      String firstToken = onboard("bench_first", false).path("adminToken").asText();
      double firstInstallMs = enableAndAwait("bench_first", firstToken);

      // 2. onboarding with estate enabled, N tenants
      List<Double> onboarding = new ArrayList<>();
      String token = null;
      for (int i = 0; i < tenants; i++) {
        long start = System.nanoTime();
        JsonNode created = onboard(String.format(Locale.ROOT, "bench_%03d", i), true);
        onboarding.add((System.nanoTime() - start) / 1e6);
        if (token == null) {
          token = created.path("adminToken").asText();
        }
        if ((i + 1) % 10 == 0) {
          System.out.printf(Locale.ROOT, "  onboarded %d/%d%n", i + 1, tenants);
        }
      }

      // 3. hot-enable on tenants that exist already (module bundles installed)
      List<Double> enable = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String slug = String.format(Locale.ROOT, "bench_enable_%02d", i);
        String t = onboard(slug, false).path("adminToken").asText();
        enable.add(enableAndAwait(slug, t));
      }

      // 4. throughput: bare ping vs DB-backed room list on the same container
      seedRooms(token);
      String auth = "Bearer " + token;
      System.out.println("  warming up the JIT on both endpoints");
      throughput("/ping", null, 5, threads);
      throughput("/estate/rooms?limit=20", auth, 5, threads);
      double ping = throughput("/ping", null, seconds, threads);
      double rooms = throughput("/estate/rooms?limit=20", auth, seconds, threads);

      // 5. what the operator console polls: every tenant's figures, and the health of the parts
      int all = tenants + 21;
      throughput("/operator/stats", operatorAuth, 3, threads);
      double stats = throughput("/operator/stats", operatorAuth, seconds, threads);
      double health = throughput("/operator/health", operatorAuth, seconds, threads);

      System.out.println();
      System.out.println("| measure | value |");
      System.out.println("|---|---|");
      System.out.printf(
          Locale.ROOT,
          "| onboarding with estate, median (N=%d) | %.0f ms |%n",
          tenants,
          percentile(onboarding, 50));
      System.out.printf(
          Locale.ROOT, "| onboarding with estate, p95 | %.0f ms |%n", percentile(onboarding, 95));
      System.out.printf(
          Locale.ROOT, "| hot-enable, first (installs the feature) | %.0f ms |%n", firstInstallMs);
      System.out.printf(
          Locale.ROOT,
          "| hot-enable, median / p95 (N=20) | %.0f / %.0f ms |%n",
          percentile(enable, 50),
          percentile(enable, 95));
      System.out.printf(Locale.ROOT, "| GET /ping | %.0f req/s |%n", ping);
      System.out.printf(Locale.ROOT, "| GET /estate/rooms?limit=20 | %.0f req/s |%n", rooms);
      System.out.printf(Locale.ROOT, "| ratio rooms / ping | %.2f |%n", rooms / ping);
      System.out.printf(
          Locale.ROOT,
          "| GET /operator/stats (%d tenants, %d with estate) | %.0f req/s, %.1f ms each |%n",
          all,
          tenants,
          stats,
          1000.0 * threads / stats);
      System.out.printf(Locale.ROOT, "| ratio stats / ping | %.3f |%n", stats / ping);
      System.out.printf(
          Locale.ROOT,
          "| GET /operator/health (database and broker checked each time) | %.0f req/s |%n",
          health);
      System.out.printf(Locale.ROOT, "| ratio health / ping | %.2f |%n", health / ping);
    } finally {
      courtyard.destroy();
      courtyard.waitFor();
    }
  }

  private JsonNode onboard(String slug, boolean withEstate) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "slug",
                slug,
                "name",
                "Benchmark " + slug,
                "modules",
                withEstate ? List.of("estate") : List.of()));
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(URI.create(base + "/operator/tenants"))
                .header("Authorization", operatorAuth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (r.statusCode() != 201) {
      throw new IllegalStateException(
          "onboarding " + slug + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** Request to enable, then poll the module endpoint: milliseconds until it answers 200. */
  private double enableAndAwait(String slug, String token) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> r =
        send(
            HttpRequest.newBuilder(
                    URI.create(base + "/operator/tenants/" + slug + "/modules/estate"))
                .header("Authorization", operatorAuth)
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("enable: " + r.statusCode() + " " + r.body());
    }
    while (true) {
      HttpResponse<String> g =
          send(
              HttpRequest.newBuilder(URI.create(base + "/estate/estates"))
                  .header("Authorization", "Bearer " + token)
                  .GET());
      if (g.statusCode() == 200) {
        return (System.nanoTime() - start) / 1e6;
      }
      if (System.nanoTime() - start > 60_000_000_000L) {
        throw new IllegalStateException("estate did not answer: " + g.body());
      }
    }
  }

  private void seedRooms(String token) throws Exception {
    String auth = "Bearer " + token;
    HttpResponse<String> e =
        send(
            json(
                base + "/estate/estates",
                auth,
                Map.of("code", "BENCH", "name", "Benchmark Estate")));
    long estate = JSON.readTree(e.body()).path("id").asLong();
    HttpResponse<String> b =
        send(
            json(
                base + "/estate/buildings",
                auth,
                Map.of("estateId", estate, "code", "B1", "name", "Building 1")));
    long building = JSON.readTree(b.body()).path("id").asLong();
    StringBuilder csv = new StringBuilder("unit,number,floor,area,type\n");
    for (int u = 1; u <= 4; u++) {
      for (int f = 1; f <= 25; f++) {
        csv.append(u)
            .append(',')
            .append(f)
            .append(String.format(Locale.ROOT, "%02d", u))
            .append(',')
            .append(f)
            .append(',')
            .append(60 + f)
            .append(".5,residential\n");
      }
    }
    HttpResponse<String> imported =
        send(
            HttpRequest.newBuilder(
                    URI.create(base + "/estate/buildings/" + building + "/rooms/import"))
                .header("Authorization", auth)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())));
    if (imported.statusCode() != 200) {
      throw new IllegalStateException("seeding rooms: " + imported.body());
    }
  }

  private HttpRequest.Builder json(String url, String auth, Object body) throws IOException {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", auth)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
  }

  /** Closed-loop load: each thread sends the next request when the last one answered. */
  private double throughput(String path, String auth, int seconds, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong ok = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
                if (auth != null) {
                  b.header("Authorization", auth);
                }
                HttpRequest request = b.build();
                while (System.nanoTime() < end) {
                  HttpResponse<String> r =
                      client.send(request, HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
                  }
                  ok.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return ok.get() / ((System.nanoTime() - start) / 1e9);
  }

  private HttpResponse<String> send(HttpRequest.Builder b)
      throws IOException, InterruptedException {
    return client.send(
        b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static double percentile(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  /**
   * A fresh database on the machine's PostgreSQL when it answers, else null (the launcher embeds
   * one).
   */
  private static String database() throws Exception {
    String configured = System.getenv("COURTYARD_DB_URL");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
    } catch (IOException e) {
      return null;
    }
    String name = "courtyard_bench_" + Long.toString(System.currentTimeMillis(), 36);
    try (Connection c =
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        Statement st = c.createStatement()) {
      st.execute("create database " + name);
    }
    return "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres";
  }

  private static Process start(Path karaf, Path home, int port, String db) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            karaf.resolve("lib/launcher") + File.separator + "*",
            "org.courtyard.launcher.Launcher");
    pb.environment().put("COURTYARD_HOME", home.toString());
    pb.environment().put("COURTYARD_KARAF", karaf.toString());
    pb.environment().put("COURTYARD_HTTP_PORT", String.valueOf(port));
    pb.environment().put("COURTYARD_DB_PORT", String.valueOf(freePort()));
    if (db != null) {
      pb.environment().put("COURTYARD_DB_URL", db);
      pb.environment().put("COURTYARD_DB_USER", "postgres");
    }
    Path log = home.resolve("launcher.log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    Process p = pb.start();
    long deadline = System.currentTimeMillis() + 180_000;
    while (!Files.readString(log).contains("Courtyard is up")) {
      if (!p.isAlive() || System.currentTimeMillis() > deadline) {
        p.destroy();
        throw new IllegalStateException("Courtyard did not start: " + Files.readString(log));
      }
      Thread.sleep(250);
    }
    return p;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static int intArg(String[] args, String name, int dflt) {
    String v = stringArg(args, name, null);
    return v == null ? dflt : Integer.parseInt(v);
  }

  private static String stringArg(String[] args, String name, String dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }
}
