package org.cpor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** Reference data is read once per transaction, again in the next one, and again after it was written. */
class PerTransactionTest {

  private final AtomicInteger reads = new AtomicInteger();

  private String read() {
    return "catalogue #" + reads.incrementAndGet();
  }

  @AfterEach
  void endTransaction() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      commit();
    }
  }

  private static void begin() {
    TransactionSynchronizationManager.initSynchronization();
  }

  private static void commit() {
    var synchronizations = TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_COMMITTED);
  }

  @Test
  void withinOneTransaction_theFirstAnswerIsRemembered() {
    begin();
    assertThat(PerTransaction.remembered("key", this::read)).isEqualTo("catalogue #1");
    assertThat(PerTransaction.remembered("key", this::read)).isEqualTo("catalogue #1");
    assertThat(PerTransaction.remembered("other", this::read)).isEqualTo("catalogue #2");
  }

  @Test
  void theNextTransaction_readsAgain() {
    begin();
    PerTransaction.remembered("key", this::read);
    commit();
    begin();
    assertThat(PerTransaction.remembered("key", this::read)).isEqualTo("catalogue #2");
  }

  @Test
  void afterAWrite_theTransactionReadsAgain() {
    begin();
    PerTransaction.remembered("key", this::read);
    PerTransaction.forget("key");
    assertThat(PerTransaction.remembered("key", this::read)).isEqualTo("catalogue #2");
  }

  @Test
  void outsideATransaction_everyCallReads() {
    assertThat(PerTransaction.remembered("key", this::read)).isEqualTo("catalogue #1");
    assertThat(PerTransaction.remembered("key", this::read)).isEqualTo("catalogue #2");
  }
}
