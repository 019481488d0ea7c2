package org.cpor.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** "Now" is the engine's clock everywhere, so tests that move the engine's time move the whole product. */
class EngineClock extends Clock {

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
