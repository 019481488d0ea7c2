package org.cpor.claim;

/** A result of the automated checks, shown to the validator and the partner. */
public record Finding(String code, String severity, String message) {

  public static final String COMPETING_CLAIM = "COMPETING_CLAIM";
  public static final String TENANT_NOT_VERIFIED = "TENANT_NOT_VERIFIED";

  static Finding warning(String code, String message) {
    return new Finding(code, "WARNING", message);
  }

  static Finding info(String code, String message) {
    return new Finding(code, "INFO", message);
  }
}
