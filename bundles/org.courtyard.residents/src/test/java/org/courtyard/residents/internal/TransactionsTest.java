package org.courtyard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.RollbackException;
import org.courtyard.residents.internal.Transactions.Conflict;
import org.junit.jupiter.api.Test;

class TransactionsTest {

  @Test
  void aSecondCurrentPlateOrOccupancyIsADuplicate() {
    // What PostgreSQL reports when a partial unique index (current plate, current occupancy)
    // refuses
    SQLException unique =
        new SQLException("duplicate key value violates unique constraint", "23505");

    assertThat(Transactions.classify(new RollbackException(new PersistenceException(unique))))
        .isEqualTo(Conflict.DUPLICATE);
  }

  @Test
  void aPersonDeletedUnderANewOccupancyIsAReference() {
    assertThat(Transactions.classify(new PersistenceException(new SQLException("fk", "23503"))))
        .isEqualTo(Conflict.REFERENCED);
    assertThat(Transactions.classify(new RollbackException(new OptimisticLockException("x"))))
        .isEqualTo(Conflict.STALE);
  }

  @Test
  void anyOtherFailureIsNotAConflict() {
    assertThat(Transactions.classify(new PersistenceException(new SQLException("lost", "08006"))))
        .isNull();
  }
}
