package org.cpor.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimMail;
import org.cpor.claim.Decision;
import org.springframework.stereotype.Component;

/** The claim's e-mails ({@link ClaimMail}): which kind each is, to whom, and what its template is given. */
@Component
class ClaimMails implements ClaimMail {

  private final Notifications notifications;

  ClaimMails(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void received(Claim claim) {
    notifications.toPartner(claim, NotificationKind.CLAIM_RECEIVED, Map.of());
  }

  @Override
  public void rejected(Claim claim, Decision decision) {
    Map<String, Object> details = new HashMap<>();
    details.put("reasons", String.join(", ", decision.reasons()));
    details.put("comment", decision.comment());
    notifications.toPartner(claim, NotificationKind.CLAIM_REJECTED, details);
  }

  @Override
  public void declinedByCustomer(Claim claim) {
    notifications.toPartner(claim, NotificationKind.DECLINED_BY_CUSTOMER, Map.of("ended", false));
  }

  @Override
  public void informationRequested(Claim claim, Decision decision, Instant dueAt) {
    notifications.toPartner(claim, NotificationKind.INFORMATION_REQUESTED,
        Map.of("reasons", String.join(", ", decision.reasons()), "question", decision.comment(), "dueAt", dueAt));
  }

  @Override
  public void reviewOverdue(Claim claim) {
    notifications.toValidationLeads(claim, NotificationKind.REVIEW_SLA_BREACHED,
        claim.reviewDueAt() == null ? Map.of() : Map.of("reviewDueAt", claim.reviewDueAt()));
  }
}
