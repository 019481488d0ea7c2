package org.cpor.web;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * A user's action that lost a race inside the engine: another transaction (a validator's decision, a timer, a
 * job executor locking a job) changed the same process at the same moment, so the engine refused the write and
 * the whole transaction, the user's record in the store included, was rolled back. The action is done again on
 * the state now committed, which is what the user would do by hand; when it keeps losing, the caller gets 409
 * with the current state instead of a 500, and knows that nothing was changed.
 */
public final class ConcurrentChanges {

  static final int ATTEMPTS = 3;

  private ConcurrentChanges() {}

  /**
   * Runs the action (one transaction) until it is not refused by a concurrent change, at most three times.
   * {@code currentState} names what the caller may know of the thing now (e.g. {@code claimStatus}).
   */
  public static <T> T retried(Supplier<T> action, Supplier<Map<String, Object>> currentState) {
    for (int attempt = 1; ; attempt++) {
      try {
        return action.get();
      } catch (OptimisticLockingException | MismatchingMessageCorrelationException e) {
        if (attempt == ATTEMPTS) {
          throw new ConflictException("It was changed by someone else at the same moment, so nothing was changed; "
              + "read it again and retry if it still applies", currentState.get());
        }
        pause(attempt);
      }
    }
  }

  /** A job that holds the process finishes within milliseconds; the next attempt waits a little longer. */
  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConflictException("The request was interrupted; nothing was changed", Map.of());
    }
  }
}
