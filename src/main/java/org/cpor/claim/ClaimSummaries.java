package org.cpor.claim;

import java.util.ArrayList;
import java.util.List;
import org.cpor.association.AssociationStore;
import org.cpor.partner.PartnerDirectory;
import org.cpor.poe.PoeFile;
import org.cpor.poe.PoeFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Plain-text views of a claim for the Camunda Forms in Tasklist. */
@Component
public class ClaimSummaries {

  private final ClaimStore claims;
  private final AssociationStore associations;
  private final PartnerDirectory partners;
  private final WorkloadCatalogue catalogue;
  private final PoeFiles poeFiles;
  private final String publicBaseUrl;

  ClaimSummaries(ClaimStore claims, AssociationStore associations, PartnerDirectory partners, WorkloadCatalogue catalogue,
      PoeFiles poeFiles, @Value("${cpor.public-base-url}") String publicBaseUrl) {
    this.poeFiles = poeFiles;
    this.publicBaseUrl = publicBaseUrl;
    this.claims = claims;
    this.associations = associations;
    this.partners = partners;
    this.catalogue = catalogue;
  }

  public String claim(String claimId) {
    Claim c = claims.get(claimId);
    String partner = partners.organisation(c.organisationId()).map(o -> o.name()).orElse(c.organisationId());
    List<String> lines = new ArrayList<>();
    lines.add("Claim: " + c.name() + " (" + c.id() + ")");
    lines.add("Partner: " + partner + ", PartnerID " + c.partnerId());
    lines.add("Program: " + c.program() + " · " + c.program().solutionArea() + " · " + c.program().partnerRole()
        + (c.incentiveOptOut() ? " · incentive opt-out (recognition without payment)" : ""));
    lines.add("Customer tenant: " + c.customerTenantId() + " · domain " + c.customerDomain());
    lines.add("Workloads:");
    c.workloads().forEach(w -> lines.add("  - " + catalogue.displayName(w.code()) + " (" + w.code() + ")"
        + (w.subscriptionId() == null ? "" : " subscription " + w.subscriptionId())));
    lines.add("Customer contact: " + c.customerContact().name() + ", " + c.customerContact().title() + ", "
        + c.customerContact().email() + " (" + c.customerContact().language() + ")");
    lines.add("Partner contact: " + c.partnerContact().name() + ", " + c.partnerContact().email());
    lines.add("Submitted: " + c.submittedAt() + " by " + c.submittedBy());
    if (c.comment() != null && !c.comment().isBlank()) {
      lines.add("Comment: " + c.comment());
    }
    claims.disputeJustification(claimId).ifPresent(j -> lines.add("DISPUTED by the partner after a rejection: " + j));
    claims.latestInformationRequest(claimId).filter(r -> r.answeredAt() != null).ifPresent(r -> {
      lines.add("Last question: " + r.question());
      lines.add("Partner's answer (" + r.answeredAt() + ", " + r.answeredBy() + "): " + r.answerComment());
    });
    return String.join("\n", lines);
  }

  /** Markdown links to the claim's PoE files, for the validation form. */
  public String poeLinks(String claimId) {
    List<PoeFile> files = poeFiles.ofClaim(claimId);
    if (files.isEmpty()) {
      return "No proof-of-execution file.";
    }
    return String.join("\n", files.stream().map(f -> "- [" + f.fileName().replaceAll("[\\[\\]()]", "_") + "]("
        + publicBaseUrl + "/api/poe/" + f.id() + ") " + f.contentType() + ", " + f.size() + " bytes, uploaded "
        + f.uploadedAt() + " by " + f.uploadedBy()).toList());
  }

  public String findings(String claimId) {
    List<Finding> findings = claims.findings(claimId);
    if (findings.isEmpty()) {
      return "No findings: the automated checks passed.";
    }
    return String.join("\n", findings.stream().map(f -> f.severity() + " " + f.code() + ": " + f.message()).toList());
  }

  /** The active association and every other open claim for the same tenant and workloads. */
  public String competition(String claimId) {
    Claim c = claims.get(claimId);
    List<String> lines = new ArrayList<>();
    for (String workload : c.workloadCodes()) {
      associations.activeFor(c.customerTenantId(), workload).ifPresent(a -> lines.add(workload
          + ": official association of PartnerID " + a.partnerId() + " since " + a.since() + " (claim " + a.claimId() + ")"));
      claims.openClaimsFor(c.customerTenantId(), workload).stream().filter(o -> !o.id().equals(claimId))
          .forEach(o -> lines.add(workload + ": open claim " + o.id() + " of PartnerID " + o.partnerId() + " (" + o.status() + ")"));
    }
    return lines.isEmpty() ? "No competing association or claim." : String.join("\n", lines)
        + "\nThe claim you do not prefer is rejected with COMPETING_CLAIM_PREFERRED.";
  }

  public String informationRequest(String claimId) {
    return claims.latestInformationRequest(claimId)
        .map(r -> "Reasons: " + String.join(", ", r.reasons()) + "\nQuestion: " + r.question() + "\nAnswer by: " + r.dueAt())
        .orElse("");
  }
}
