package org.cpor.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cpor.association.AssociationStore;
import org.cpor.partner.PartnerDirectory;
import org.cpor.poe.PoeFile;
import org.cpor.poe.PoeFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Views of a claim for the Camunda Forms in Tasklist: one line per entry, and every free-text value on its line and
 * escaped ({@link DisplayText}), so that no value can add a line, a heading, a link, an image or HTML to a form.
 */
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
    Map<String, String> workloadNames = catalogue.ofProgram(c.program()).stream()
        .collect(Collectors.toMap(WorkloadCatalogue.Workload::code, WorkloadCatalogue.Workload::name));
    List<String> lines = new ArrayList<>();
    lines.add("Claim: " + text(c.name()) + " (" + c.id() + ")");
    lines.add("Partner: " + text(partner) + ", PartnerID " + c.partnerId());
    lines.add("Program: " + c.program() + " · " + c.program().solutionArea() + " · " + c.program().partnerRole()
        + (c.incentiveOptOut() ? " · incentive opt-out (recognition without payment)" : ""));
    lines.add("Customer tenant: " + c.customerTenantId() + " · domain " + text(c.customerDomain()));
    lines.add("Workloads:");
    c.workloads().forEach(w -> lines.add("  - " + text(workloadNames.getOrDefault(w.code(), w.code())) + " (" + w.code() + ")"
        + (w.subscriptionId() == null ? "" : " subscription " + w.subscriptionId())));
    lines.add("Customer contact: " + text(c.customerContact().name()) + ", " + text(c.customerContact().title()) + ", "
        + text(c.customerContact().email()) + " (" + c.customerContact().language() + ")");
    lines.add("Partner contact: " + text(c.partnerContact().name()) + ", " + text(c.partnerContact().email()));
    lines.add("Submitted: " + c.submittedAt() + " by " + text(c.submittedBy()));
    if (c.comment() != null && !c.comment().isBlank()) {
      lines.add("Comment: " + text(c.comment()));
    }
    claims.disputeJustification(claimId).ifPresent(j -> lines.add("DISPUTED by the partner after a rejection: " + text(j)));
    claims.latestInformationRequest(claimId).filter(r -> r.answeredAt() != null).ifPresent(r -> {
      lines.add("Last question: " + text(r.question()));
      lines.add("Partner's answer (" + r.answeredAt() + ", " + text(r.answeredBy()) + "): " + text(r.answerComment()));
    });
    return String.join("\n", lines);
  }

  /** Markdown links to the claim's PoE files, one list item each, for the validation form. */
  public String poeLinks(String claimId) {
    List<PoeFile> files = poeFiles.ofClaim(claimId);
    if (files.isEmpty()) {
      return "No proof-of-execution file.";
    }
    return String.join("\n", files.stream().map(f -> "- [" + text(f.fileName()) + "](" + publicBaseUrl + "/api/poe/" + f.id()
        + ") " + f.contentType() + ", " + f.size() + " bytes, uploaded " + f.uploadedAt() + " by " + text(f.uploadedBy())).toList());
  }

  public String findings(String claimId) {
    List<Finding> findings = claims.findings(claimId);
    if (findings.isEmpty()) {
      return "No findings: the automated checks passed.";
    }
    return String.join("\n", findings.stream().map(f -> f.severity() + " " + f.code() + ": " + text(f.message())).toList());
  }

  /**
   * The active association and every other open claim for the same tenant and workloads. Its values are codes, IDs,
   * statuses and times, whose formats are checked on input, so they are shown as they are, one line each.
   */
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
        .map(r -> "Reasons: " + String.join(", ", r.reasons()) + "\nQuestion: " + text(r.question()) + "\nAnswer by: " + r.dueAt())
        .orElse("");
  }

  /** Free text (the partner's, a validator's, an administrator's), one line and inert wherever a form shows it. */
  private static String text(String value) {
    return DisplayText.escape(value);
  }
}
