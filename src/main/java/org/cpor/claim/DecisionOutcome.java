package org.cpor.claim;

public enum DecisionOutcome {
  APPROVED, REJECTED, INFORMATION_REQUESTED
}
