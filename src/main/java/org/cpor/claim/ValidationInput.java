package org.cpor.claim;

import java.util.List;

/** What a validator sent when completing {@code Task_ValidateClaim}, before it is checked. */
public record ValidationInput(String outcome, List<String> reasons, String comment) {}
