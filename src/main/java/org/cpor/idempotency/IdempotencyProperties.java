package org.cpor.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cpor.idempotency}: how long a key and its answer are kept ({@code retention}, at least 24 hours: partners
 * are promised a day to retry), how often expired keys are removed ({@code purgeInterval}), and how long a request
 * waits for another one with the same key that is still running before it answers 409 ({@code inProgressWait}).
 */
@ConfigurationProperties("cpor.idempotency")
record IdempotencyProperties(Duration retention, Duration purgeInterval, Duration inProgressWait) {

  static final Duration MIN_RETENTION = Duration.ofHours(24);

  IdempotencyProperties {
    if (retention == null || retention.compareTo(MIN_RETENTION) < 0) {
      throw new IllegalArgumentException("cpor.idempotency.retention must be at least PT24H (24 hours), not " + retention);
    }
    if (purgeInterval == null || purgeInterval.isNegative() || purgeInterval.isZero()) {
      throw new IllegalArgumentException("cpor.idempotency.purge-interval must be positive, not " + purgeInterval);
    }
    if (inProgressWait == null || inProgressWait.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("cpor.idempotency.in-progress-wait must be at least PT1S, not " + inProgressWait);
    }
  }
}
