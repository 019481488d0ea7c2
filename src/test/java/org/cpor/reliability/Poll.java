package org.cpor.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for what the product does on its own (job executors, the e-mail outbox), polling, with a limit. */
public final class Poll {

  private Poll() {}

  /** Waits until {@code condition} holds; answers whether it did within {@code timeout}. */
  public static boolean until(Duration timeout, Duration interval, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Node.sleep(interval.toMillis());
    }
  }

  public static boolean until(Duration timeout, BooleanSupplier condition) {
    return until(timeout, Duration.ofSeconds(1), condition);
  }
}
