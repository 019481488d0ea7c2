package org.cpor.claim;

import java.util.List;
import java.util.Optional;
import org.cpor.association.Association;
import org.cpor.association.AssociationStore;
import org.cpor.claim.ClaimView.DecisionView;
import org.cpor.claim.ClaimView.OpenRequestView;
import org.cpor.claim.ClaimView.WorkloadView;
import org.cpor.identity.Caller;
import org.cpor.poe.PoeFile;
import org.cpor.poe.PoeFiles;
import org.springframework.stereotype.Component;

/** Assembles the API's and the portal's view of a claim from the store, as the caller may see it. */
@Component
public class ClaimViews {

  private final ClaimStore claims;
  private final AssociationStore associations;
  private final WorkloadCatalogue catalogue;
  private final ClaimIncidents incidents;
  private final PoeFiles poeFiles;
  private final ClaimTimeline timeline;
  private final CompetitorRedaction redaction;

  ClaimViews(ClaimStore claims, AssociationStore associations, WorkloadCatalogue catalogue, ClaimIncidents incidents,
      PoeFiles poeFiles, ClaimTimeline timeline, CompetitorRedaction redaction) {
    this.poeFiles = poeFiles;
    this.timeline = timeline;
    this.redaction = redaction;
    this.claims = claims;
    this.associations = associations;
    this.catalogue = catalogue;
    this.incidents = incidents;
  }

  public ClaimView of(Claim claim, Caller caller) {
    List<Association> claimAssociations = associations.ofClaim(claim.id());
    List<PoeFile> poe = poeFiles.ofClaim(claim.id());
    List<WorkloadView> workloads = claim.workloads().stream()
        .map(w -> new WorkloadView(w.code(), catalogue.name(claim.program(), w.code()).orElse(w.code()), w.subscriptionId(),
            claimAssociations.stream().filter(a -> a.workload().equals(w.code())).reduce((a, b) -> b)
                .map(a -> a.status().name()).orElse(null)))
        .toList();
    OpenRequestView openRequest = claim.status() == ClaimStatus.PARTNER_ACTION_REQUIRED
        ? claims.latestInformationRequest(claim.id()).filter(InformationRequest::isOpen)
            .map(r -> new OpenRequestView(r.reasons(), r.question(), r.requestedAt(), r.dueAt())).orElse(null)
        : null;
    Optional<DecisionView> decision = claims.latestDecision(claim.id())
        .map(d -> new DecisionView(d.outcome(), d.reasons(), d.comment(), d.decidedAt(), d.decidedBy()));
    List<String> alerts = claim.status() == ClaimStatus.APPROVED && claim.customerNotifiedAt() == null
        && incidents.customerNotificationFailing(claim.id()) ? List.of(ClaimView.CUSTOMER_NOTIFICATION_FAILING) : List.of();
    return new ClaimView(claim.id(), claim.name(), claim.partnerId(), claim.program().name(), claim.program().solutionArea(),
        claim.program().partnerRole(), claim.customerTenantId(), claim.customerDomain(), workloads, claim.customerContact(),
        claim.partnerContact(), claim.incentiveOptOut(), claim.comment(), poe.stream().map(PoeFile::id).toList(), poe, claim.status(), claim.submittedAt(),
        claim.submittedBy(), redaction.findings(claims.findings(claim.id()), caller), openRequest, decision.orElse(null), claim.reviewDueAt(),
        claim.customerNotifiedAt(), claim.optOutDeadlineAt(), claim.officialAt(), claim.withdrawnAt(), alerts);
  }

  /** Every event of the claim, as the caller may see it. */
  public List<TimelineEvent> timeline(Claim claim, Caller caller) {
    return redaction.timeline(timeline.ofClaim(claim.id()), caller);
  }
}
