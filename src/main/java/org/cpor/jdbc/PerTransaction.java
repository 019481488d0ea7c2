package org.cpor.jdbc;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Data read once per transaction: a claim, the organisations and the workload catalogue are asked for again and again
 * by the steps of one submission or one step of the process, and each answer would be the same query. Reference data
 * is also kept for the HTTP request being answered, once it is committed. A write of the data forgets what was
 * remembered.
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

  /**
   * Reference data, which a request asks for again and again (its sign-in, its controller, its view and the
   * transactions in between): remembered for the transaction as {@link #remembered} does, and for the HTTP request
   * being answered once it is committed data (read outside a transaction, or by a transaction that committed).
   */
  public static <T> T referenceData(Object key, Supplier<T> read) {
    boolean inTransaction = TransactionSynchronizationManager.isSynchronizationActive();
    if (inTransaction && TransactionSynchronizationManager.getResource(key) != null) {
      return remembered(key, read); // what this transaction read (or wrote and read again) comes first
    }
    @SuppressWarnings("unchecked")
    T remembered = (T) ofRequest(key);
    if (remembered != null) {
      return remembered;
    }
    if (!inTransaction) {
      T value = read.get();
      keepForRequest(key, value);
      return value;
    }
    T value = remembered(key, read);
    if (value != null) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          // unless the transaction wrote the data since (and forgot what it had read)
          if (TransactionSynchronizationManager.getResource(key) == value) {
            keepForRequest(key, value);
          }
        }
      });
    }
    return value;
  }

  /** Forgets what this transaction, and the request it answers, remembered under {@code key} (the data was written). */
  public static void forget(Object key) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
    keepForRequest(key, null);
  }

  /** What the request being answered remembers under {@code key}; nothing outside a request. */
  private static Object ofRequest(Object key) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    try {
      return request == null ? null : request.getAttribute(attribute(key), RequestAttributes.SCOPE_REQUEST);
    } catch (IllegalStateException e) {
      return null; // a request answered already: nothing to remember it by
    }
  }

  /** The request being answered remembers {@code value} under {@code key} (forgets it, for null). */
  private static void keepForRequest(Object key, Object value) {
    // asked at the time: a transaction around a servlet commits after the servlet's own request attributes ended
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    try {
      if (request != null && value != null) {
        request.setAttribute(attribute(key), value, RequestAttributes.SCOPE_REQUEST);
      } else if (request != null) {
        request.removeAttribute(attribute(key), RequestAttributes.SCOPE_REQUEST);
      }
    } catch (IllegalStateException e) {
      // a request answered already: nothing to remember it by
    }
  }

  private static String attribute(Object key) {
    return PerTransaction.class.getName() + "." + key;
  }
}
