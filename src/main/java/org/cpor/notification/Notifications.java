package org.cpor.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.claim.Claim;
import org.cpor.claim.Labels;
import org.cpor.partner.Organisation;
import org.cpor.partner.PartnerDirectory;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Writes the e-mails of DOMAIN.md into the notification log, in the transaction of the change they report;
 * the outbox sends them after the commit.
 */
@Service
public class Notifications {

  private static final String PARTNER_LANGUAGE = "en";

  private final NotificationStore store;
  private final NotificationOutbox outbox;
  private final MailTemplates templates;
  private final ValidationLeads leads;
  private final ClaimTimeline timeline;
  private final WorkloadCatalogue catalogue;
  private final Labels labels;
  private final PartnerDirectory partners;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final String publicBaseUrl;

  Notifications(NotificationStore store, NotificationOutbox outbox, MailTemplates templates, ValidationLeads leads,
      ClaimTimeline timeline, WorkloadCatalogue catalogue, Labels labels, PartnerDirectory partners, BusinessCalendar calendar,
      Clock clock, @Value("${cpor.public-base-url}") String publicBaseUrl) {
    this.store = store;
    this.outbox = outbox;
    this.templates = templates;
    this.leads = leads;
    this.timeline = timeline;
    this.catalogue = catalogue;
    this.labels = labels;
    this.partners = partners;
    this.calendar = calendar;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** An e-mail to the claim's partner contact; {@code details} adds to the template's model. */
  public void toPartner(Claim claim, NotificationKind kind, Map<String, Object> details) {
    Organisation organisation = partners.organisation(claim.organisationId()).orElseThrow();
    ZoneId zone = calendar.zoneOf(organisation.timeZone());
    queue(claim, kind, claim.partnerContact().email(), PARTNER_LANGUAGE, zone, true, details);
  }

  /** An e-mail to the claim's customer contact, in their language. */
  public void toCustomer(Claim claim, NotificationKind kind, Map<String, Object> details) {
    queue(claim, kind, claim.customerContact().email(), claim.customerContact().language(), calendar.zone(), false, details);
  }

  /** An alert to every validation lead. */
  void toValidationLeads(Claim claim, NotificationKind kind, Map<String, Object> details) {
    for (String lead : leads.emails()) {
      queue(claim, kind, lead, PARTNER_LANGUAGE, calendar.zone(), true, details);
    }
  }

  /**
   * Sends the customer's association request now, in the calling step's transaction, once: when one was already
   * delivered for this claim, that one counts. Returns when it was sent, or null when the mail server did not take it
   * (the step fails and is retried; the attempt is kept in the log as FAILED).
   */
  public Instant sendToCustomerOnce(Claim claim, Map<String, Object> details) {
    NotificationKind kind = NotificationKind.CUSTOMER_ASSOCIATION_REQUEST;
    Notification sent = store.latestOfKind(claim.id(), kind).filter(n -> n.state() == DeliveryState.SENT).orElse(null);
    if (sent != null) {
      return sent.sentAt();
    }
    String language = claim.customerContact().language();
    MailTemplates.Mail mail = templates.render(kind, language, model(claim, details, calendar.zone(), false));
    return outbox.sendInTransaction(store.insert(claim.id(), kind, claim.customerContact().email(), language, mail, clock.instant()));
  }

  private void queue(Claim claim, NotificationKind kind, String recipient, String language, ZoneId zone, boolean readable,
      Map<String, Object> details) {
    MailTemplates.Mail mail = templates.render(kind, language, model(claim, details, zone, readable));
    long id = store.insert(claim.id(), kind, recipient, language, mail, clock.instant());
    timeline.record(claim.id(), new TimelineEvent(clock.instant(), TimelineEvent.SYSTEM, "EMAIL_QUEUED",
        kind + " to " + recipient));
    outbox.sendAfterCommit(id);
  }

  /**
   * Instants in {@code details} are shown as local times in {@code zone}, labelled with it; in the English e-mails of
   * partners and leads with their weekday and, at midnight, the day they start. {@code portalUrl} is the claim's page
   * in the partner portal, where the partner acts (a signed-out partner arrives there after signing in).
   */
  private Map<String, Object> model(Claim claim, Map<String, Object> details, ZoneId zone, boolean readable) {
    Organisation organisation = partners.organisation(claim.organisationId()).orElseThrow();
    Map<String, Object> model = new HashMap<>(details);
    model.put("claim", claim);
    model.put("partnerName", organisation.name());
    model.put("workloadNames", workloadNames(claim));
    model.put("zone", zone.getId());
    model.put("portalUrl", publicBaseUrl + "/portal/claims/" + claim.id());
    model.put("labels", labels);
    details.forEach((key, value) -> {
      if (value instanceof Instant instant) {
        model.put(key, readable ? BusinessCalendar.readable(instant, zone) : BusinessCalendar.label(instant, zone));
      }
    });
    return model;
  }

  private List<String> workloadNames(Claim claim) {
    return claim.workloadCodes().stream().map(catalogue::displayName).toList();
  }
}
