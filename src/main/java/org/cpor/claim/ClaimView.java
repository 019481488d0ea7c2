package org.cpor.claim;

import java.time.Instant;
import java.util.List;
import org.cpor.claim.Claim.CustomerContact;
import org.cpor.claim.Claim.PartnerContact;
import org.cpor.poe.PoeFile;

/** A claim as the API answers it (API.md). */
public record ClaimView(
    String id,
    String name,
    String partnerId,
    String program,
    String solutionArea,
    String partnerRole,
    String customerTenantId,
    String customerDomain,
    List<WorkloadView> workloads,
    CustomerContact customerContact,
    PartnerContact partnerContact,
    boolean incentiveOptOut,
    String comment,
    List<String> poeIds,
    List<PoeFile> poeFiles,
    ClaimStatus status,
    Instant submittedAt,
    String submittedBy,
    List<Finding> findings,
    OpenRequestView openRequest,
    DecisionView decision,
    Instant reviewDueAt,
    Instant customerNotifiedAt,
    Instant optOutDeadline,
    Instant officialAt,
    Instant withdrawnAt,
    List<String> alerts) {

  public record WorkloadView(String code, String name, String subscriptionId, String associationStatus) {}

  public record OpenRequestView(List<String> reasons, String question, Instant requestedAt, Instant dueAt) {}

  public record DecisionView(DecisionOutcome outcome, List<String> reasons, String comment, Instant decidedAt, String decidedBy) {}

  /** Shown when the customer's notification keeps failing, so an operator can act. */
  public static final String CUSTOMER_NOTIFICATION_FAILING = "CUSTOMER_NOTIFICATION_FAILING";
}
