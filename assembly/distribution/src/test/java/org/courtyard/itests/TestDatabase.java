package org.courtyard.itests;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the integration tests use, decided on the test-driver side: the machine's server
 * on 127.0.0.1:5432 when it answers (or COURTYARD_TEST_DB_URL), otherwise an embedded one. Each
 * test run gets a database of its own so runs never see each other's tenants.
 */
final class TestDatabase {

  private static String admin;
  private static EmbeddedPostgres embedded;

  private TestDatabase() {}

  /**
   * A new, empty database: each container (and so each first-run operator password) gets its own.
   */
  static synchronized String fresh() {
    if (admin == null) {
      admin = server();
    }
    String db =
        "courtyard_it_"
            + Long.toString(System.currentTimeMillis(), 36)
            + "_"
            + (int) (Math.random() * 10000);
    try (Connection c = DriverManager.getConnection(admin);
        Statement s = c.createStatement()) {
      s.execute("create database " + db);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database on " + admin, e);
    }
    return admin.replace("/postgres?", "/" + db + "?");
  }

  private static String server() {
    String configured = System.getenv("COURTYARD_TEST_DB_URL");
    String admin;
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
