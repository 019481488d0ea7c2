package org.cpor.customer;

import java.time.Clock;
import org.cpor.association.Associations;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimStatus;
import org.cpor.claim.ClaimStore;
import org.cpor.claim.ClaimWorkflow;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer declines through the link: within the window the claim is rejected (CUSTOMER_DECLINED); once
 * official, the association ends. A second decline changes nothing.
 */
@Service
public class CustomerDeclines {

  private final ClaimStore claims;
  private final ClaimTimeline timeline;
  private final ClaimWorkflow workflow;
  private final Associations associations;
  private final Clock clock;

  CustomerDeclines(ClaimStore claims, ClaimTimeline timeline, ClaimWorkflow workflow, Associations associations, Clock clock) {
    this.claims = claims;
    this.timeline = timeline;
    this.workflow = workflow;
    this.associations = associations;
    this.clock = clock;
  }

  @Transactional
  public void decline(String claimId) {
    // the row lock queues a decline and the window's timer behind each other
    Claim claim = claims.lock(claimId).orElseThrow();
    if (claim.status() == ClaimStatus.APPROVED && claim.customerNotifiedAt() != null && claim.customerDeclinedAt() == null) {
      claims.setInstant(claimId, ClaimStore.Moment.CUSTOMER_DECLINED, clock.instant());
      timeline.record(claimId, new TimelineEvent(clock.instant(), TimelineEvent.CUSTOMER, "CUSTOMER_DECLINED",
          "within the opt-out window"));
      if (!workflow.customerDeclined(claimId)) {
        throw new IllegalStateException("claim " + claimId + " is approved but its process does not wait for the customer");
      }
    } else if (claim.status() == ClaimStatus.OFFICIAL) {
      associations.endByCustomer(claimId);
    }
  }
}
