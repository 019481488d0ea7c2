package org.cpor.timeline;

import java.time.Instant;

/** One thing that happened to a claim: when, who, what. */
public record TimelineEvent(Instant at, String actor, String type, String detail) {

  /** The actor of automatic steps. */
  public static final String SYSTEM = "system";
  /** The actor of the customer contact's answers. */
  public static final String CUSTOMER = "customer";
}
