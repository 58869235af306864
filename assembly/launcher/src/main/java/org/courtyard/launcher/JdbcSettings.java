package org.courtyard.launcher;

import java.util.Objects;
import java.util.Properties;

/** How the platform reaches its database; written to {@code etc/org.courtyard.db.cfg}. */
record JdbcSettings(String url, String user, String password) {

  JdbcSettings {
    Objects.requireNonNull(url);
    Objects.requireNonNull(user);
    Objects.requireNonNull(password);
  }

  /**
   * Connection properties for {@link java.sql.DriverManager}; empty user/password are left to the
   * driver.
   */
  Properties connectionProperties() {
    Properties properties = new Properties();
    if (!user.isEmpty()) {
      properties.setProperty("user", user);
    }
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    // Fail in seconds, not after the OS TCP timeout, when the server is not there.
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("loginTimeout", "10");
    return properties;
  }

  @Override
  public String toString() {
    return "JdbcSettings[url=" + JdbcUrls.redact(url) + ", user=" + user + "]";
  }
}
