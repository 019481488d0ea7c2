package org.cpor.claim;

import java.time.Instant;
import java.util.List;
import org.cpor.catalogue.Program;

/** A customer association claim as the store keeps it. */
public record Claim(
    String id,
    String name,
    String partnerId,
    String organisationId,
    Program program,
    String customerTenantId,
    String customerDomain,
    List<ClaimedWorkload> workloads,
    CustomerContact customerContact,
    PartnerContact partnerContact,
    boolean incentiveOptOut,
    String comment,
    ClaimStatus status,
    Instant submittedAt,
    String submittedBy,
    Instant reviewDueAt,
    Instant customerNotifiedAt,
    Instant optOutDeadlineAt,
    Instant officialAt,
    Instant customerDeclinedAt,
    Instant withdrawnAt) {

  /** The same claim with these workloads. */
  Claim withWorkloads(List<ClaimedWorkload> claimed) {
    return new Claim(id, name, partnerId, organisationId, program, customerTenantId, customerDomain, claimed,
        customerContact, partnerContact, incentiveOptOut, comment, status, submittedAt, submittedBy, reviewDueAt,
        customerNotifiedAt, optOutDeadlineAt, officialAt, customerDeclinedAt, withdrawnAt);
  }

  public record ClaimedWorkload(String code, String subscriptionId) {}

  public record CustomerContact(String name, String title, String email, String language) {}

  public record PartnerContact(String name, String email) {}

  public List<String> workloadCodes() {
    return workloads.stream().map(ClaimedWorkload::code).toList();
  }
}
