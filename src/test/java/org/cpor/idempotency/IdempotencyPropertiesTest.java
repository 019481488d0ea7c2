package org.cpor.idempotency;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdempotencyPropertiesTest {

  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

  @Test
  void retention_isAtLeast24Hours() {
    assertThatCode(() -> new IdempotencyProperties(Duration.ofHours(24), HOUR, TEN_SECONDS)).doesNotThrowAnyException();
    assertThatCode(() -> new IdempotencyProperties(Duration.ofDays(7), HOUR, TEN_SECONDS)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new IdempotencyProperties(Duration.ofHours(23), HOUR, TEN_SECONDS))
        .hasMessageContaining("cpor.idempotency.retention must be at least PT24H");
    assertThatThrownBy(() -> new IdempotencyProperties(null, HOUR, TEN_SECONDS))
        .hasMessageContaining("cpor.idempotency.retention");
  }

  @Test
  void purgeIntervalAndWait_arePositive() {
    assertThatThrownBy(() -> new IdempotencyProperties(Duration.ofHours(24), Duration.ZERO, TEN_SECONDS))
        .hasMessageContaining("cpor.idempotency.purge-interval");
    assertThatThrownBy(() -> new IdempotencyProperties(Duration.ofHours(24), HOUR, Duration.ofMillis(500)))
        .hasMessageContaining("cpor.idempotency.in-progress-wait");
  }
}
