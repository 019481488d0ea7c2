package org.cpor.association;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.claim.Association;
import org.cpor.claim.AssociationStatus;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimStatus;
import org.cpor.claim.ClaimStore;
import org.cpor.claim.CompetitorRedaction;
import org.cpor.claim.EndReason;
import org.cpor.identity.Caller;
import org.cpor.notification.NotificationKind;
import org.cpor.notification.Notifications;
import org.cpor.tenant.TenantDirectory;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.ConflictException;
import org.cpor.web.ForbiddenException;
import org.cpor.web.InvalidInputException;
import org.cpor.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Associations become official, are superseded, and end. */
@Service
@Transactional
public class Associations {

  private final AssociationStore associations;
  private final ClaimStore claims;
  private final ClaimTimeline timeline;
  private final Notifications notifications;
  private final WorkloadCatalogue catalogue;
  private final TenantDirectory tenants;
  private final Clock clock;
  private final CompetitorRedaction redaction;

  Associations(AssociationStore associations, ClaimStore claims, ClaimTimeline timeline, Notifications notifications,
      WorkloadCatalogue catalogue, TenantDirectory tenants, Clock clock, CompetitorRedaction redaction) {
    this.redaction = redaction;
    this.tenants = tenants;
    this.associations = associations;
    this.claims = claims;
    this.timeline = timeline;
    this.notifications = notifications;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  /**
   * The customer's window has elapsed: every claimed workload becomes an official association. An incumbent's
   * association for the same tenant and workload ends (SUPERSEDED) and both partners are told.
   */
  public void makeOfficial(String claimId) {
    Claim claim = claims.lock(claimId).orElseThrow();
    if (claim.status() != ClaimStatus.APPROVED) {
      return;
    }
    // competing claims for the tenant's workloads become official one after the other, each finding the one before
    tenants.lock(claim.customerTenantId());
    Instant now = clock.instant();
    Map<String, List<String>> supersededByClaim = new LinkedHashMap<>();
    for (String workload : claim.workloadCodes()) {
      associations.activeFor(claim.customerTenantId(), workload).ifPresent(incumbent -> {
        // validators and auditors read which claim won; a partner reads these through CompetitorRedaction
        associations.end(incumbent.id(), EndReason.SUPERSEDED, "superseded by claim " + claimId, now);
        timeline.record(incumbent.claimId(), new TimelineEvent(now, TimelineEvent.SYSTEM, "ASSOCIATION_ENDED",
            workload + " SUPERSEDED by claim " + claimId));
        supersededByClaim.computeIfAbsent(incumbent.claimId(), c -> new ArrayList<>()).add(catalogue.displayName(workload));
      });
      associations.insertActive(claimId, claim.partnerId(), claim.organisationId(), claim.customerTenantId(), workload, now);
    }
    claims.updateStatus(claim, ClaimStatus.OFFICIAL);
    claims.setInstant(claimId, ClaimStore.Moment.OFFICIAL, now);
    timeline.record(claimId, new TimelineEvent(now, TimelineEvent.SYSTEM, "OFFICIAL",
        String.join(",", claim.workloadCodes()) + " in tenant " + claim.customerTenantId()));
    notifications.toPartner(claims.get(claimId), NotificationKind.ASSOCIATION_OFFICIAL, Map.of("officialAt", now));
    supersededByClaim.forEach((incumbentClaimId, workloads) -> {
      endClaimWhenNothingActive(incumbentClaimId);
      notifications.toPartner(claims.get(incumbentClaimId), NotificationKind.ASSOCIATION_SUPERSEDED,
          Map.of("supersededWorkloads", workloads));
    });
  }

  /** The customer declines after the association became official: every active association of the claim ends. */
  public boolean endByCustomer(String claimId) {
    Claim claim = claims.lock(claimId).orElseThrow();
    Instant now = clock.instant();
    List<Association> active = associations.ofClaim(claimId).stream()
        .filter(a -> a.status() == AssociationStatus.ACTIVE).toList();
    if (active.isEmpty()) {
      return false;
    }
    for (Association association : active) {
      associations.end(association.id(), EndReason.CUSTOMER_DECLINED, null, now);
    }
    claims.setInstant(claimId, ClaimStore.Moment.CUSTOMER_DECLINED, now);
    timeline.record(claimId, new TimelineEvent(now, TimelineEvent.CUSTOMER, "ASSOCIATION_ENDED",
        String.join(",", active.stream().map(Association::workload).toList()) + " CUSTOMER_DECLINED"));
    endClaimWhenNothingActive(claimId);
    notifications.toPartner(claim, NotificationKind.DECLINED_BY_CUSTOMER, Map.of("ended", true));
    return true;
  }

  /** The associations a query finds: one page of them as the caller may see them, and how many it finds in all. */
  public record Listing(List<Association> associations, long total) {}

  public Listing list(AssociationQuery query, Caller caller) {
    return new Listing(associations.search(query).stream().map(a -> redaction.association(a, caller)).toList(),
        associations.count(query));
  }

  /** The association, when the caller may see it: another organisation's does not exist for a partner (404). */
  public Association read(String associationId, Caller caller) {
    return associations.find(associationId).filter(a -> caller.canRead(a.organisationId()))
        .orElseThrow(() -> new NotFoundException("No association " + associationId));
  }

  /** The partner ends an official association, with a mandatory reason; the customer and the partner are told. */
  public Association disassociate(String associationId, String reason, Caller caller) {
    Association association = read(associationId, caller);
    if (!caller.canChange(association.organisationId())) {
      throw new ForbiddenException("Only an Incentives admin of the association's organisation may end it");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("reason", "is required: say why the association ends");
    }
    if (reason.length() > 2000) {
      throw new InvalidInputException("reason", "must be at most 2000 characters long");
    }
    Claim claim = claims.lock(association.claimId()).orElseThrow();
    association = associations.find(associationId).orElseThrow();
    if (association.status() != AssociationStatus.ACTIVE) {
      throw new ConflictException("Association " + associationId + " has ended already (" + association.endReason() + ")");
    }
    Instant now = clock.instant();
    associations.end(associationId, EndReason.PARTNER_DISASSOCIATED, reason.strip(), now);
    timeline.record(claim.id(), new TimelineEvent(now, caller.userId(), "ASSOCIATION_ENDED",
        association.workload() + " PARTNER_DISASSOCIATED: " + reason.strip()));
    endClaimWhenNothingActive(claim.id());
    String workload = catalogue.displayName(association.workload());
    notifications.toPartner(claim, NotificationKind.ASSOCIATION_ENDED,
        Map.of("workload", workload, "endReason", "PARTNER_DISASSOCIATED: " + reason.strip()));
    notifications.toCustomer(claim, NotificationKind.CUSTOMER_ASSOCIATION_ENDED, Map.of("endedWorkloads", List.of(workload)));
    return associations.find(associationId).orElseThrow();
  }

  private void endClaimWhenNothingActive(String claimId) {
    boolean anyActive = associations.ofClaim(claimId).stream().anyMatch(a -> a.status() == AssociationStatus.ACTIVE);
    Claim claim = claims.get(claimId);
    if (!anyActive && claim.status() == ClaimStatus.OFFICIAL) {
      claims.updateStatus(claim, ClaimStatus.ENDED);
      timeline.record(claimId, new TimelineEvent(clock.instant(), TimelineEvent.SYSTEM, "ENDED", "no active association left"));
    }
  }
}
