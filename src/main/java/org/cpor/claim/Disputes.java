package org.cpor.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cpor.identity.Caller;
import org.cpor.poe.PoeFiles;
import org.cpor.poe.Upload;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.ConflictException;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Limits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A validator's rejection (or one for NO_PARTNER_RESPONSE) may be disputed once, within 30 calendar days; a
 * customer's decline may not. The dispute starts a new instance of the claim's process, back to validation.
 */
@Service
public class Disputes {

  static final Duration WINDOW = Duration.ofDays(30);

  private final ClaimAccess access;
  private final ClaimStore claims;
  private final ClaimChecks checks;
  private final ClaimTimeline timeline;
  private final ClaimWorkflow workflow;
  private final PoeFiles poeFiles;
  private final Clock clock;

  Disputes(ClaimAccess access, ClaimStore claims, ClaimChecks checks, ClaimTimeline timeline, ClaimWorkflow workflow,
      PoeFiles poeFiles, Clock clock) {
    this.access = access;
    this.claims = claims;
    this.checks = checks;
    this.timeline = timeline;
    this.workflow = workflow;
    this.poeFiles = poeFiles;
    this.clock = clock;
  }

  public record DisputeRequest(String justification, List<String> poeIds) {}

  /**
   * Until when the claim's rejection may still be disputed; empty when it may not (not rejected, declined by the
   * customer, disputed already, or the 30 days have passed). The same rule {@link #dispute} applies.
   */
  public Optional<Instant> disputableUntil(Claim claim) {
    if (claim.status() != ClaimStatus.REJECTED) {
      return Optional.empty();
    }
    return until(claim, claims.latestDecision(claim.id()), claims.disputeJustification(claim.id()).isPresent());
  }

  /** {@link #disputableUntil(Claim)} of each claim of a page that may be disputed: two queries, whatever its size. */
  public Map<String, Instant> disputableUntil(List<Claim> page) {
    List<String> rejected = page.stream().filter(c -> c.status() == ClaimStatus.REJECTED).map(Claim::id).toList();
    if (rejected.isEmpty()) {
      return Map.of();
    }
    Map<String, Decision> decisions = claims.latestDecisions(rejected);
    Set<String> disputed = claims.disputed(rejected);
    Map<String, Instant> until = new HashMap<>();
    for (Claim claim : page) {
      until(claim, Optional.ofNullable(decisions.get(claim.id())), disputed.contains(claim.id()))
          .ifPresent(instant -> until.put(claim.id(), instant));
    }
    return until;
  }

  private Optional<Instant> until(Claim claim, Optional<Decision> latest, boolean disputed) {
    return refusal(claim, latest, disputed, clock.instant()).isPresent() ? Optional.empty()
        : latest.map(decision -> decision.decidedAt().plus(WINDOW));
  }

  /**
   * Why the claim's rejection may not be disputed at {@code now}, or nothing when it may: the one rule of disputes,
   * for the dispute itself and for every screen that offers one ({@link ClaimQuery}'s "needs your action" says it in
   * SQL).
   */
  private static Optional<String> refusal(Claim claim, Optional<Decision> latest, boolean disputed, Instant now) {
    if (claim.status() != ClaimStatus.REJECTED) {
      return Optional.of("Claim " + claim.id() + " is " + claim.status() + "; only a rejection can be disputed");
    }
    Optional<Decision> rejection = latest.filter(d -> d.outcome() == DecisionOutcome.REJECTED);
    if (rejection.isEmpty()) {
      return Optional.of("Claim " + claim.id() + " has no rejection on record to dispute");
    }
    if (rejection.get().reasons().contains(ReasonCodes.CUSTOMER_DECLINED)) {
      return Optional.of("The customer declined this association; a customer's decline cannot be disputed");
    }
    if (disputed) {
      return Optional.of("Claim " + claim.id() + " has been disputed already; a rejection may be disputed once");
    }
    if (now.isAfter(rejection.get().decidedAt().plus(WINDOW))) {
      return Optional.of("The rejection of " + rejection.get().decidedAt() + " can no longer be disputed: "
          + "disputes are possible within 30 calendar days");
    }
    return Optional.empty();
  }

  /** Rejections decided since this instant may still be disputed (the claims lists' "needs your action"). */
  public Instant disputableSince() {
    return clock.instant().minus(WINDOW);
  }

  @Transactional
  public Claim dispute(String claimId, DisputeRequest request, Caller caller) {
    return dispute(claimId, request, List.of(), caller);
  }

  /**
   * A dispute with PoE files sent along (the portal's form): the {@link Limits} first, before any query, then the files
   * are stored with the dispute or, when it is refused, not at all.
   */
  @Transactional
  public Claim dispute(String claimId, DisputeRequest request, List<Upload> uploads, Caller caller) {
    ClaimLimits.check(request, uploads.size());
    Claim claim = access.lockForChange(claimId, caller);
    List<FieldError> errors = new ArrayList<>();
    String justification = request == null || request.justification() == null ? null : request.justification().strip();
    if (justification == null || justification.isEmpty()) {
      errors.add(new FieldError("justification", "is required: say why the rejection should be reviewed again"));
    }
    List<String> poeIds = new ArrayList<>(request == null || request.poeIds() == null ? List.of() : request.poeIds());
    errors.addAll(poeFiles.checkAttachable(poeIds, claim.organisationId(), "poeIds"));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Instant now = clock.instant();
    Optional<String> refused = refusal(claim, claims.latestDecision(claimId), claims.disputeJustification(claimId).isPresent(), now);
    if (refused.isPresent()) {
      throw new ConflictException(refused.get());
    }
    // the claim's process starts in this transaction and records its findings from the competition checked here
    checks.remember(claimId, checks.refuse(claim.organisationId(), claim.partnerId(), claim.customerTenantId(),
        claim.customerDomain(), claim.workloadCodes(), claimId));
    poeIds.addAll(poeFiles.uploadAll(caller, uploads));
    long disputeId = claims.insertDispute(claimId, justification, now, caller.userId());
    poeFiles.attach(poeIds, claimId, null, disputeId, caller.userId());
    timeline.record(claimId, new TimelineEvent(now, caller.userId(), "DISPUTED", justification));
    workflow.startDispute(claimId);
    return claims.get(claimId);
  }
}
