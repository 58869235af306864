package org.courtyard.api.jpa;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.Query;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RequestAudit;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a fresh EntityManager of one tenant's EntityManagerFactory. A write either commits
 * as a whole or leaves nothing behind, and a constraint the database enforced is answered like the
 * check the service made before it: two requests can pass the same check at the same moment, and
 * only the database sees both.
 */
public final class Transactions {

  private static final Texts TEXTS = Texts.of(Transactions.class);

  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

  /** Bound on walking exception chains, which nothing stops from being circular. */
  private static final int MAX_CHAIN = 32;

  /** Thrown by EclipseLink's commit, which does not translate it to the JPA type as flush does. */
  private static final String ECLIPSELINK_OPTIMISTIC_LOCK =
      "org.eclipse.persistence.exceptions.OptimisticLockException";

  /** What a failed write collided with. */
  public enum Conflict {
    /** A unique constraint: SQLState 23505. */
    DUPLICATE,
    /** A foreign key, from either side: SQLState 23503. */
    REFERENCED,
    /** A CHECK constraint: SQLState 23514; the service's own validation should have caught it. */
    CHECK,
    /** The row's version moved on (or the row went) between reading and writing it. */
    STALE
  }

  /** Turns a conflict into the operation's own answer; {@code null} means "use the generic one". */
  @FunctionalInterface
  public interface ConflictAnswer {
    ProblemException answer(Conflict conflict);
  }

  private final EntityManagerFactory emf;

  public Transactions(EntityManagerFactory emf) {
    this.emf = emf;
  }

  /**
   * Reads need no transaction; each gets its own EntityManager, closed afterwards. A read the
   * database cancelled or aborted for reasons of the moment becomes {@link TransientFailures}'
   * problem.
   */
  public <T> T read(Function<EntityManager, T> work) {
    EntityManager em = emf.createEntityManager();
    try {
      return work.apply(em);
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw transientOr(e, em);
    } finally {
      em.close();
    }
  }

  /**
   * Runs {@code work} in one transaction. Any exception rolls the whole transaction back; a {@link
   * ProblemException} from {@code work} passes through unchanged, a constraint violation or lost
   * optimistic lock becomes {@code answer}'s problem, and a statement or lock timeout, deadlock or
   * serialization conflict becomes {@link TransientFailures}' problem.
   */
  public <T> T write(Function<EntityManager, T> work, ConflictAnswer answer) {
    EntityManager em = emf.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    try {
      tx.begin();
      T result = work.apply(em);
      Optional<RequestAudit> audit = RequestAudit.pending();
      if (audit.isPresent()) {
        Query insert = em.createNativeQuery(audit.get().insertSql());
        Object[] values = audit.get().values("ok");
        for (int i = 0; i < values.length; i++) {
          insert.setParameter(i + 1, values[i]);
        }
        insert.executeUpdate();
      }
      tx.commit();
      audit.ifPresent(RequestAudit::committed);
      return result;
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      Conflict conflict = classify(e);
      if (conflict == null) {
        rollback(tx);
        throw transientOr(e, em);
      }
      ProblemException problem = answer.answer(conflict);
      LOG.debug("Write rolled back on {}", conflict, e);
      throw problem != null ? problem : genericAnswer(conflict);
    } finally {
      rollback(tx);
      em.close();
    }
  }

  private static void rollback(EntityTransaction tx) {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException e) {
      // The original failure is what the caller needs to see; a failed rollback only leaves a
      // connection for the pool to discard.
      LOG.warn("Rollback failed", e);
    }
  }

  /** {@code failure} as a transient failure's problem if it is one, otherwise unchanged. */
  private static RuntimeException transientOr(RuntimeException failure, EntityManager em) {
    if (TransientFailures.sqlState(failure) == null) {
      return failure;
    }
    LOG.debug("Transient database failure", failure);
    return TransientFailures.problem(failure, statementTimeoutMs(em));
  }

  /**
   * The statement timeout of the tenant's connections, read on a connection of the pool the failed
   * statement came from (after the rollback, so outside any transaction); -1 if it cannot be read.
   */
  private static long statementTimeoutMs(EntityManager em) {
    try {
      Object setting =
          em.createNativeQuery("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")
              .getSingleResult();
      return Long.parseLong(String.valueOf(setting).strip());
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * The conflict behind a persistence failure, found by walking the causes (EclipseLink wraps the
   * driver's exception once or twice) and each SQLException's next-exception chain (a failed JDBC
   * batch reports the failing statement there); {@code null} for any other failure.
   */
  public static Conflict classify(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_CHAIN; depth++, t = t.getCause()) {
      if (t instanceof OptimisticLockException
          || ECLIPSELINK_OPTIMISTIC_LOCK.equals(t.getClass().getName())) {
        return Conflict.STALE;
      }
      if (t instanceof SQLException sql) {
        SQLException s = sql;
        for (int next = 0; s != null && next < MAX_CHAIN; next++, s = s.getNextException()) {
          Conflict conflict = bySqlState(s.getSQLState());
          if (conflict != null) {
            return conflict;
          }
        }
      }
    }
    return null;
  }

  private static Conflict bySqlState(String sqlState) {
    if (sqlState == null) {
      return null;
    }
    return switch (sqlState) {
      case "23505" -> Conflict.DUPLICATE;
      case "23503" -> Conflict.REFERENCED;
      case "23514" -> Conflict.CHECK;
      default -> null;
    };
  }

  private static ProblemException genericAnswer(Conflict conflict) {
    return switch (conflict) {
      case DUPLICATE -> TEXTS.problem(409, "duplicate", "transactions.duplicate");
      case REFERENCED -> TEXTS.problem(409, "has-children", "transactions.has-children");
      case CHECK ->
          TEXTS.problem(
              422, FieldErrors.TYPE, Map.of("errors", List.of()), "transactions.out-of-range");
      case STALE -> TEXTS.problem(409, "stale-version", "transactions.stale-version");
    };
  }
}
