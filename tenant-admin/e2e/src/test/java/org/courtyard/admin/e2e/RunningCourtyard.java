package org.courtyard.admin.e2e;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution, running as the developer runs it: unpacked, started by its launcher as a
 * child process on free ports, with a database of its own (on the machine's PostgreSQL at
 * 127.0.0.1:5432 when it answers, else the launcher's embedded one). Stopped with its whole process
 * tree, also by a shutdown hook if the test JVM is killed.
 */
final class RunningCourtyard implements AutoCloseable {

  private static final String ADMIN_DB = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  private final Process launcher;
  private final int httpPort;
  private final int mqttPort;
  private final Path home;
  private final String database;
  private final Thread hook;

  private RunningCourtyard(
      Process launcher, int httpPort, int mqttPort, Path home, String database) {
    this.launcher = launcher;
    this.httpPort = httpPort;
    this.mqttPort = mqttPort;
    this.home = home;
    this.database = database;
    this.hook = new Thread(this::stop, "stop-courtyard");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  private static RunningCourtyard shared;

  /**
   * One Courtyard from the built distribution for every test class of this module (starting one
   * takes half a minute); it stops when the test JVM exits.
   */
  static synchronized RunningCourtyard shared() throws Exception {
    if (shared == null) {
      shared =
          start(
              Path.of(System.getProperty("courtyard.distribution")),
              Path.of(System.getProperty("courtyard.e2e.dir")),
              Duration.ofSeconds(240));
    }
    return shared;
  }

  static RunningCourtyard start(Path tarball, Path workDir, Duration timeout) throws Exception {
    deleteTree(workDir);
    Path runtime = Files.createDirectories(workDir.resolve("runtime"));
    Path home = Files.createDirectories(workDir.resolve("home"));
    run(
        List.of(
            "tar", "-xzf", tarball.toString(), "-C", runtime.toString(), "--strip-components=1"));

    int httpPort = freePort();
    int mqttPort = freePort();
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("COURTYARD_") || k.equals("TENANT_ADMIN_PORT"));
    env.put("COURTYARD_KARAF", runtime.toString());
    env.put("COURTYARD_HOME", home.toString());
    env.put("COURTYARD_HTTP_PORT", String.valueOf(httpPort));
    env.put("COURTYARD_MQTT_PORT", String.valueOf(mqttPort));
    String database = null;
    if (reachable(5432)) {
      database = "courtyard_e2e_" + Long.toString(System.currentTimeMillis(), 36);
      try (Connection c = DriverManager.getConnection(ADMIN_DB);
          Statement s = c.createStatement()) {
        s.execute("create database " + database);
      }
      env.put("COURTYARD_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
      env.put("COURTYARD_DB_USER", "postgres");
    } else {
      env.put("COURTYARD_DB_PORT", String.valueOf(freePort()));
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                runtime.resolve("lib").resolve("launcher") + "/*",
                "org.courtyard.launcher.Launcher")
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("launcher.log").toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    RunningCourtyard courtyard =
        new RunningCourtyard(builder.start(), httpPort, mqttPort, home, database);
    try {
      courtyard.awaitReady(timeout, workDir.resolve("launcher.log"));
    } catch (Exception | AssertionError e) {
      courtyard.close();
      throw e;
    }
    return courtyard;
  }

  String apiUrl() {
    return "http://127.0.0.1:" + httpPort + "/api/v1";
  }

  /** The embedded MQTT broker's address, where devices connect. */
  String mqttUrl() {
    return "tcp://127.0.0.1:" + mqttPort;
  }

  String operatorPassword() throws IOException {
    return Files.readString(home.resolve("operator-password.txt"), StandardCharsets.UTF_8).strip();
  }

  private void awaitReady(Duration timeout, Path log) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ping =
        HttpRequest.newBuilder(URI.create(apiUrl() + "/ping"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!launcher.isAlive()) {
        throw new AssertionError(
            "the launcher exited with " + launcher.exitValue() + ":\n" + tail(log));
      }
      try {
        if (client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && Files.isRegularFile(home.resolve("operator-password.txt"))) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Courtyard did not answer within " + timeout + ":\n" + tail(log));
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }

  /** SIGTERM to the launcher (it stops Karaf and PostgreSQL), then kills whatever is left. */
  private synchronized void stop() {
    List<ProcessHandle> tree = launcher.descendants().toList();
    if (launcher.isAlive()) {
      launcher.destroy();
      try {
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
          launcher.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        launcher.destroyForcibly();
      }
    }
    Stream.concat(tree.stream(), launcher.descendants())
        .filter(ProcessHandle::isAlive)
        .forEach(ProcessHandle::destroyForcibly);
    if (database != null) {
      try (Connection c = DriverManager.getConnection(ADMIN_DB);
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + database + " with (force)");
      } catch (SQLException e) {
        // best effort: a leftover test database is harmless
      }
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed with " + p.exitValue());
    }
  }

  private static boolean reachable(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
