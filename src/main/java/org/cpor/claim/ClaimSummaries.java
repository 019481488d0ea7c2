package org.cpor.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
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

  /** Every view fits into a Camunda String variable: long texts are shortened, long lists say how much is left out. */
  static final int MAX_LENGTH = Limits.CAMUNDA_STRING;

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
    List<Line> all = new ArrayList<>(lines.stream().map(Line::fixed).toList());
    if (c.comment() != null && !c.comment().isBlank()) {
      all.add(new Line("Comment: ", c.comment()));
    }
    claims.disputeJustification(claimId).ifPresent(j -> all.add(new Line("DISPUTED by the partner after a rejection: ", j)));
    claims.latestInformationRequest(claimId).filter(r -> r.answeredAt() != null).ifPresent(r -> {
      all.add(new Line("Last question: ", r.question()));
      all.add(new Line("Partner's answer (" + r.answeredAt() + ", " + text(r.answeredBy()) + "): ", r.answerComment()));
    });
    return fitted(all);
  }

  /** Markdown links to the claim's PoE files, one list item each, for the validation form. */
  public String poeLinks(String claimId) {
    List<PoeFile> files = poeFiles.ofClaim(claimId);
    if (files.isEmpty()) {
      return "No proof-of-execution file.";
    }
    return listed(files.stream().map(f -> "- [" + text(f.fileName()) + "](" + publicBaseUrl + "/api/poe/" + f.id() + ") "
            + f.contentType() + ", " + f.size() + " bytes, uploaded " + f.uploadedAt() + " by " + text(f.uploadedBy())).toList(),
        left -> "- … and " + left + " more files, all listed at " + publicBaseUrl + "/api/claims/" + claimId);
  }

  public String findings(String claimId) {
    List<Finding> findings = claims.findings(claimId);
    if (findings.isEmpty()) {
      return "No findings: the automated checks passed.";
    }
    return listed(findings.stream().map(f -> f.severity() + " " + f.code() + ": " + text(f.message())).toList(),
        left -> "… and " + left + " more findings");
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
    if (lines.isEmpty()) {
      return "No competing association or claim.";
    }
    lines.add("The claim you do not prefer is rejected with COMPETING_CLAIM_PREFERRED.");
    return listed(lines, left -> "… and " + left + " more: the claims of the tenant are listed at " + publicBaseUrl
        + "/api/claims?tenantId=" + c.customerTenantId());
  }

  public String informationRequest(String claimId) {
    return claims.latestInformationRequest(claimId)
        .map(r -> fitted(List.of(Line.fixed("Reasons: " + String.join(", ", r.reasons())),
            new Line("Question: ", r.question()), Line.fixed("Answer by: " + r.dueAt()))))
        .orElse("");
  }

  /** Free text (the partner's, a validator's, an administrator's), one line and inert wherever a form shows it. */
  private static String text(String value) {
    return DisplayText.escape(value);
  }

  /** A line of a view: its label, then free text (escaped here, shortened when the view would not fit otherwise). */
  private record Line(String label, String text) {
    static Line fixed(String line) {
      return new Line(line, null);
    }
  }

  /**
   * The lines in their order, each text whole when everything fits, otherwise the longest texts shortened alike, so a
   * short answer is never cut for a long comment.
   */
  private static String fitted(List<Line> lines) {
    List<String> escaped = lines.stream().map(line -> line.text() == null ? "" : text(line.text())).toList();
    int fixed = lines.stream().mapToInt(line -> line.label().length() + 1).sum();
    int[] caps = shares(escaped.stream().mapToInt(String::length).toArray(), MAX_LENGTH - fixed);
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      shown.add(lines.get(i).label() + DisplayText.shorten(escaped.get(i), caps[i]));
    }
    return listed(shown, left -> "… (shortened to fit the form)");
  }

  /** How many characters each text may have so that together they take at most {@code budget}: the short ones whole. */
  private static int[] shares(int[] lengths, int budget) {
    int[] caps = new int[lengths.length];
    Integer[] shortestFirst = new Integer[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      shortestFirst[i] = i;
    }
    Arrays.sort(shortestFirst, Comparator.comparingInt(i -> lengths[i]));
    int left = Math.max(0, budget);
    for (int n = 0; n < shortestFirst.length; n++) {
      int i = shortestFirst[n];
      caps[i] = Math.min(lengths[i], left / (shortestFirst.length - n));
      left -= caps[i];
    }
    return caps;
  }

  /** The lines as long as they fit, then one line saying what is left out. */
  private static String listed(List<String> lines, IntFunction<String> more) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String line = (i == 0 ? "" : "\n") + lines.get(i);
      String rest = "\n" + more.apply(lines.size() - i);
      boolean last = i == lines.size() - 1;
      if (text.length() + line.length() + (last ? 0 : rest.length()) > MAX_LENGTH) {
        return text.append(i == 0 ? more.apply(lines.size()) : rest).toString();
      }
      text.append(line);
    }
    return text.toString();
  }
}
