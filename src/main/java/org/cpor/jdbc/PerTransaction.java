package org.cpor.jdbc;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reference data read once per transaction: the organisations and the workload catalogue are asked for again and again
 * by the steps of one submission or one step of the process, and each answer would be the same query. Outside a
 * transaction every call reads. A write of the data forgets what was remembered.
 */
public final class PerTransaction {

  private PerTransaction() {}

  /** The value remembered under {@code key} in this transaction, or {@code read}'s answer, then remembered. */
  @SuppressWarnings("unchecked")
  public static <T> T remembered(Object key, Supplier<T> read) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return read.get();
    }
    Object remembered = TransactionSynchronizationManager.getResource(key);
    if (remembered != null) {
      return (T) remembered;
    }
    T value = read.get();
    if (value != null) {
      TransactionSynchronizationManager.bindResource(key, value);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
      });
    }
    return value;
  }

  /** Forgets what this transaction remembered under {@code key} (the data was written). */
  public static void forget(Object key) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
  }
}
