package org.cpor.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cpor.partner.PartnerDirectory;
import org.cpor.partner.PartnerLocation;
import org.cpor.tenant.Tenant;
import org.cpor.tenant.TenantDirectory;
import org.cpor.web.ConflictException;
import org.cpor.web.UnprocessableException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The automated checks of a submission: what refuses a claim at once (domain–tenant mismatch, PartnerID not
 * enrolled or of another organisation, a duplicate of the organisation's own), and what only informs the
 * validator (competing claims, an unknown tenant).
 */
@Component
class ClaimChecks {

  private final PartnerDirectory partners;
  private final TenantDirectory tenants;
  private final ClaimStore claims;
  private final ClaimAssociations associations;

  ClaimChecks(PartnerDirectory partners, TenantDirectory tenants, ClaimStore claims, ClaimAssociations associations) {
    this.partners = partners;
    this.tenants = tenants;
    this.claims = claims;
    this.associations = associations;
  }

  /**
   * What holds or claims a tenant's workloads: the ACTIVE association and the open claims (of every organisation) for
   * each workload.
   */
  public record Competition(Map<String, Association> active, Map<String, List<Claim>> open) {

    Optional<Association> activeFor(String workload) {
      return Optional.ofNullable(active.get(workload));
    }

    List<Claim> openClaimsFor(String workload) {
      return open.getOrDefault(workload, List.of());
    }
  }

  /** The competition for a tenant's workloads, read in two queries (three when there are open claims). */
  Competition competition(String tenantId, List<String> workloads) {
    return new Competition(associations.activeFor(tenantId, workloads), claims.openClaimsFor(tenantId, workloads));
  }

  /**
   * The competition a submission checked its claim against, for the rest of the submission's transaction: the claim's
   * process starts in it and records the findings and shows the competition from it rather than asking again. Nothing
   * else in that transaction changes who holds or claims the claim's workloads.
   */
  void remember(String claimId, Competition competition) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    Remembered key = new Remembered(claimId);
    TransactionSynchronizationManager.bindResource(key, competition);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
      }
    });
  }

  /** The competition for the claim's tenant and workloads: as its submission checked it, in that transaction, else read now. */
  Competition competition(Claim claim) {
    Object remembered = TransactionSynchronizationManager.getResource(new Remembered(claim.id()));
    return remembered instanceof Competition competition ? competition
        : competition(claim.customerTenantId(), claim.workloadCodes());
  }

  private record Remembered(String claimId) {}

  /**
   * Throws what refuses the claim; {@code claimId} is the claim itself once stored (null before). Answers the
   * competition it checked the claim against, read once the PartnerID and the domain have passed.
   */
  Competition refuse(String organisationId, String partnerId, String tenantId, String domain, List<String> workloads,
      String claimId) {
    // an unregistered PartnerID and another organisation's read the same: a partner cannot probe whose it is
    PartnerLocation location = partners.location(partnerId).filter(l -> l.organisationId().equals(organisationId))
        .orElseThrow(() -> new UnprocessableException("partnerId",
            "PartnerID " + partnerId + " is not a registered location of your organisation"));
    if (!location.enrolled()) {
      throw new UnprocessableException("partnerId", "PartnerID " + partnerId + " is not enrolled in the incentive programs");
    }
    Optional<Tenant> tenant = tenants.tenant(tenantId);
    Optional<String> owner = tenants.ownerOfDomain(domain);
    if (tenant.isPresent() ? !tenant.get().domains().contains(domain) : owner.isPresent()) {
      throw new UnprocessableException("customerDomain", "Domain " + domain + " does not belong to tenant " + tenantId);
    }
    Competition competition = competition(tenantId, workloads);
    for (String workload : workloads) {
      for (Claim open : competition.openClaimsFor(workload)) {
        if (open.organisationId().equals(organisationId) && !open.id().equals(claimId)) {
          throw new ConflictException("Your organisation already has an open claim for " + workload
              + " in tenant " + tenantId + ": " + open.id());
        }
      }
      Optional<Association> active = competition.activeFor(workload);
      if (active.isPresent() && active.get().organisationId().equals(organisationId)
          && !active.get().claimId().equals(claimId)) {
        throw new ConflictException("Your organisation is already officially associated with " + workload
            + " in tenant " + tenantId + " (claim " + active.get().claimId() + ")");
      }
    }
    return competition;
  }

  /**
   * What the validator should know about the claim. A COMPETING_CLAIM message starts with the workload code and
   * names the competitor for the validator; partners read it through CompetitorRedaction.
   */
  List<Finding> findings(Claim claim) {
    Competition competition = competition(claim);
    List<Finding> findings = new ArrayList<>();
    if (tenants.tenant(claim.customerTenantId()).isEmpty()) {
      findings.add(Finding.warning(Finding.TENANT_NOT_VERIFIED,
          "Tenant " + claim.customerTenantId() + " is not in the tenant directory: verify it and the domain "
              + claim.customerDomain() + " by hand"));
    }
    for (String workload : claim.workloadCodes()) {
      competition.activeFor(workload)
          .filter(a -> !a.organisationId().equals(claim.organisationId()))
          .ifPresent(a -> findings.add(Finding.warning(Finding.COMPETING_CLAIM,
              workload + " is officially associated with PartnerID " + a.partnerId() + " (claim " + a.claimId() + ")")));
      for (Claim other : competition.openClaimsFor(workload)) {
        if (!other.organisationId().equals(claim.organisationId())) {
          findings.add(Finding.warning(Finding.COMPETING_CLAIM,
              workload + " is also claimed by PartnerID " + other.partnerId() + " (claim " + other.id() + ", " + other.status() + ")"));
        }
      }
    }
    return findings;
  }
}
