package org.courtyard.api.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;
import org.courtyard.api.jpa.Transactions.Conflict;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  @Test
  void aUniqueViolationUnderPersistenceWrappersIsADuplicate() {
    SQLException unique = new SQLException("duplicate key value", "23505");
    Throwable failure =
        new RollbackException(new PersistenceException(new RuntimeException(unique)));

    assertThat(Transactions.classify(failure)).isEqualTo(Conflict.DUPLICATE);
  }

  @Test
  void aFailedBatchIsClassifiedByTheStatementInItsNextExceptionChain() {
    BatchUpdateException batch =
        new BatchUpdateException("batch entry 3 was aborted", null, 0, new int[0]);
    batch.setNextException(new SQLException("violates foreign key constraint", "23503"));

    assertThat(Transactions.classify(new PersistenceException(batch)))
        .isEqualTo(Conflict.REFERENCED);
  }

  @Test
  void aCheckViolationAndALostOptimisticLockAreRecognised() {
    assertThat(Transactions.classify(new PersistenceException(new SQLException("check", "23514"))))
        .isEqualTo(Conflict.CHECK);
    assertThat(
            Transactions.classify(
                new RollbackException(new OptimisticLockException("row changed"))))
        .isEqualTo(Conflict.STALE);
  }

  @Test
  void anyOtherFailureIsNotAConflict() {
    assertThat(
            Transactions.classify(
                new PersistenceException(new SQLException("connection lost", "08006"))))
        .isNull();
    assertThat(Transactions.classify(new IllegalStateException("bug"))).isNull();
  }

  @Test
  void aCircularCauseChainEndsTheSearch() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);

    assertThat(Transactions.classify(a)).isNull();
  }
}
