package org.cpor.claim;

import java.time.Clock;
import org.cpor.identity.Caller;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The partner withdraws an open claim; its process ends at once. */
@Service
public class ClaimWithdrawals {

  private final ClaimAccess access;
  private final ClaimStore claims;
  private final ClaimTimeline timeline;
  private final ClaimWorkflow workflow;
  private final Clock clock;

  ClaimWithdrawals(ClaimAccess access, ClaimStore claims, ClaimTimeline timeline, ClaimWorkflow workflow, Clock clock) {
    this.access = access;
    this.claims = claims;
    this.timeline = timeline;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Transactional
  public Claim withdraw(String claimId, String reason, Caller caller) {
    ClaimLimits.checkWithdrawal(reason);
    Claim claim = access.lockForChange(claimId, caller);
    if (!claim.status().isOpen()) {
      throw new ConflictException("Claim " + claimId + " is " + claim.status() + " and can no longer be withdrawn");
    }
    claims.updateStatus(claim, ClaimStatus.WITHDRAWN);
    claims.setInstant(claimId, ClaimStore.Moment.WITHDRAWN, clock.instant());
    timeline.record(claimId, new TimelineEvent(clock.instant(), caller.userId(), "WITHDRAWN",
        reason == null || reason.isBlank() ? null : reason.strip()));
    if (!workflow.withdraw(claimId)) {
      throw new IllegalStateException("claim " + claimId + " is open but its process is not running");
    }
    return claims.get(claimId);
  }
}
