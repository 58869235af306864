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
import java.util.Optional;
import javax.sql.DataSource;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RequestAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain JDBC on the tenant's DataSource, whose connections are bound to the tenant's schema. A
 * transaction commits as a whole or not at all; a {@link ProblemException} thrown inside passes
 * through after the rollback, and a statement cancelled at the statement timeout, a lock timeout, a
 * deadlock or a serialization conflict become the problems {@link TransientFailures} gives them.
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
        Optional<RequestAudit> audit = RequestAudit.writePending(c);
        c.commit();
        audit.ifPresent(RequestAudit::committed);
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(c);
        throw translate(e, c);
      } catch (Error e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      throw translate(e, null);
    }
  }

  public <T> T read(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      try {
        return work.apply(c);
      } catch (SQLException | RuntimeException e) {
        // work may have begun a transaction; once failed, nothing more can be read on c in it
        rollback(c);
        throw translate(e, c);
      }
    } catch (SQLException e) {
      throw translate(e, null);
    }
  }

  private static void rollback(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException r) {
      LOG.warn("Rollback failed", r);
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

  /**
   * A failure of {@code work} as the caller should see it: a {@link ProblemException} as it is, a
   * transient failure (statement or lock timeout, deadlock, serialization conflict) as {@link
   * TransientFailures} answers it, with the statement timeout read from {@code connection} (after
   * the rollback; null when there is none); anything else as it was, an SQLException wrapped.
   */
  private static RuntimeException translate(Exception e, Connection connection) {
    if (e instanceof ProblemException problem) {
      return problem;
    }
    if (TransientFailures.sqlState(e) != null) {
      LOG.debug("Transient database failure", e);
      return TransientFailures.problem(
          e, connection == null ? -1 : TransientFailures.statementTimeoutMs(connection));
    }
    if (e instanceof SQLException sql) {
      return new IllegalStateException("database error (SQLState " + sql.getSQLState() + ")", e);
    }
    return (RuntimeException) e;
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
