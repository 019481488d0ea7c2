package org.cpor.claim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
  public java.util.Optional<Instant> disputableUntil(Claim claim) {
    if (claim.status() != ClaimStatus.REJECTED || claims.disputeJustification(claim.id()).isPresent()) {
      return java.util.Optional.empty();
    }
    return claims.latestDecision(claim.id())
        .filter(d -> d.outcome() == DecisionOutcome.REJECTED && !d.reasons().contains(ReasonCodes.CUSTOMER_DECLINED))
        .map(d -> d.decidedAt().plus(WINDOW))
        .filter(until -> !clock.instant().isAfter(until));
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
    Decision rejection = claims.latestDecision(claimId).filter(d -> claim.status() == ClaimStatus.REJECTED)
        .orElseThrow(() -> new ConflictException("Claim " + claimId + " is " + claim.status() + "; only a rejection can be disputed"));
    if (rejection.reasons().contains(ReasonCodes.CUSTOMER_DECLINED)) {
      throw new ConflictException("The customer declined this association; a customer's decline cannot be disputed");
    }
    if (claims.disputeJustification(claimId).isPresent()) {
      throw new ConflictException("Claim " + claimId + " has been disputed already; a rejection may be disputed once");
    }
    if (now.isAfter(rejection.decidedAt().plus(WINDOW))) {
      throw new ConflictException("The rejection of " + rejection.decidedAt() + " can no longer be disputed: "
          + "disputes are possible within 30 calendar days");
    }
    checks.refuse(claim.organisationId(), claim.partnerId(), claim.customerTenantId(), claim.customerDomain(),
        claim.workloadCodes(), claimId);
    poeIds.addAll(poeFiles.uploadAll(caller, uploads));
    long disputeId = claims.insertDispute(claimId, justification, now, caller.userId());
    poeFiles.attach(poeIds, claimId, null, disputeId, caller.userId());
    timeline.record(claimId, new TimelineEvent(now, caller.userId(), "DISPUTED", justification));
    workflow.startDispute(claimId);
    return claims.get(claimId);
  }
}
