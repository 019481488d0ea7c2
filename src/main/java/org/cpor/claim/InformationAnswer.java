package org.cpor.claim;

import java.util.List;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.claim.ClaimRequest.PartnerContactRequest;
import org.cpor.claim.ClaimRequest.WorkloadRequest;

/** The partner's answer to an information request (API.md); all but the comment optional. */
public record InformationAnswer(String comment, List<String> poeIds, List<WorkloadRequest> workloads,
    CustomerContactRequest customerContact, PartnerContactRequest partnerContact) {}
