package org.cpor.claim;

import java.util.List;
import org.cpor.web.Limits;

/** A claim as the partner submits it (API.md); its sizes are checked by {@link Limits}, its fields by {@link ClaimRules}. */
public record ClaimRequest(
    String name,
    String partnerId,
    String program,
    String customerTenantId,
    String customerDomain,
    List<WorkloadRequest> workloads,
    CustomerContactRequest customerContact,
    PartnerContactRequest partnerContact,
    Boolean incentiveOptOut,
    String comment,
    List<String> poeIds) {

  public record WorkloadRequest(String code, String subscriptionId) {}

  public record CustomerContactRequest(String name, String title, String email, String language) {}

  public record PartnerContactRequest(String name, String email) {}
}
