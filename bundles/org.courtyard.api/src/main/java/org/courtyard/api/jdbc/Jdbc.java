package org.courtyard.api.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import javax.sql.DataSource;
import org.courtyard.api.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain JDBC on the tenant's DataSource, whose connections are bound to the tenant's schema. A
 * transaction commits as a whole or not at all; a {@link ProblemException} thrown inside passes
 * through after the rollback.
 */
public final class Jdbc {

  private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public <T> T transaction(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        try {
          c.rollback();
        } catch (SQLException r) {
          LOG.warn("Rollback failed", r);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  public <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  public static boolean isUniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if ("23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException translate(SQLException e) {
    String state = e.getSQLState();
    if ("40001".equals(state) || "40P01".equals(state)) {
      return ProblemException.conflict(
          "concurrent-update",
          "Concurrent update",
          "Another request changed the same records at the same moment; nothing was saved. Try"
              + " again.");
    }
    return new IllegalStateException("database error (SQLState " + state + ")", e);
  }

  public static Array bigints(Connection c, Collection<Long> values) throws SQLException {
    return c.createArrayOf("bigint", values.toArray(new Long[0]));
  }

  public static Array ints(Connection c, Collection<Integer> values) throws SQLException {
    return c.createArrayOf("int4", values.toArray(new Integer[0]));
  }

  /**
   * Decimals and uuids travel as text arrays and are cast in SQL: exact, and portable across
   * drivers.
   */
  public static Array texts(Connection c, Collection<?> values) throws SQLException {
    return c.createArrayOf(
        "text",
        values.stream()
            .map(
                v ->
                    v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString())
            .toArray(String[]::new));
  }

  public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  public static Long getLong(java.sql.ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  public static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }
}
