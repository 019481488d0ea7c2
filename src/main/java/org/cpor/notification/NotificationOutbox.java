package org.cpor.notification;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
class NotificationOutbox {

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
    this.executor = properties.asynchronous() ? new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread thread = new Thread(r, "notification-outbox");
      thread.setDaemon(true);
      return thread;
    }) : Runnable::run;
  }

  /**
   * On a graceful stop, the e-mail being sent is finished and recorded while the database is still there; what waits
   * in the queue stays PENDING for the poller of this or another node.
   */
  @PreDestroy
  void stop() throws InterruptedException {
    if (executor instanceof ThreadPoolExecutor outbox) {
      outbox.getQueue().clear();
      outbox.shutdown();
      outbox.awaitTermination(30, TimeUnit.SECONDS);
    }
  }

  /** Sends the notification once the current transaction has committed (at once when there is none). */
  void sendAfterCommit(long id) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          executor.execute(() -> send(id));
        }
      });
    } else {
      executor.execute(() -> send(id));
    }
  }

  /**
   * Sends everything that is due; returns how many were tried. A round ends at the first e-mail the mail server does
   * not take: the rest wait for the next round instead of each waiting out the server's timeouts.
   */
  @Scheduled(fixedDelayString = "${cpor.notifications.poll-interval}", initialDelayString = "${cpor.notifications.poll-interval}")
  public int sendDue() {
    Instant now = clock.instant();
    int tried = 0;
    for (long id : store.due(now, now.minus(SENDING_TIMEOUT), 100)) {
      Attempt attempt = send(id);
      if (attempt != Attempt.NOT_TAKEN) {
        tried++;
      }
      if (attempt == Attempt.FAILED) {
        break;
      }
    }
    return tried;
  }

  enum Attempt { NOT_TAKEN, SENT, FAILED }

  /**
   * One attempt, outside any other transaction (the outbox's thread, the poller); true when this call took the
   * notification. Taking it and recording the result are transactions of their own, so no other node sends it at the
   * same time and a failure is retried later, up to {@code maxAttempts}.
   */
  Attempt send(long id) {
    Instant now = clock.instant();
    Boolean taken = transactions.execute(status -> store.take(id, now, now.minus(SENDING_TIMEOUT)));
    if (!Boolean.TRUE.equals(taken)) {
      return Attempt.NOT_TAKEN;
    }
    Notification notification = store.find(id).orElseThrow();
    try {
      delivery.deliver(notification);
      transactions.executeWithoutResult(status -> store.markSent(id, clock.instant()));
      return Attempt.SENT;
    } catch (Exception e) {
      Instant retryAt = notification.attempts() >= properties.maxAttempts() ? null
          : clock.instant().plus(properties.retryDelay().multipliedBy(notification.attempts()));
      log.warn("E-mail {} ({}) to {} failed, attempt {}: {}", id, notification.kind(), notification.recipient(),
          notification.attempts(), e.toString());
      transactions.executeWithoutResult(status -> store.markFailedAttempt(id, e.toString(), retryAt));
      return Attempt.FAILED;
    }
  }

  /**
   * One attempt inside the caller's transaction, where sending is itself a step: the record of the send commits with
   * the step, so a retried step finds it, and the step needs no second connection. Answers when it was sent, or null
   * when the mail server did not take it; the step then fails and rolls back, and the failed attempt is written to the
   * log after the rollback, by the outbox's own thread.
   */
  Instant sendInTransaction(long id) {
    Instant now = clock.instant();
    store.take(id, now, now.minus(SENDING_TIMEOUT));
    Notification notification = store.find(id).orElseThrow();
    try {
      delivery.deliver(notification);
      Instant sentAt = clock.instant();
      store.markSent(id, sentAt);
      return sentAt;
    } catch (Exception e) {
      log.warn("E-mail {} ({}) to {} failed: {}", id, notification.kind(), notification.recipient(), e.toString());
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          if (status == STATUS_ROLLED_BACK) {
            executor.execute(() -> transactions.executeWithoutResult(s -> store.insertFailedAttempt(notification, e.toString())));
          }
        }
      });
      return null;
    }
  }
}
