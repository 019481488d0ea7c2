package org.cpor.claim;

import static org.cpor.jdbc.Timestamps.of;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cpor.identity.Caller;
import org.cpor.poe.PoeFiles;
import org.cpor.web.ConflictException;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
  private final JdbcClient jdbc;
  private final Clock clock;

  Disputes(ClaimAccess access, ClaimStore claims, ClaimChecks checks, ClaimTimeline timeline, ClaimWorkflow workflow,
      PoeFiles poeFiles, JdbcClient jdbc, Clock clock) {
    this.access = access;
    this.claims = claims;
    this.checks = checks;
    this.timeline = timeline;
    this.workflow = workflow;
    this.poeFiles = poeFiles;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record DisputeRequest(String justification, List<String> poeIds) {}

  @Transactional
  public Claim dispute(String claimId, DisputeRequest request, Caller caller) {
    Claim claim = access.lockForChange(claimId, caller);
    List<FieldError> errors = new ArrayList<>();
    String justification = request == null || request.justification() == null ? null : request.justification().strip();
    if (justification == null || justification.isEmpty()) {
      errors.add(new FieldError("justification", "is required: say why the rejection should be reviewed again"));
    } else if (justification.length() > ClaimRules.MAX_COMMENT) {
      errors.add(new FieldError("justification", "must be at most " + ClaimRules.MAX_COMMENT + " characters long"));
    }
    List<String> poeIds = request == null || request.poeIds() == null ? List.of() : request.poeIds();
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
    if (count(claimId) > 0) {
      throw new ConflictException("Claim " + claimId + " has been disputed already; a rejection may be disputed once");
    }
    if (now.isAfter(rejection.decidedAt().plus(WINDOW))) {
      throw new ConflictException("The rejection of " + rejection.decidedAt() + " can no longer be disputed: "
          + "disputes are possible within 30 calendar days");
    }
    checks.refuse(claim.organisationId(), claim.partnerId(), claim.customerTenantId(), claim.customerDomain(),
        claim.workloadCodes(), claimId);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into disputes (claim_id, justification, disputed_at, disputed_by) values (?, ?, ?, ?)")
        .params(claimId, justification, of(now), caller.userId()).update(key, "id");
    long disputeId = key.getKey().longValue();
    poeFiles.attach(poeIds, claimId, null, disputeId, caller.userId());
    timeline.record(claimId, new TimelineEvent(now, caller.userId(), "DISPUTED", justification));
    workflow.startDispute(claimId, claim.organisationId());
    return claims.get(claimId);
  }

  /** The claim's dispute justification, if it was disputed. */
  public java.util.Optional<String> justification(String claimId) {
    return jdbc.sql("select justification from disputes where claim_id = ? order by id desc limit 1").param(claimId)
        .query(String.class).optional();
  }

  private long count(String claimId) {
    return jdbc.sql("select count(*) from disputes where claim_id = ?").param(claimId).query(Long.class).single();
  }
}
