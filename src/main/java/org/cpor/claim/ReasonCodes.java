package org.cpor.claim;

import java.util.List;
import java.util.Map;

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

  /** What each code means, as validators and partners read it (the decision form shows the same words). */
  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("MISSING_POE", "Proof of execution missing"),
      Map.entry("MISSING_CUSTOMER_ACKNOWLEDGEMENT", "Customer acknowledgement missing"),
      Map.entry("MISSING_OR_OUTDATED_DATES", "Dates missing or out of date"),
      Map.entry("MISSING_SERVICE_DESCRIPTION", "Description of the services missing"),
      Map.entry("MISSING_WORKLOADS", "Workloads missing from the proof of execution"),
      Map.entry("INSUFFICIENT_POE", "Proof of execution insufficient"),
      Map.entry(CUSTOMER_DECLINED, "Declined by the customer"),
      Map.entry(NO_PARTNER_RESPONSE, "No answer from the partner in time"),
      Map.entry("WRONG_PARTNER_ID_OR_PROGRAM", "Wrong PartnerID or program"),
      Map.entry(COMPETING_CLAIM_PREFERRED, "A competing claim is preferred"),
      Map.entry("PARTNER_REQUEST", "At the partner's request"),
      Map.entry("OTHER", "Other reason (explained in the comment)"));

  /** "Proof of execution missing (MISSING_POE)": the words first, the code for whoever searches by it. */
  public static String label(String code) {
    String label = LABELS.get(code);
    return label == null ? code : label + " (" + code + ")";
  }

  /** The words of a reason code (the same in Tasklist, the portal and the e-mails), or null for any other text. */
  public static String words(String code) {
    return LABELS.get(code);
  }

  private ReasonCodes() {}
}
