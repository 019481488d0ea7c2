package org.cpor.claim;

import java.util.List;

/**
 * A result of the automated checks, shown to the validator and the partner. A COMPETING_CLAIM message names the
 * competitor for the validator and starts with the workload code: a partner sees only that (CompetitorRedaction).
 */
public record Finding(String code, String severity, String message) {

  /** Between the findings the timeline lists: "CODE: message; CODE: message". */
  static final String SEPARATOR = "; ";

  public static final String COMPETING_CLAIM = "COMPETING_CLAIM";
  public static final String TENANT_NOT_VERIFIED = "TENANT_NOT_VERIFIED";

  static Finding warning(String code, String message) {
    return new Finding(code, "WARNING", message);
  }

  static Finding info(String code, String message) {
    return new Finding(code, "INFO", message);
  }

  /** The findings as the timeline records them. */
  static String list(List<Finding> findings) {
    return String.join(SEPARATOR, findings.stream().map(f -> f.code() + ": " + f.message()).toList());
  }
}
