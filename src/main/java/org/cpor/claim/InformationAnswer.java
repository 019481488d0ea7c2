package org.cpor.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.claim.ClaimRequest.PartnerContactRequest;
import org.cpor.claim.ClaimRequest.WorkloadRequest;

/** The partner's answer to an information request (API.md); all but the comment optional. */
public record InformationAnswer(String comment, List<String> poeIds,
    @Size(min = 1, message = ClaimRequest.WORKLOADS_REQUIRED) List<WorkloadRequest> workloads,
    @Valid CustomerContactRequest customerContact, @Valid PartnerContactRequest partnerContact) {}
