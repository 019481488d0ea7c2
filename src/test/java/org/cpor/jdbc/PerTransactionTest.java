package org.cpor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Data is read once per transaction, again in the next one, and again after it was written; reference data also once
 * per request, with what a transaction read kept for the request only once committed.
 */
class PerTransactionTest {

  private final AtomicInteger reads = new AtomicInteger();

  private String read() {
    return "catalogue #" + reads.incrementAndGet();
  }

  @AfterEach
  void endTransactionAndRequest() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      commit();
    }
    RequestContextHolder.resetRequestAttributes();
  }

  private static ServletRequestAttributes request() {
    ServletRequestAttributes request = new ServletRequestAttributes(new MockHttpServletRequest());
    RequestContextHolder.setRequestAttributes(request);
    return request;
  }

  private static void begin() {
    TransactionSynchronizationManager.initSynchronization();
  }

  /** As a transaction manager ends a transaction: after-commit callbacks while its resources are bound, then completion. */
  private static void commit() {
    var synchronizations = TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationUtils.invokeAfterCommit(synchronizations);
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_COMMITTED);
  }

  private static void rollBack() {
    var synchronizations = TransactionSynchronizationManager.getSynchronizations();
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationUtils.invokeAfterCompletion(synchronizations, TransactionSynchronization.STATUS_ROLLED_BACK);
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

  @Test
  void referenceData_outsideATransaction_isReadOncePerRequest() {
    request();
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #1");
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #1");
    begin();
    assertThat(PerTransaction.referenceData("key", this::read)).as("committed data, in the request's transaction").isEqualTo("catalogue #1");
    commit();
    request();
    assertThat(PerTransaction.referenceData("key", this::read)).as("the next request").isEqualTo("catalogue #2");
  }

  @Test
  void referenceData_readByATransaction_servesTheRequestOnceCommitted_notWhenRolledBack() {
    request();
    begin();
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #1");
    rollBack();
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #2");
    PerTransaction.forget("key");
    begin();
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #3");
    commit();
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #3");
  }

  @Test
  void referenceData_writtenInTheRequest_isReadAgain_andWhatWasReadBeforeIsNotKept() {
    request();
    PerTransaction.referenceData("key", this::read);
    begin();
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #1");
    PerTransaction.forget("key");
    commit();
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #2");

    begin();
    PerTransaction.referenceData("other", this::read);
    PerTransaction.forget("other");
    commit();
    assertThat(PerTransaction.referenceData("other", this::read)).as("forgotten in its transaction").isEqualTo("catalogue #4");
  }

  @Test
  void referenceData_outsideARequest_isRememberedPerTransactionOnly_andARequestAnsweredAlreadyKeepsNothing() {
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #1");
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #2");
    request().requestCompleted();
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #3");
    assertThat(PerTransaction.referenceData("key", this::read)).isEqualTo("catalogue #4");
  }
}
