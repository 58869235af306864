package org.courtyard.api.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RetryLaterException;
import org.courtyard.api.Texts;

/**
 * Failures of a statement that say nothing wrong about the request, only about the moment: the
 * database cancelled it at the statement timeout (SQLState 57014), found its lock taken past the
 * lock timeout (55P03), or aborted it to break a deadlock or a serialization conflict (40P01,
 * 40001). Each is answered as a problem the client can act on, never as a 500: the waits with 503
 * and {@code Retry-After}, the collisions with 409 (trying again at once is right for those).
 */
public final class TransientFailures {

  private static final Texts TEXTS = Texts.of(TransientFailures.class);

  /** 503: the statement ran into the statement timeout of the tenant's connections. */
  public static final String STATEMENT_TIMEOUT = "statement-timeout";

  /** 503: the statement could not take a lock in time. */
  public static final String LOCK_TIMEOUT = "lock-timeout";

  /** 409: the database aborted the transaction to resolve a deadlock or serialization conflict. */
  public static final String CONCURRENT_UPDATE = "concurrent-update";

  /**
   * Retry-After for a statement timeout whose limit could not be read: the platform's default limit
   * ({@code statementTimeoutMs} of {@code org.courtyard.db}).
   */
  static final long DEFAULT_RETRY_SECONDS = 30;

  /** Bound on walking exception chains, which nothing stops from being circular. */
  private static final int MAX_CHAIN = 32;

  private TransientFailures() {}

  /**
   * The SQLState of the first transient failure found in {@code failure}'s causes and in each
   * SQLException's next-exception chain (persistence providers wrap the driver's exception; a
   * failed JDBC batch reports the failing statement there), or {@code null}.
   */
  public static String sqlState(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_CHAIN; depth++, t = t.getCause()) {
      if (t instanceof SQLException sql) {
        SQLException s = sql;
        for (int next = 0; s != null && next < MAX_CHAIN; next++, s = s.getNextException()) {
          if (isTransient(s.getSQLState())) {
            return s.getSQLState();
          }
        }
      }
    }
    return null;
  }

  static boolean isTransient(String sqlState) {
    return "57014".equals(sqlState)
        || "55P03".equals(sqlState)
        || "40001".equals(sqlState)
        || "40P01".equals(sqlState);
  }

  /**
   * The answer to {@code failure}, or {@code null} when it is not a transient failure.
   *
   * @param statementTimeoutMs the statement timeout the statement ran under, 0 or less if unknown
   */
  public static ProblemException problem(Throwable failure, long statementTimeoutMs) {
    String state = sqlState(failure);
    if (state == null) {
      return null;
    }
    ProblemException problem =
        switch (state) {
          case "57014" -> statementTimeout(statementTimeoutMs);
          case "55P03" -> TEXTS.retryLater(503, LOCK_TIMEOUT, 1, "transient.lock-timeout");
          default -> TEXTS.problem(409, CONCURRENT_UPDATE, "transient.concurrent-update");
        };
    // kept for the logs, and for callers that judge a failure by its SQLState
    problem.initCause(failure);
    return problem;
  }

  /**
   * 503 {@value #STATEMENT_TIMEOUT}, with {@code Retry-After} as long as the limit (by then the
   * load or the lock that held the statement back has had as long again to pass).
   *
   * @param limitMs the statement timeout, 0 or less if unknown
   */
  public static RetryLaterException statementTimeout(long limitMs) {
    long retryAfter = limitMs > 0 ? (limitMs + 999) / 1000 : DEFAULT_RETRY_SECONDS;
    return limitMs > 0
        ? TEXTS.retryLater(
            503, STATEMENT_TIMEOUT, retryAfter, "transient.statement-timeout", seconds(limitMs))
        : TEXTS.retryLater(503, STATEMENT_TIMEOUT, retryAfter, "transient.statement-timeout-any");
  }

  /**
   * {@code 3000} → {@code "3 s"}, {@code 1500} → {@code "1.5 s"}, {@code 250} → {@code "0.25 s"}.
   */
  static String seconds(long ms) {
    return java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + " s";
  }

  /**
   * The statement timeout of {@code connection}'s session in milliseconds (0 for none), or -1 when
   * it cannot be read, for example inside a transaction that already failed.
   */
  public static long statementTimeoutMs(Connection connection) {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")) {
      return rs.next() ? Long.parseLong(rs.getString(1).strip()) : -1;
    } catch (SQLException | RuntimeException e) {
      return -1;
    }
  }
}
