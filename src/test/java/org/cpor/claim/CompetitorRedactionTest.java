package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.identity.Caller;
import org.cpor.identity.Groups;
import org.cpor.partner.Organisation;
import org.cpor.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

/** The rule of what a partner sees of competitors, on the texts the checks and the engine record. */
class CompetitorRedactionTest {

  private static final Instant AT = Instant.parse("2026-12-02T14:30:00Z");
  private static final Caller PARTNER = new Caller("fabrikam-user", Set.of("partner-fabrikam", Groups.INCENTIVES_USERS),
      Optional.of(new Organisation("fabrikam", "Fabrikam", null)));
  private static final Caller VALIDATOR = new Caller("validator", Set.of(Groups.VALIDATORS), Optional.empty());
  private static final Caller AUDITOR = new Caller("auditor", Set.of(Groups.AUDITORS), Optional.empty());

  private static final Finding OFFICIAL = Finding.warning(Finding.COMPETING_CLAIM,
      "TEAMS is officially associated with PartnerID 7654321 (claim 0f6b2b6e-3a0c-4d5e-9f00-1a2b3c4d5e6f)");
  private static final Finding CLAIMED = Finding.warning(Finding.COMPETING_CLAIM,
      "TEAMS is also claimed by PartnerID 7654321 (claim 9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a, UNDER_REVIEW)");
  private static final Finding TENANT = Finding.warning(Finding.TENANT_NOT_VERIFIED,
      "Tenant 11111111-2222-3333-4444-555555555555 is not in the tenant directory: verify it and the domain fourthcoffee.com by hand");

  private final CompetitorRedaction redaction = redaction();

  private static CompetitorRedaction redaction() {
    WorkloadCatalogue catalogue = mock(WorkloadCatalogue.class);
    when(catalogue.displayName(anyString())).thenAnswer(call -> "TEAMS".equals(call.getArgument(0)) ? "Microsoft Teams" : call.getArgument(0));
    return new CompetitorRedaction(catalogue);
  }

  @Test
  void partner_seesOneCompetingFindingPerWorkload_withoutTheCompetitor() {
    assertThat(redaction.findings(List.of(OFFICIAL, CLAIMED, TENANT), PARTNER)).containsExactly(
        new Finding(Finding.COMPETING_CLAIM, "WARNING", "A competing association or claim exists for Microsoft Teams (TEAMS) in this tenant."),
        TENANT);
  }

  @Test
  void aCompetingFindingOfAnotherShape_staysSilentAboutTheCompetitor() {
    Finding unknown = Finding.warning(Finding.COMPETING_CLAIM, "PartnerID 7654321 holds TEAMS");
    assertThat(redaction.findings(List.of(unknown), PARTNER)).singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("A competing association or claim exists for a workload of this claim."));
  }

  @Test
  void validatorsAndAuditors_seeEveryFindingAsRecorded() {
    assertThat(redaction.findings(List.of(OFFICIAL, CLAIMED, TENANT), VALIDATOR)).containsExactly(OFFICIAL, CLAIMED, TENANT);
    assertThat(redaction.findings(List.of(OFFICIAL, CLAIMED, TENANT), AUDITOR)).containsExactly(OFFICIAL, CLAIMED, TENANT);
  }

  @Test
  void partner_readsTheChecksAndSupersessionsOfTheTimelineWithoutTheCompetitor() {
    TimelineEvent checked = new TimelineEvent(AT, TimelineEvent.SYSTEM, "CHECKED", Finding.list(List.of(OFFICIAL, TENANT, CLAIMED)));
    TimelineEvent superseded = new TimelineEvent(AT, TimelineEvent.SYSTEM, "ASSOCIATION_ENDED",
        "TEAMS SUPERSEDED by claim 9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a");
    TimelineEvent disassociated = new TimelineEvent(AT, "fabrikam-admin", "ASSOCIATION_ENDED", "TEAMS PARTNER_DISASSOCIATED: project over");
    TimelineEvent submitted = new TimelineEvent(AT, "fabrikam-admin", "SUBMITTED", "OSU_M365 TEAMS in tenant 0b6f3a5e");

    assertThat(redaction.timeline(List.of(checked, superseded, disassociated, submitted), PARTNER)).extracting(TimelineEvent::detail)
        .containsExactly(
            "COMPETING_CLAIM: A competing association or claim exists for Microsoft Teams (TEAMS) in this tenant.; " + Finding.list(List.of(TENANT)),
            "TEAMS SUPERSEDED: another partner's claim has become official",
            "TEAMS PARTNER_DISASSOCIATED: project over",
            "OSU_M365 TEAMS in tenant 0b6f3a5e");
    assertThat(redaction.timeline(List.of(checked, superseded), AUDITOR)).containsExactly(checked, superseded);
  }

  @Test
  void partner_readsASupersededAssociationWithoutTheWinningClaim() {
    Association ended = new Association("a1", "4567890", "fabrikam", "0b6f3a5e", "TEAMS", AssociationStatus.ENDED, AT, AT,
        EndReason.SUPERSEDED, "superseded by claim 9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", "c1");
    Association disassociated = new Association("a2", "4567890", "fabrikam", "0b6f3a5e", "INTUNE", AssociationStatus.ENDED, AT, AT,
        EndReason.PARTNER_DISASSOCIATED, "project over", "c2");

    assertThat(redaction.association(ended, PARTNER).endComment()).isEqualTo("superseded by another partner's claim");
    assertThat(redaction.association(disassociated, PARTNER)).isEqualTo(disassociated);
    assertThat(redaction.association(ended, VALIDATOR)).isEqualTo(ended);
  }
}
