package org.cpor.idempotency;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the keys whose retention has passed. Safe on every node at once: one statement deletes what has expired,
 * whoever runs it; two nodes deleting at the same moment delete each row once and nothing else, and no node keeps
 * any state of its own.
 */
@Component
class IdempotencyPurge {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

  private final IdempotencyStore store;
  private final Clock clock;

  IdempotencyPurge(IdempotencyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${cpor.idempotency.purge-interval}", initialDelayString = "${cpor.idempotency.purge-interval}")
  int purgeExpired() {
    int removed = store.purgeExpired(clock.instant());
    if (removed > 0) {
      log.info("Removed {} expired idempotency keys", removed);
    }
    return removed;
  }
}
