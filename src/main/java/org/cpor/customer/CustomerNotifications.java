package org.cpor.customer;

import java.time.Instant;
import java.util.Map;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimStatus;
import org.cpor.claim.ClaimStore;
import org.cpor.notification.NotificationKind;
import org.cpor.notification.Notifications;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After approval the customer contact is asked, in their language, with a personal decline link; the opt-out
 * window starts when the e-mail has been sent and its end is computed once, then.
 */
@Service
public class CustomerNotifications {

  private final ClaimStore claims;
  private final ClaimTimeline timeline;
  private final Notifications notifications;
  private final CustomerLinks links;
  private final BusinessCalendar calendar;
  private final int windowBusinessDays;

  CustomerNotifications(ClaimStore claims, ClaimTimeline timeline, Notifications notifications, CustomerLinks links,
      BusinessCalendar calendar, @Value("${cpor.opt-out-window-business-days}") int windowBusinessDays) {
    this.claims = claims;
    this.timeline = timeline;
    this.notifications = notifications;
    this.links = links;
    this.calendar = calendar;
    this.windowBusinessDays = windowBusinessDays;
  }

  /**
   * Sends the request once (a retry after a recorded send sends nothing) and returns the opt-out deadline.
   * Throws when the mail server does not take it, so the step is tried again and finally becomes an incident.
   */
  @Transactional
  public Instant notifyCustomer(String claimId) {
    // the row lock queues a withdrawal behind the send: the customer is asked only about a claim still APPROVED, and a
    // second node that takes this step meanwhile (its lock on the job ran out) waits, then finds it done
    Claim claim = claims.lock(claimId).orElseThrow();
    if (claim.optOutDeadlineAt() != null) {
      return claim.optOutDeadlineAt();
    }
    if (claim.status() != ClaimStatus.APPROVED) {
      throw new IllegalStateException("claim " + claimId + " is " + claim.status() + ", not APPROVED");
    }
    // the deadline shown in the e-mail is the one the window will have: sending now, it starts now
    Instant expectedDeadline = calendar.addBusinessDaysFromNow(windowBusinessDays);
    Instant sentAt = notifications.sendToCustomerOnce(claim,
        Map.of("declineUrl", links.declineUrl(claimId), "pageUrl", links.pageUrl(claimId), "optOutDeadline", expectedDeadline));
    if (sentAt == null) {
      throw new CustomerNotificationFailedException("The association request to " + claim.customerContact().email()
          + " could not be sent; it is tried again");
    }
    Instant deadline = calendar.addBusinessDays(sentAt, windowBusinessDays);
    claims.setInstant(claimId, ClaimStore.Moment.CUSTOMER_NOTIFIED, sentAt);
    claims.setInstant(claimId, ClaimStore.Moment.OPT_OUT_DEADLINE, deadline);
    timeline.record(claimId, new TimelineEvent(sentAt, TimelineEvent.SYSTEM, "CUSTOMER_NOTIFIED",
        claim.customerContact().email() + " (" + claim.customerContact().language() + "), opt-out deadline " + deadline));
    notifications.toPartner(claims.get(claimId), NotificationKind.APPROVED_CUSTOMER_NOTIFIED, Map.of("optOutDeadline", deadline));
    return deadline;
  }
}
