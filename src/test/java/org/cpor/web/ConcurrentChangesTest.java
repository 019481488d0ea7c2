package org.cpor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;

class ConcurrentChangesTest {

  @Test
  void aChangeThatLostARace_isDoneAgain() {
    AtomicInteger attempts = new AtomicInteger();
    String result = ConcurrentChanges.retried(() -> {
      if (attempts.incrementAndGet() < 3) {
        throw new OptimisticLockingException("updated by another transaction concurrently");
      }
      return "done";
    }, Map::of);
    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void aChangeThatKeepsLosing_isAConflictTellingTheCurrentState() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentChanges.retried(() -> {
      attempts.incrementAndGet();
      throw new MismatchingMessageCorrelationException("no subscription yet");
    }, () -> Map.of("claimStatus", "APPROVED")))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.properties()).containsEntry("claimStatus", "APPROVED");
          assertThat(e.getMessage()).contains("nothing was changed");
        });
    assertThat(attempts).hasValue(3);
  }

  @Test
  void otherFailures_areNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(() -> ConcurrentChanges.retried(() -> {
      attempts.incrementAndGet();
      throw new ConflictException("Claim is REJECTED and can no longer be withdrawn");
    }, Map::of)).isInstanceOf(ConflictException.class).hasMessageContaining("REJECTED");
    assertThat(attempts).hasValue(1);
  }
}
