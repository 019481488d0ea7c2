package org.cpor.claim;

import java.util.List;

/** What a validator sent when completing {@code Task_ValidateClaim}, before it is checked. */
public record ValidationInput(String outcome, List<String> reasons, String comment) {

  /** The fields of the validator's form that carry a decision: the process's variables, the errors' field names. */
  public static final String OUTCOME = "validationOutcome";
  public static final String REASONS = "validationReasons";
  public static final String COMMENT = "validationComment";
}
