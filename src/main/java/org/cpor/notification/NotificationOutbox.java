package org.cpor.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the notification log holds as PENDING. A notification is written in the same transaction as the
 * state change it reports and sent after that commit, so a failing mail server never holds a claim back and a
 * crash loses nothing: the poller finds what is still due and tries again, up to {@code maxAttempts}.
 */
@Component
public class NotificationOutbox {

  private static final Logger log = LoggerFactory.getLogger(NotificationOutbox.class);
  /** A SENDING notification older than this was taken by a node that died. */
  private static final Duration SENDING_TIMEOUT = Duration.ofMinutes(5);

  private final NotificationStore store;
  private final MailDelivery delivery;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final NotificationProperties properties;
  private final Executor executor;

  NotificationOutbox(NotificationStore store, MailDelivery delivery, PlatformTransactionManager transactionManager,
      Clock clock, NotificationProperties properties) {
    this.store = store;
    this.delivery = delivery;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.properties = properties;
    this.executor = properties.asynchronous() ? Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "notification-outbox");
      thread.setDaemon(true);
      return thread;
    }) : Runnable::run;
  }

  /** Sends the notification once the current transaction has committed (at once when there is none). */
  void sendAfterCommit(long id) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          executor.execute(() -> send(id, true));
        }
      });
    } else {
      executor.execute(() -> send(id, true));
    }
  }

  /** Sends everything that is due; returns how many were tried. */
  @Scheduled(fixedDelayString = "${cpor.notifications.poll-interval}", initialDelayString = "${cpor.notifications.poll-interval}")
  public int sendDue() {
    Instant now = clock.instant();
    int tried = 0;
    for (long id : store.due(now, now.minus(SENDING_TIMEOUT), 100)) {
      if (send(id, true)) {
        tried++;
      }
    }
    return tried;
  }

  /**
   * One attempt; true when this call took the notification. Recorded in transactions of its own, so the result
   * stays even when a surrounding step rolls back. Without {@code retryByOutbox} a failure is final here: the
   * step that sent it is retried instead.
   */
  boolean send(long id, boolean retryByOutbox) {
    Instant now = clock.instant();
    Boolean taken = transactions.execute(status -> store.take(id, now, now.minus(SENDING_TIMEOUT)));
    if (!Boolean.TRUE.equals(taken)) {
      return false;
    }
    Notification notification = store.find(id).orElseThrow();
    try {
      delivery.deliver(notification);
      transactions.executeWithoutResult(status -> store.markSent(id, clock.instant()));
    } catch (Exception e) {
      Instant retryAt = !retryByOutbox || notification.attempts() >= properties.maxAttempts() ? null
          : clock.instant().plus(properties.retryDelay().multipliedBy(notification.attempts()));
      log.warn("E-mail {} ({}) to {} failed, attempt {}: {}", id, notification.kind(), notification.recipient(),
          notification.attempts(), e.toString());
      transactions.executeWithoutResult(status -> store.markFailedAttempt(id, e.toString(), retryAt));
    }
    return true;
  }

  /** Sends one notification now and says whether it was delivered; used where sending is itself a step. */
  boolean sendNow(long id) {
    send(id, false);
    return store.find(id).map(n -> n.state() == DeliveryState.SENT).orElse(false);
  }

  /** Runs the work in a transaction of its own, committed whatever happens to the caller's. */
  <T> T inOwnTransaction(Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }
}
