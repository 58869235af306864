package org.courtyard.parking.internal;

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
 * A fresh tenant schema with the parking migrations, on the PostgreSQL the tests use:
 * COURTYARD_TEST_DB_URL, else the machine's server on 127.0.0.1:5432, else an embedded one. Each
 * test class gets its own schema, dropped when it closes.
 */
final class TestSchema implements AutoCloseable {

  private static final String[] MIGRATIONS = {
    "V1__parking.sql",
    "V2__parking_tariff.sql",
    "V3__parking_owner.sql",
    "V4__parking_cards_lists.sql",
    "V5__parking_gates.sql",
    "V6__parking_payments.sql",
    "V7__parking_discounts.sql",
    "V8__parking_billed_rent.sql",
    "V9__parking_no_shows.sql",
    "V10__parking_space_sensors.sql"
  };

  private static String admin;

  private final String schema;
  private final PGSimpleDataSource dataSource;

  private TestSchema(String schema, PGSimpleDataSource dataSource) {
    this.schema = schema;
    this.dataSource = dataSource;
  }

  static TestSchema fresh() throws SQLException, IOException {
    String url = server();
    String schema =
        "pk_test_"
            + Long.toString(System.currentTimeMillis(), 36)
            + "_"
            + (int) (Math.random() * 100000);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("create schema " + schema);
      s.execute("set search_path = " + schema);
      String location = new ParkingModule().migrationLocation();
      for (String migration : MIGRATIONS) {
        try (InputStream in =
            ParkingModule.class.getClassLoader().getResourceAsStream(location + "/" + migration)) {
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

  Jdbc jdbc() {
    return new Jdbc(dataSource);
  }

  /** The one long a query answers. */
  long count(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs statements in the schema, outside the code under test. */
  void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
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
    } else if (reachable()) {
      admin = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";
    } else {
      try {
        EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
        admin = "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres?user=postgres";
      } catch (IOException e) {
        throw new IllegalStateException(
            "no PostgreSQL on 127.0.0.1:5432 and the embedded one did not start", e);
      }
    }
    return admin;
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException e) {
      // the JVM is going away
    }
  }

  private static boolean reachable() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
