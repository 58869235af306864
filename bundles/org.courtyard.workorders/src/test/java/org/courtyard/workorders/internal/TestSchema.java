package org.courtyard.workorders.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.courtyard.api.jdbc.Jdbc;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh tenant schema with the module's migrations applied, as the platform creates one for a
 * tenant, on the PostgreSQL the tests use: COURTYARD_TEST_DB_URL, else the machine's server on
 * 127.0.0.1:5432, else an embedded one (the choice of the distribution's TestDatabase). Each test
 * class gets its own schema, dropped when it closes.
 */
public final class TestSchema implements AutoCloseable {

  /** The migrations every schema gets: V12 adds the order's alarm, which every order read names. */
  private static final String[] MIGRATIONS = {
    "V1__workorders.sql",
    "V2__workorders_duty.sql",
    "V5__workorders_attachments.sql",
    "V12__workorders_alarm_rules.sql"
  };

  private static String admin;
  private static EmbeddedPostgres embedded;

  private final String schema;
  private final PGSimpleDataSource dataSource;

  private TestSchema(String schema, PGSimpleDataSource dataSource) {
    this.schema = schema;
    this.dataSource = dataSource;
  }

  /** A new schema with the migrations applied. */
  public static TestSchema fresh() throws SQLException, IOException {
    return fresh(new String[0]);
  }

  /** A new schema with the migrations applied, then the named later ones. */
  public static TestSchema fresh(String... later) throws SQLException, IOException {
    String url = server();
    String schema =
        "wo_test_"
            + Long.toString(System.currentTimeMillis(), 36)
            + "_"
            + (int) (Math.random() * 100000);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
      s.execute("set search_path = " + schema);
      String location = new WorkordersModule().migrationLocation();
      java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(MIGRATIONS));
      all.addAll(java.util.List.of(later));
      for (String migration : all) {
        try (InputStream in =
            WorkordersModule.class
                .getClassLoader()
                .getResourceAsStream(location + "/" + migration)) {
          if (in == null) {
            throw new IllegalStateException("no migration " + location + "/" + migration);
          }
          s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(url);
    ds.setCurrentSchema(schema);
    return new TestSchema(schema, ds);
  }

  public Jdbc jdbc() {
    return new Jdbc(dataSource);
  }

  /** Runs statements in the schema, outside the code under test. */
  public void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The one long a query answers. */
  public long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  public Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(server());
        Statement s = c.createStatement()) {
      s.execute("drop schema " + schema + " cascade");
    }
  }

  private static synchronized String server() {
    if (admin != null) {
      return admin;
    }
    String configured = System.getenv("COURTYARD_TEST_DB_URL");
    if (configured != null && !configured.isBlank()) {
      admin = configured;
    } else if (reachable("127.0.0.1", 5432)) {
      admin = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    } else {
      try {
        embedded = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        embedded.close();
                      } catch (IOException e) {
                        // the JVM is going away
                      }
                    }));
      } catch (IOException e) {
        throw new IllegalStateException(
            "no PostgreSQL on 127.0.0.1:5432 and the embedded one did not start", e);
      }
      admin = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres?user=postgres";
    }
    return admin;
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
