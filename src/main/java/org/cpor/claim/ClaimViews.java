package org.cpor.claim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.claim.ClaimView.DecisionView;
import org.cpor.claim.ClaimView.OpenRequestView;
import org.cpor.claim.ClaimView.WorkloadView;
import org.cpor.identity.Caller;
import org.cpor.poe.PoeFile;
import org.cpor.poe.PoeFiles;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.springframework.stereotype.Component;

/** Assembles the API's and the portal's view of a claim from the store, as the caller may see it. */
@Component
public class ClaimViews {

  private final ClaimStore claims;
  private final ClaimAssociations associations;
  private final WorkloadCatalogue catalogue;
  private final ClaimIncidents incidents;
  private final PoeFiles poeFiles;
  private final ClaimTimeline timeline;
  private final CompetitorRedaction redaction;

  ClaimViews(ClaimStore claims, ClaimAssociations associations, WorkloadCatalogue catalogue, ClaimIncidents incidents,
      PoeFiles poeFiles, ClaimTimeline timeline, CompetitorRedaction redaction) {
    this.poeFiles = poeFiles;
    this.timeline = timeline;
    this.redaction = redaction;
    this.claims = claims;
    this.associations = associations;
    this.catalogue = catalogue;
    this.incidents = incidents;
  }

  /** The claims a query finds: one page of them, also as the caller may see them, and how many it finds in all. */
  public record Listing(List<Claim> claims, List<ClaimView> views, long total) {}

  public Listing list(ClaimQuery query, Caller caller) {
    List<Claim> found = claims.search(query);
    return new Listing(found, of(found, caller), claims.count(query));
  }

  public long count(ClaimQuery query) {
    return claims.count(query);
  }

  public Map<ClaimStatus, Long> countByStatus(ClaimQuery query) {
    return claims.countByStatus(query);
  }

  public ClaimView of(Claim claim, Caller caller) {
    return of(List.of(claim), caller).get(0);
  }

  /**
   * The views of a page of claims, in their order: one query for each kind of data (associations, PoE files, findings,
   * decisions, open requests, the workload catalogue, failing notifications), whatever the number of claims.
   */
  public List<ClaimView> of(List<Claim> page, Caller caller) {
    if (page.isEmpty()) {
      return List.of();
    }
    List<String> ids = page.stream().map(Claim::id).toList();
    Map<String, List<Association>> associationsByClaim = associations.ofClaims(ids);
    Map<String, List<PoeFile>> poeByClaim = poeFiles.ofClaims(ids);
    Map<String, List<Finding>> findingsByClaim = claims.findings(ids);
    Map<String, Decision> decisions = claims.latestDecisions(ids);
    List<String> awaitingAnswer = page.stream().filter(c -> c.status() == ClaimStatus.PARTNER_ACTION_REQUIRED).map(Claim::id).toList();
    Map<String, InformationRequest> requests = awaitingAnswer.isEmpty() ? Map.of() : claims.latestInformationRequests(awaitingAnswer);
    List<String> awaitingNotification = page.stream()
        .filter(c -> c.status() == ClaimStatus.APPROVED && c.customerNotifiedAt() == null).map(Claim::id).toList();
    Set<String> failing = awaitingNotification.isEmpty() ? Set.of() : incidents.customerNotificationFailing(awaitingNotification);
    WorkloadCatalogue.Names names = catalogue.names();
    return page.stream().map(claim -> view(claim, caller, names, associationsByClaim.getOrDefault(claim.id(), List.of()),
        poeByClaim.getOrDefault(claim.id(), List.of()), findingsByClaim.getOrDefault(claim.id(), List.of()),
        requests.get(claim.id()), decisions.get(claim.id()), failing.contains(claim.id()))).toList();
  }

  private ClaimView view(Claim claim, Caller caller, WorkloadCatalogue.Names names, List<Association> claimAssociations,
      List<PoeFile> poe, List<Finding> findings, InformationRequest latestRequest, Decision latestDecision,
      boolean notificationFailing) {
    List<WorkloadView> workloads = claim.workloads().stream()
        .map(w -> new WorkloadView(w.code(), names.name(claim.program(), w.code()).orElse(w.code()), w.subscriptionId(),
            claimAssociations.stream().filter(a -> a.workload().equals(w.code())).reduce((a, b) -> b)
                .map(a -> a.status().name()).orElse(null)))
        .toList();
    OpenRequestView openRequest = claim.status() == ClaimStatus.PARTNER_ACTION_REQUIRED
        ? Optional.ofNullable(latestRequest).filter(InformationRequest::isOpen)
            .map(r -> new OpenRequestView(r.reasons(), r.question(), r.requestedAt(), r.dueAt())).orElse(null)
        : null;
    Optional<DecisionView> decision = Optional.ofNullable(latestDecision)
        .map(d -> new DecisionView(d.outcome(), d.reasons(), d.comment(), d.decidedAt(), d.decidedBy()));
    List<String> alerts = claim.status() == ClaimStatus.APPROVED && claim.customerNotifiedAt() == null
        && notificationFailing ? List.of(ClaimView.CUSTOMER_NOTIFICATION_FAILING) : List.of();
    return new ClaimView(claim.id(), claim.name(), claim.partnerId(), claim.program().name(), claim.program().solutionArea(),
        claim.program().partnerRole(), claim.customerTenantId(), claim.customerDomain(), workloads, claim.customerContact(),
        claim.partnerContact(), claim.incentiveOptOut(), claim.comment(), poe.stream().map(PoeFile::id).toList(), poe, claim.status(), claim.submittedAt(),
        claim.submittedBy(), redaction.findings(findings, caller, names::displayName), openRequest, decision.orElse(null), claim.reviewDueAt(),
        claim.customerNotifiedAt(), claim.optOutDeadlineAt(), claim.officialAt(), claim.withdrawnAt(), alerts);
  }

  /** Every event of the claim, as the caller may see it. */
  public List<TimelineEvent> timeline(Claim claim, Caller caller) {
    return redaction.timeline(timeline.ofClaim(claim.id()), caller);
  }
}
