package org.courtyard.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every benchmark needs: a database of its own, Courtyard started by its launcher, args. */
final class BenchSupport {

  private BenchSupport() {}

  // ------------------------------------------------------------------------------ database

  /** A database created for this benchmark, on a PostgreSQL the benchmark can reach itself. */
  static final class Database {
    final String url;
    final String name;
    private final String admin;
    private final String user;
    private final String password;

    private Database(String url, String name, String admin, String user, String password) {
      this.url = url;
      this.name = name;
      this.admin = admin;
      this.user = user;
      this.password = password;
    }

    /**
     * Creates the database on the server of {@code COURTYARD_DB_URL}, else on 127.0.0.1:5432.
     *
     * @throws IllegalStateException when neither is there
     */
    static Database create(String purpose) throws Exception {
      String configured = System.getenv("COURTYARD_DB_URL");
      String user = System.getenv().getOrDefault("COURTYARD_DB_USER", "postgres");
      String password = System.getenv("COURTYARD_DB_PASSWORD");
      String admin;
      if (configured != null && !configured.isBlank()) {
        admin = configured.strip();
      } else if (reachable("127.0.0.1", 5432)) {
        admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
      } else {
        throw new IllegalStateException(
            "The "
                + purpose
                + " benchmark needs a PostgreSQL it can reach itself, and none answers on"
                + " 127.0.0.1:5432. Start"
                + " one there, or set COURTYARD_DB_URL (and COURTYARD_DB_USER,"
                + " COURTYARD_DB_PASSWORD) to a server where this user may create databases.");
      }
      Matcher m = Pattern.compile("^(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?$").matcher(admin);
      if (!m.matches()) {
        throw new IllegalStateException(
            "COURTYARD_DB_URL must look like jdbc:postgresql://host:port/database, got "
                + admin.replaceAll("\\?.*", "?…"));
      }
      String name =
          "courtyard_bench_" + purpose + "_" + Long.toString(System.currentTimeMillis(), 36);
      try (Connection c = connect(admin, user, password);
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      String url = m.group(1) + name + (m.group(3) == null ? "" : m.group(3));
      return new Database(url, name, admin, user, password);
    }

    Connection connect() throws SQLException {
      return connect(url, user, password);
    }

    private static Connection connect(String url, String user, String password)
        throws SQLException {
      Properties p = new Properties();
      if (!url.contains("user=")) {
        p.setProperty("user", user);
      }
      if (password != null && !url.contains("password=")) {
        p.setProperty("password", password);
      }
      // the same driver setting the platform's pool uses, so both sides batch alike
      p.setProperty("reWriteBatchedInserts", "true");
      return DriverManager.getConnection(url, p);
    }

    /** For the launcher, which connects with the same settings. */
    void environment(Map<String, String> env) {
      env.put("COURTYARD_DB_URL", url);
      env.put("COURTYARD_DB_USER", user);
      if (password != null) {
        env.put("COURTYARD_DB_PASSWORD", password);
      }
    }

    void drop() {
      try (Connection c = connect(admin, user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + name);
      } catch (SQLException e) {
        System.err.println(
            "Could not drop database " + name + " (" + e.getMessage() + "); drop it by hand.");
      }
    }

    private static boolean reachable(String host, int port) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(host, port), 500);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
  }

  static Process start(Path karaf, Path home, int port, Database db) throws Exception {
    return start(karaf, home, port, db, Map.of());
  }

  /** Starts Courtyard with its launcher and waits for its banner; {@code env} adds variables. */
  static Process start(Path karaf, Path home, int port, Database db, Map<String, String> env)
      throws Exception {
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
    db.environment(pb.environment());
    pb.environment().putAll(env);
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

  /** The nearest-rank percentile {@code p} (0-100) of {@code values}. */
  static double percentile(List<Double> values, double p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
  }

  /** The machine's load average over the last minute, as the report states it. */
  static String load() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static int intArg(String[] args, String name, int dflt) {
    String v = stringArg(args, name, null);
    return v == null ? dflt : Integer.parseInt(v.replace("_", "").replace(",", ""));
  }

  static String stringArg(String[] args, String name, String dflt) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return dflt;
  }

  /**
   * A module's migrations in order, read from its bundle in the distribution's system repository,
   * for a baseline that writes into a copy of the module's tables.
   */
  static List<String> migrations(Path karaf, String module) throws IOException {
    Path dir = karaf.resolve("system/org/courtyard/org.courtyard." + module);
    Path jar = null;
    try (java.nio.file.DirectoryStream<Path> versions = Files.newDirectoryStream(dir)) {
      for (Path v : versions) {
        try (java.nio.file.DirectoryStream<Path> jars = Files.newDirectoryStream(v, "*.jar")) {
          for (Path j : jars) {
            jar = j;
          }
        }
      }
    }
    if (jar == null) {
      throw new IllegalStateException("no " + module + " bundle under " + dir);
    }
    List<String> scripts = new ArrayList<>();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
      List<java.util.zip.ZipEntry> entries = new ArrayList<>();
      zip.stream()
          .filter(e -> e.getName().matches("db/" + module + "/V\\d+__.*\\.sql"))
          .forEach(entries::add);
      entries.sort(
          (a, b) -> Integer.compare(migrationVersion(a.getName()), migrationVersion(b.getName())));
      for (java.util.zip.ZipEntry e : entries) {
        try (java.io.InputStream in = zip.getInputStream(e)) {
          scripts.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    if (scripts.isEmpty()) {
      throw new IllegalStateException(jar + " holds no db/" + module + "/V*.sql");
    }
    return scripts;
  }

  private static int migrationVersion(String name) {
    return Integer.parseInt(name.replaceAll("^.*/V(\\d+)__.*$", "$1"));
  }
}
