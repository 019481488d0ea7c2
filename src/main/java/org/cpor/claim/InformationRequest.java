package org.cpor.claim;

import java.time.Instant;
import java.util.List;

/** A validator's question to the partner and its deadline. */
public record InformationRequest(long id, List<String> reasons, String question, Instant requestedAt, Instant dueAt,
    Instant answeredAt, String answeredBy, String answerComment) {

  public boolean isOpen() {
    return answeredAt == null;
  }
}
