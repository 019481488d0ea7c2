package org.cpor.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Primary;

/**
 * The product's clock in tests: the system's until a test sets it, then fixed at that moment; the engine's clock
 * follows it, so timers fall due and history is stamped at the time the test says.
 */
@Primary
public class TestClock extends Clock {

  private volatile Instant fixed;

  /** From now on, "now" is {@code instant}, for the product and for the engine. */
  public void set(Instant instant) {
    fixed = instant;
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  /** Back to the system's time, for the product and for the engine. */
  public void reset() {
    fixed = null;
    ClockUtil.reset();
  }

  @Override
  public Instant instant() {
    Instant now = fixed;
    return now == null ? Instant.now() : now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }
}
