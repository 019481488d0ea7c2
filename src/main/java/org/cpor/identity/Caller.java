package org.cpor.identity;

import java.util.Optional;
import java.util.Set;
import org.cpor.partner.Organisation;

/** The signed-in user of a request, with the groups and organisation that decide what they may see and do. */
public record Caller(String userId, Set<String> groups, Optional<Organisation> organisation) {

  public boolean isPartner() {
    return organisation.isPresent();
  }

  /** An Incentives admin of a partner organisation: may create and change the organisation's claims. */
  public boolean isIncentivesAdmin() {
    return isPartner() && groups.contains(Groups.INCENTIVES_ADMINS);
  }

  /** Microsoft-side users who may read every claim. */
  public boolean isStaff() {
    return groups.contains(Groups.VALIDATORS) || groups.contains(Groups.AUDITORS) || groups.contains(Groups.ADMINS);
  }

  /**
   * Validators, auditors and administrators who are not a partner's users: they see every organisation, competitors
   * included; a partner's users learn only that a competitor exists.
   */
  public boolean seesEveryOrganisation() {
    return isStaff() && !isPartner();
  }

  public boolean canRead(String organisationId) {
    return isStaff() || organisation.map(o -> o.id().equals(organisationId)).orElse(false);
  }

  /** Whether the caller may change what belongs to the organisation: one of its Incentives admins. */
  public boolean canChange(String organisationId) {
    return isIncentivesAdmin() && organisation.map(o -> o.id().equals(organisationId)).orElse(false);
  }

  /** The organisation whose data the caller is limited to, or null for staff who see every organisation. */
  public String organisationFilter() {
    return seesEveryOrganisation() ? null : organisation.map(Organisation::id).orElse("");
  }
}
