package org.courtyard.persistence.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.courtyard.api.HealthCheck;
import org.courtyard.persistence.PlatformDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The operator's view of the database: a round trip through the pool. */
@Component(service = HealthCheck.class)
public final class DatabaseHealth implements HealthCheck {

  private final PlatformDatabase db;

  @Activate
  public DatabaseHealth(@Reference PlatformDatabase db) {
    this.db = db;
  }

  @Override
  public String component() {
    return "database";
  }

  @Override
  public Result check() {
    try (Connection c = db.platform().getConnection();
        Statement st = c.createStatement()) {
      st.setQueryTimeout(2);
      try (ResultSet rs =
          st.executeQuery(
              "select current_setting('server_version'),"
                  + " (select count(*) from pg_stat_activity where datname = current_database())")) {
        rs.next();
        return Result.up(
            "PostgreSQL "
                + rs.getString(1)
                + " at "
                + db.describe()
                + ", "
                + rs.getLong(2)
                + " connections");
      }
    } catch (SQLException | RuntimeException e) {
      return Result.down(db.describe() + ": " + e.getMessage());
    }
  }
}
