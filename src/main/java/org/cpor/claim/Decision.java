package org.cpor.claim;

import java.time.Instant;
import java.util.List;

/** A validator's or the system's decision on a claim. */
public record Decision(DecisionOutcome outcome, List<String> reasons, String comment, Instant decidedAt, String decidedBy) {}
