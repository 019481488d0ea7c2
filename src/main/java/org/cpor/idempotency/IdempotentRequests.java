package org.cpor.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a request under its idempotency key, with the database as the only arbiter, so that several nodes sharing
 * it agree. The key is taken as the first write of the request's transaction, and the answer is written to it in
 * that same transaction: a request that succeeded (2xx) commits what it created together with its answer; any
 * other answer, a failure or a crash rolls back both, so the key is free again and the partner can correct the
 * request and send it under the same key.
 *
 * <p>Of two requests with one key at the same moment, the second waits at the key (the database holds its insert)
 * until the first ends, then answers the first's answer, or runs itself when the first left nothing. It waits at
 * most {@code inProgressWait}; then it answers that the first is still in progress (409).
 */
@Service
class IdempotentRequests {

  /** What became of a request sent with a key. */
  sealed interface Outcome {
    /** It ran: its answer, kept on the key when it succeeded. */
    record Ran(StoredResponse response) implements Outcome {}

    /** A request with this key and the same fingerprint succeeded before: its answer. */
    record Replayed(StoredResponse response) implements Outcome {}

    /** The key was used for another request (another method, path or body). */
    record KeyReused() implements Outcome {}

    /** A request with this key is still running. */
    record InProgress() implements Outcome {}
  }

  /** The request itself: runs it and answers what it would send, not yet sent. */
  @FunctionalInterface
  interface Request {
    StoredResponse run();
  }

  private static final long PAUSE_MILLIS = 50;

  private final IdempotencyStore store;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final IdempotencyProperties properties;

  IdempotentRequests(IdempotencyStore store, PlatformTransactionManager transactionManager, Clock clock,
      IdempotencyProperties properties) {
    this.store = store;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.properties = properties;
  }

  Outcome run(String userId, IdempotencyKey key, String fingerprint, Request request) {
    long deadline = System.nanoTime() + properties.inProgressWait().toNanos();
    while (true) {
      long waitNanos = deadline - System.nanoTime();
      try {
        return transactions.execute(status -> {
          Instant now = clock.instant();
          store.take(userId, key.value(), fingerprint, now, now.plus(properties.retention()),
              (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1)));
          StoredResponse response = request.run();
          if (response.succeeded()) {
            store.complete(userId, key.value(), response);
          } else {
            status.setRollbackOnly();
          }
          return new Outcome.Ran(response);
        });
      } catch (IdempotencyStore.KeyTaken taken) {
        Outcome outcome = store.find(userId, key.value())
            .<Outcome>map(entry -> entry.fingerprint().equals(fingerprint) ? new Outcome.Replayed(entry.response())
                : new Outcome.KeyReused())
            .orElse(null);
        if (outcome != null) {
          return outcome;
        }
        // still running elsewhere (the database stopped waiting), or gone a moment ago: try again until the deadline
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS) >= deadline) {
          return new Outcome.InProgress();
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a request with the same idempotency key", e);
    }
  }
}
