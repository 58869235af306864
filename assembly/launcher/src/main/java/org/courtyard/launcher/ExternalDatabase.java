package org.courtyard.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.courtyard.launcher.LaunchSettings.ExternalDatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL the user runs, chosen with {@code COURTYARD_DB_URL}: checked, never started or
 * stopped.
 */
final class ExternalDatabase implements Database {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalDatabase.class);

  private final JdbcSettings jdbc;
  private final String serverVersion;

  private ExternalDatabase(JdbcSettings jdbc, String serverVersion) {
    this.jdbc = jdbc;
    this.serverVersion = serverVersion;
  }

  static ExternalDatabase connect(ExternalDatabaseSettings settings) throws LaunchException {
    JdbcSettings jdbc = new JdbcSettings(settings.url(), settings.user(), settings.password());
    LOG.info("Checking the database at {}", JdbcUrls.redact(jdbc.url()));
    try (Connection connection =
        DriverManager.getConnection(jdbc.url(), jdbc.connectionProperties())) {
      return new ExternalDatabase(jdbc, connection.getMetaData().getDatabaseProductVersion());
    } catch (SQLException e) {
      throw new LaunchException(
          "Cannot connect to "
              + LaunchSettings.DB_URL
              + "="
              + JdbcUrls.redact(jdbc.url())
              + (jdbc.user().isEmpty() ? "" : " as user '" + jdbc.user() + "'")
              + ": "
              + e.getMessage()
              + "\nCheck "
              + LaunchSettings.DB_URL
              + ", "
              + LaunchSettings.DB_USER
              + " and "
              + LaunchSettings.DB_PASSWORD
              + ", or unset "
              + LaunchSettings.DB_URL
              + " to use the embedded PostgreSQL.",
          e);
    }
  }

  @Override
  public JdbcSettings jdbc() {
    return jdbc;
  }

  @Override
  public String description() {
    return describe(serverVersion, jdbc.url());
  }

  static String describe(String serverVersion, String url) {
    return "external PostgreSQL " + serverVersion + " at " + JdbcUrls.redact(url);
  }

  @Override
  public void close() {
    // Not ours to stop.
  }
}
