package org.cpor.claim;

import java.util.List;

/** Reason codes of DOMAIN.md. */
public final class ReasonCodes {

  public static final List<String> INFORMATION_REQUEST = List.of(
      "MISSING_POE", "MISSING_CUSTOMER_ACKNOWLEDGEMENT", "MISSING_OR_OUTDATED_DATES",
      "MISSING_SERVICE_DESCRIPTION", "MISSING_WORKLOADS");

  public static final String CUSTOMER_DECLINED = "CUSTOMER_DECLINED";
  public static final String NO_PARTNER_RESPONSE = "NO_PARTNER_RESPONSE";
  public static final String COMPETING_CLAIM_PREFERRED = "COMPETING_CLAIM_PREFERRED";

  public static final List<String> REJECTION = List.of(
      "INSUFFICIENT_POE", CUSTOMER_DECLINED, NO_PARTNER_RESPONSE, "WRONG_PARTNER_ID_OR_PROGRAM",
      COMPETING_CLAIM_PREFERRED, "PARTNER_REQUEST", "OTHER");

  /** Decided by the system only, never by a validator. */
  public static final List<String> SYSTEM_ONLY = List.of(CUSTOMER_DECLINED, NO_PARTNER_RESPONSE);

  private ReasonCodes() {}
}
