package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * End-to-end device ingest against the broker's own ceiling, in the same run, for the embedded
 * broker and for Mosquitto:
 *
 * <ul>
 *   <li><b>baseline</b>: N simulated devices publish QoS 1 readings to a plain broker of the same
 *       kind (Moquette in this JVM, or a private mosquitto), and one subscriber only counts them;
 *   <li><b>end to end</b>: the same devices, registered in Courtyard across several tenants,
 *       publish the same readings through Courtyard's broker (embedded, or the external mosquitto
 *       with dynamic-security accounts); the figure is the rate at which the gateway has them
 *       decoded by the vendor driver and stored in the tenants' schemas.
 * </ul>
 *
 * It reports both rates, their ratio (target ≥ 0.5) and the machine's CPU use during each. It needs
 * a PostgreSQL it can reach (127.0.0.1:5432 or {@code COURTYARD_DB_URL}); the Mosquitto part needs
 * the mosquitto binaries and is skipped without them.
 *
 * <p>Usage: {@code ./courtyard bench ingest [--devices 200] [--tenants 4] [--messages 100000]
 * [--broker embedded|mosquitto|both] [--inflight 32]}
 */
public final class IngestBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");
  private static final Path MOSQUITTO_CTRL = Path.of("/usr/bin/mosquitto_ctrl");
  private static final Path DYNSEC =
      Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Path karaf;
  private final int devices;
  private final int tenants;
  private final int perDevice;
  private final int inflight;

  /** One simulated device: its login (null for the plain broker) and its topic. */
  private record Device(String username, String password, String topic) {}

  /** What one phase measured. */
  private record Run(double seconds, long messages, double cpuPercent) {
    double rate() {
      return messages / seconds;
    }
  }

  private IngestBenchmark(Path karaf, int devices, int tenants, int perDevice, int inflight) {
    this.karaf = karaf;
    this.devices = devices;
    this.tenants = tenants;
    this.perDevice = perDevice;
    this.inflight = inflight;
  }

  public static void main(String[] args) throws Exception {
    // Moquette (the baseline's plain broker) logs every start and stop at INFO
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    String distribution = BenchSupport.stringArg(args, "--karaf", null);
    int devices = BenchSupport.intArg(args, "--devices", 200);
    int tenants = BenchSupport.intArg(args, "--tenants", 4);
    int messages = BenchSupport.intArg(args, "--messages", 100_000);
    int inflight = BenchSupport.intArg(args, "--inflight", 32);
    String broker = BenchSupport.stringArg(args, "--broker", "both");
    if (distribution == null || devices < tenants || tenants < 1 || messages < devices) {
      System.err.println(
          "usage: IngestBenchmark --karaf <unpacked distribution> [--devices 200] [--tenants 4]"
              + " [--messages 100000] [--broker embedded|mosquitto|both] [--inflight 32]");
      System.exit(2);
    }
    boolean mosquitto =
        Files.isExecutable(MOSQUITTO) && Files.isExecutable(MOSQUITTO_CTRL) && Files.exists(DYNSEC);
    IngestBenchmark bench =
        new IngestBenchmark(Path.of(distribution), devices, tenants, messages / devices, inflight);
    System.out.printf(
        Locale.ROOT,
        "Courtyard ingest benchmark: %d devices in %d tenants, %,d QoS 1 readings each run, %d in"
            + " flight per device, %d cores%n",
        devices,
        tenants,
        (long) devices * (messages / devices),
        inflight,
        Runtime.getRuntime().availableProcessors());
    Map<String, Run[]> results = new LinkedHashMap<>();
    try {
      if (!broker.equals("mosquitto")) {
        results.put("embedded (Moquette 0.17)", bench.embedded());
      }
      if (!broker.equals("embedded")) {
        if (mosquitto) {
          results.put("Mosquitto " + mosquittoVersion() + " (dynsec)", bench.mosquitto());
        } else {
          System.out.println("Mosquitto: no mosquitto binaries here; skipped");
        }
      }
    } catch (IllegalStateException e) {
      System.err.println("ingest benchmark: " + e.getMessage());
      System.exit(1);
    }
    System.out.println();
    System.out.println(
        "| broker | baseline: plain broker, counting subscriber | end to end: decoded and stored | ratio |");
    System.out.println("|---|---|---|---|");
    results.forEach(
        (name, r) ->
            System.out.printf(
                Locale.ROOT,
                "| %s | %,.0f msg/s (CPU %.0f%%) | %,.0f msg/s (CPU %.0f%%) | %.2f (target ≥ 0.50: %s) |%n",
                name,
                r[0].rate(),
                r[0].cpuPercent(),
                r[1].rate(),
                r[1].cpuPercent(),
                r[1].rate() / r[0].rate(),
                r[1].rate() / r[0].rate() >= 0.5 ? "met" : "NOT met"));
  }

  // ------------------------------------------------------------------------------ embedded

  private Run[] embedded() throws Exception {
    System.out.println("embedded broker");
    int port = BenchSupport.freePort();
    Path data = Files.createTempDirectory("courtyard-bench-moquette");
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(port));
    p.setProperty("persistence_enabled", "true");
    p.setProperty("data_path", data.toString());
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("allow_anonymous", "true");
    p.setProperty("netty.mqtt.message_size", "65536");
    // as Courtyard's embedded broker: Moquette's default queue (1024) drops commands under load
    p.setProperty("session_queue_size", "65536");
    Server plain = new Server();
    plain.startServer(new MemoryConfig(p));
    Run baseline;
    try {
      baseline = baseline("tcp://127.0.0.1:" + port);
    } finally {
      plain.stopServer();
    }
    int mqttPort = BenchSupport.freePort();
    Run endToEnd =
        throughCourtyard(
            "embedded",
            Map.of("COURTYARD_MQTT_PORT", Integer.toString(mqttPort)),
            null,
            "tcp://127.0.0.1:" + mqttPort);
    return new Run[] {baseline, endToEnd};
  }

  // ----------------------------------------------------------------------------- mosquitto

  private Run[] mosquitto() throws Exception {
    System.out.println("Mosquitto");
    Run baseline;
    Mosquitto plain = Mosquitto.start(false);
    try {
      baseline = baseline("tcp://127.0.0.1:" + plain.port);
    } finally {
      plain.stop();
    }
    Mosquitto secured = Mosquitto.start(true);
    try {
      String cfg =
          "mode=external\nurl=tcp://127.0.0.1:"
              + secured.port
              + "\nadminUsername="
              + Mosquitto.ADMIN
              + "\nadminPassword="
              + secured.adminPassword
              + "\n";
      Run endToEnd =
          throughCourtyard("mosquitto", Map.of(), cfg, "tcp://127.0.0.1:" + secured.port);
      return new Run[] {baseline, endToEnd};
    } finally {
      secured.stop();
    }
  }

  private static String mosquittoVersion() {
    try {
      Process p = new ProcessBuilder(MOSQUITTO.toString(), "-h").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("version (\\S+)").matcher(out);
      return m.find() ? m.group(1) : "";
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }

  /** A private mosquitto on a free port: plain (anonymous) or with dynamic security. */
  private static final class Mosquitto {
    static final String ADMIN = "courtyard-admin";
    final int port;
    final String adminPassword;
    private final Process process;

    private Mosquitto(int port, String adminPassword, Process process) {
      this.port = port;
      this.adminPassword = adminPassword;
      this.process = process;
    }

    static Mosquitto start(boolean dynsec) throws Exception {
      Path dir = Files.createTempDirectory("courtyard-bench-mosquitto");
      int port = BenchSupport.freePort();
      String password = Long.toString(System.nanoTime(), 36) + "Aa1";
      List<String> conf =
          new ArrayList<>(
              List.of(
                  "listener " + port + " 127.0.0.1",
                  "persistence false",
                  "max_inflight_messages 100",
                  // a subscriber that falls behind must not lose messages: it is what is measured
                  "max_queued_messages 10000000",
                  "log_type error"));
      if (dynsec) {
        Path file = dir.resolve("dynamic-security.json");
        Process init =
            new ProcessBuilder(
                    MOSQUITTO_CTRL.toString(), "dynsec", "init", file.toString(), ADMIN, password)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("init.log").toFile())
                .start();
        init.waitFor(30, TimeUnit.SECONDS);
        conf.add("allow_anonymous false");
        conf.add("plugin " + DYNSEC);
        conf.add("plugin_opt_config_file " + file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
      } else {
        conf.add("allow_anonymous true");
      }
      Path confFile = dir.resolve("mosquitto.conf");
      Files.write(confFile, conf);
      // started as root, mosquitto runs as user mosquitto: it must read and rewrite these
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
      Files.setPosixFilePermissions(confFile, PosixFilePermissions.fromString("rw-rw-rw-"));
      Process p =
          new ProcessBuilder(MOSQUITTO.toString(), "-c", confFile.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("mosquitto.log").toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
      long deadline = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < deadline) {
        try (Socket s = new Socket("127.0.0.1", port)) {
          return new Mosquitto(port, password, p);
        } catch (IOException e) {
          Thread.sleep(50);
        }
      }
      p.destroyForcibly();
      throw new IllegalStateException(
          "mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
    }

    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  // ------------------------------------------------------------------------------- phases

  /** The devices publish to a plain broker; one subscriber counts what arrives. */
  private Run baseline(String url) throws Exception {
    List<Device> plain = new ArrayList<>();
    for (int i = 0; i < devices; i++) {
      plain.add(new Device(null, null, "t/bench_t" + (i % tenants) + "/d/dev-" + i + "/up"));
    }
    AtomicLong received = new AtomicLong();
    MqttAsyncClient counter = new MqttAsyncClient(url, "bench-counter", new MemoryPersistence());
    counter.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    MqttConnectOptions o = options(null, null);
    o.setMaxInflight(1000);
    counter.connect(o).waitForCompletion(10_000);
    counter.subscribe("t/+/d/+/up", 1).waitForCompletion(10_000);
    try {
      Run r = publish(url, plain, received::get);
      System.out.printf(Locale.ROOT, "  baseline: %,.0f msg/s%n", r.rate());
      return r;
    } finally {
      counter.disconnect().waitForCompletion(5_000);
      counter.close();
    }
  }

  /** The devices, registered in Courtyard, publish through its broker; stored rows are counted. */
  private Run throughCourtyard(String name, Map<String, String> env, String brokerCfg, String url)
      throws Exception {
    BenchSupport.Database db = BenchSupport.Database.create("ingest");
    Path home = Files.createTempDirectory("courtyard-bench-ingest");
    Path runtime = home.resolve("karaf");
    copyTree(karaf, runtime);
    if (brokerCfg != null) {
      Files.writeString(runtime.resolve("etc/org.courtyard.broker.cfg"), brokerCfg);
    }
    int port = BenchSupport.freePort();
    Process courtyard = null;
    try {
      courtyard = BenchSupport.start(runtime, home, port, db, env);
      String base = "http://127.0.0.1:" + port + "/api/v1";
      String operator =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      ("operator:" + Files.readString(home.resolve("operator-password.txt")).trim())
                          .getBytes(StandardCharsets.UTF_8));
      List<Device> registered = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      for (int t = 0; t < tenants; t++) {
        JsonNode tenant =
            call(
                base,
                "POST",
                "/operator/tenants",
                operator,
                Map.of(
                    "slug",
                    "bench_t" + t,
                    "name",
                    "Bench " + t,
                    "modules",
                    List.of("estate", "devices")),
                201);
        tokens.add("Bearer " + tenant.path("adminToken").asText());
      }
      for (int i = 0; i < devices; i++) {
        JsonNode d =
            call(
                base,
                "POST",
                "/devices/devices",
                tokens.get(i % tenants),
                Map.of(
                    "id",
                    "dev-" + i,
                    "type",
                    "water-meter",
                    "name",
                    "Meter " + i,
                    "location",
                    Map.of("kind", "area", "ref", "Plant room")),
                201);
        registered.add(
            new Device(
                d.path("mqtt").path("username").asText(),
                d.path("mqtt").path("password").asText(),
                d.path("mqtt").path("publishTopic").asText()));
      }
      long before = stored(base, operator);
      LongSupplier stored =
          () -> {
            try {
              return stored(base, operator) - before;
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      Run r = publish(url, registered, stored);
      System.out.printf(Locale.ROOT, "  end to end (%s): %,.0f msg/s%n", name, r.rate());
      return r;
    } finally {
      if (courtyard != null) {
        courtyard.destroy();
        courtyard.waitFor();
      }
      db.drop();
    }
  }

  private long stored(String base, String operator) throws Exception {
    return call(base, "GET", "/operator/drivers/gateway", operator, null, 200)
        .path("stored")
        .asLong();
  }

  /**
   * Connects every device, publishes a tenth of the readings as a warm-up (both sides' JIT and
   * caches), then measures the rest: {@code perDevice} readings from each device in all, QoS 1,
   * with up to {@code inflight} unacknowledged per device, until {@code done} reaches the total.
   */
  private Run publish(String url, List<Device> devices, LongSupplier done) throws Exception {
    List<MqttAsyncClient> clients = new ArrayList<>();
    for (int i = 0; i < devices.size(); i++) {
      Device d = devices.get(i);
      MqttAsyncClient c =
          new MqttAsyncClient(
              url, d.username() != null ? d.username() : "bench-" + i, new MemoryPersistence());
      c.connect(options(d.username(), d.password())).waitForCompletion(10_000);
      clients.add(c);
    }
    int warm = Math.max(1, perDevice / 10);
    round(clients, devices, 1, warm, done, (long) devices.size() * warm);
    long before = done.getAsLong();
    long[] cpuBefore = cpu();
    long start = System.nanoTime();
    long seen =
        round(clients, devices, warm + 1, perDevice, done, (long) devices.size() * perDevice);
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] cpuAfter = cpu();
    for (MqttAsyncClient c : clients) {
      try {
        c.disconnect().waitForCompletion(5_000);
        c.close();
      } catch (MqttException e) {
        // the run is measured; a slow goodbye does not matter
      }
    }
    long busy = cpuAfter[0] - cpuBefore[0];
    long all = cpuAfter[1] - cpuBefore[1];
    return new Run(seconds, seen - before, all == 0 ? 0 : 100.0 * busy / all);
  }

  /** Publishes readings {@code from..to} of every device; returns once {@code done} is at total. */
  private long round(
      List<MqttAsyncClient> clients,
      List<Device> devices,
      int from,
      int to,
      LongSupplier done,
      long total)
      throws Exception {
    int threads = Math.min(4, devices.size());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      int first = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  List<Integer> mine = new ArrayList<>();
                  for (int i = first; i < devices.size(); i += threads) {
                    mine.add(i);
                  }
                  Map<Integer, Semaphore> windows = new LinkedHashMap<>();
                  mine.forEach(i -> windows.put(i, new Semaphore(inflight)));
                  long ts = 1764288000L;
                  for (int seq = from; seq <= to; seq++) {
                    for (int i : mine) {
                      Semaphore window = windows.get(i);
                      window.acquire();
                      byte[] payload =
                          ("{\"seq\":"
                                  + seq
                                  + ",\"ts\":"
                                  + (ts + seq)
                                  + ",\"readings\":[{\"type\":\"water\",\"total\":\""
                                  + seq
                                  + ".5\"}]}")
                              .getBytes(StandardCharsets.UTF_8);
                      clients
                          .get(i)
                          .publish(
                              devices.get(i).topic(),
                              payload,
                              1,
                              false,
                              null,
                              new IMqttActionListener() {
                                @Override
                                public void onSuccess(IMqttToken token) {
                                  window.release();
                                }

                                @Override
                                public void onFailure(IMqttToken token, Throwable e) {
                                  failure.compareAndSet(null, e);
                                  window.release();
                                }
                              });
                    }
                  }
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                } finally {
                  finished.countDown();
                }
              },
              "bench-publisher-" + t);
      thread.start();
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    long seen = 0;
    long lastReport = System.nanoTime();
    while ((seen = done.getAsLong()) < total) {
      if (failure.get() != null) {
        throw new IllegalStateException("publishing failed: " + failure.get());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + seen + " of " + total + " messages arrived in 10 minutes");
      }
      if (System.nanoTime() - lastReport > TimeUnit.SECONDS.toNanos(2)) {
        System.out.printf(Locale.ROOT, "    %,d/%,d%n", seen, total);
        lastReport = System.nanoTime();
      }
      Thread.sleep(20);
    }
    finished.await(1, TimeUnit.MINUTES);
    return seen;
  }

  private static MqttConnectOptions options(String username, String password) {
    MqttConnectOptions o = new MqttConnectOptions();
    if (username != null) {
      o.setUserName(username);
      o.setPassword(password.toCharArray());
    }
    o.setCleanSession(true);
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setMaxInflight(1000);
    o.setConnectionTimeout(30);
    o.setKeepAliveInterval(60);
    return o;
  }

  /** Busy and total jiffies of the whole machine, from /proc/stat. */
  private static long[] cpu() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private JsonNode call(
      String base, String method, String path, String auth, Object body, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", auth);
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(method + " " + path + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
