package org.courtyard.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds a list query's parameters in order; a {@code String[]} (a scope's devices) as text[]. */
final class SqlParams {

  private SqlParams() {}

  static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof String[] texts) {
        ps.setArray(i + 1, c.createArrayOf("text", texts));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }
}
