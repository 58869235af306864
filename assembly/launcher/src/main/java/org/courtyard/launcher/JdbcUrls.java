package org.courtyard.launcher;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** JDBC URLs as they may be shown to a person: without secrets. */
final class JdbcUrls {

  static final String MASK = "***";

  /** Query parameters of the PostgreSQL driver that carry a secret. */
  private static final Set<String> SECRET_PARAMETERS = Set.of("password", "sslpassword");

  private JdbcUrls() {}

  /**
   * Masks a password given in the user-info part ({@code //user:secret@host}) or as a query
   * parameter ({@code ?password=secret}); everything else is returned unchanged.
   */
  static String redact(String url) {
    int query = url.indexOf('?');
    String base = redactUserInfo(query < 0 ? url : url.substring(0, query));
    if (query < 0) {
      return base;
    }
    StringJoiner parameters = new StringJoiner("&");
    for (String parameter : url.substring(query + 1).split("&", -1)) {
      int equals = parameter.indexOf('=');
      String name = equals < 0 ? parameter : parameter.substring(0, equals);
      boolean secret = equals >= 0 && SECRET_PARAMETERS.contains(name.toLowerCase(Locale.ROOT));
      parameters.add(secret ? name + "=" + MASK : parameter);
    }
    return base + "?" + parameters;
  }

  private static String redactUserInfo(String base) {
    int slashes = base.indexOf("//");
    if (slashes < 0) {
      return base;
    }
    int authorityStart = slashes + 2;
    int authorityEnd = base.indexOf('/', authorityStart);
    if (authorityEnd < 0) {
      authorityEnd = base.length();
    }
    String authority = base.substring(authorityStart, authorityEnd);
    int at = authority.lastIndexOf('@');
    int colon = authority.indexOf(':');
    if (at < 0 || colon < 0 || colon > at) {
      return base;
    }
    return base.substring(0, authorityStart)
        + authority.substring(0, colon + 1)
        + MASK
        + authority.substring(at)
        + base.substring(authorityEnd);
  }
}
