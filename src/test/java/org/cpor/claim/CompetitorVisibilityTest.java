package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Fabrikam claim and Northwind's competing claim and official association for the same tenant and workloads: a
 * partner learns that a competitor exists for a workload, never its PartnerID, organisation or claim ID; validators
 * and auditors see everything.
 */
class CompetitorVisibilityTest extends IntegrationTest {

  private static final String NORTHWIND_CONTACT = "nora@northwind-partner.com";
  private static final String FABRIKAM_CONTACT = "grace@fabrikam-partner.com";
  private static final String COMPETING_TEAMS = "A competing association or claim exists for Microsoft Teams (TEAMS) in this tenant.";
  private static final String COMPETING_EXCHANGE =
      "A competing association or claim exists for Exchange Online (EXCHANGE_ONLINE) in this tenant.";

  /** Northwind's official association for TEAMS. */
  private String northwindOfficial;
  /** Fabrikam's claim for TEAMS and EXCHANGE_ONLINE, made while Northwind holds TEAMS. */
  private String fabrikam;
  /** Northwind's claim for EXCHANGE_ONLINE, made while Fabrikam's claim is open. */
  private String northwindOpen;
  /** Northwind's submission as the API answered it. */
  private String northwindSubmission;

  @BeforeEach
  void competingClaims() throws Exception {
    northwindOfficial = submitAs("northwind-admin", northwind("TEAMS"));
    validate(northwindOfficial, "APPROVED", null, null);
    management.executeJob(job(northwindOfficial).getId());
    runWhenDue(timer(northwindOfficial, "BoundaryEvent_OptOutWindowElapsed"));
    assertThat(statusOf(northwindOfficial)).isEqualTo("OFFICIAL");

    fabrikam = submit(Map.of());
    northwindSubmission = postJson("/api/claims", claimBodyOf("northwind-admin", northwind("EXCHANGE_ONLINE")), "northwind-admin")
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    northwindOpen = json.readTree(northwindSubmission).get("id").asText();

    // the store keeps who competes, for validators and auditors
    assertThat(claims.findings(fabrikam)).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("7654321", northwindOfficial));
    assertThat(claims.findings(northwindOpen)).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("4567890", fabrikam));
  }

  @Test
  void fabrikamThroughTheApi_learnsOnlyThatACompetitorHoldsTeams() throws Exception {
    for (String user : List.of("fabrikam-admin", "fabrikam-user")) {
      JsonNode claim = read("/api/claims/" + fabrikam, user);
      assertThat(claim.get("findings")).singleElement().satisfies(f -> {
        assertThat(f.get("code").asText()).isEqualTo("COMPETING_CLAIM");
        assertThat(f.get("message").asText()).isEqualTo(COMPETING_TEAMS);
      });
      assertThat(claim.toString()).satisfies(this::nothingOfNorthwind);
      assertThat(seen("/api/claims", user)).contains(COMPETING_TEAMS).satisfies(this::nothingOfNorthwind);
      assertThat(seen("/api/claims/" + fabrikam + "/timeline", user))
          .contains("COMPETING_CLAIM: " + COMPETING_TEAMS).satisfies(this::nothingOfNorthwind);
    }
  }

  @Test
  void northwindThroughTheApi_learnsOnlyThatACompetitorClaimsExchange() throws Exception {
    assertThat(json.readTree(northwindSubmission).get("findings")).singleElement()
        .satisfies(f -> assertThat(f.get("message").asText()).isEqualTo(COMPETING_EXCHANGE));
    assertThat(northwindSubmission).satisfies(this::nothingOfFabrikam);
    assertThat(seen("/api/claims/" + northwindOpen, "northwind-admin")).contains(COMPETING_EXCHANGE)
        .satisfies(this::nothingOfFabrikam);
    assertThat(seen("/api/claims", "northwind-admin")).contains(COMPETING_EXCHANGE).satisfies(this::nothingOfFabrikam);
    assertThat(seen("/api/claims/" + northwindOpen + "/timeline", "northwind-admin"))
        .contains("COMPETING_CLAIM: " + COMPETING_EXCHANGE).satisfies(this::nothingOfFabrikam);
  }

  @Test
  void bothThroughThePortal_learnOnlyThatACompetitorExists() throws Exception {
    for (String user : List.of("fabrikam-admin", "fabrikam-user")) {
      assertThat(seen("/portal/claims/" + fabrikam, user)).contains(COMPETING_TEAMS).satisfies(this::nothingOfNorthwind);
      assertThat(seen("/portal/claims", user)).satisfies(this::nothingOfNorthwind);
    }
    assertThat(seen("/portal/claims/" + northwindOpen, "northwind-admin")).contains(COMPETING_EXCHANGE)
        .satisfies(this::nothingOfFabrikam);
    assertThat(seen("/portal/claims", "northwind-admin")).satisfies(this::nothingOfFabrikam);
  }

  @Test
  void validatorsAndAuditors_seeWhoCompetes() throws Exception {
    for (String user : List.of("validator", "auditor")) {
      assertThat(seen("/api/claims/" + fabrikam, user)).contains("PartnerID 7654321", northwindOfficial);
      assertThat(seen("/api/claims/" + northwindOpen, user)).contains("PartnerID 4567890", fabrikam);
      assertThat(seen("/api/claims/" + northwindOpen + "/timeline", user)).contains("PartnerID 4567890", fabrikam);
    }
  }

  @Test
  void supersededIncumbent_isNotToldByWhom() throws Exception {
    mail.purgeEmailFromAllMailboxes();
    validate(fabrikam, "APPROVED", null, null);
    management.executeJob(job(fabrikam).getId());
    runWhenDue(timer(fabrikam, "BoundaryEvent_OptOutWindowElapsed"));
    assertThat(statusOf(fabrikam)).isEqualTo("OFFICIAL");
    assertThat(statusOf(northwindOfficial)).isEqualTo("ENDED");

    assertThat(seen("/api/associations?status=ENDED", "northwind-admin"))
        .contains("SUPERSEDED", "superseded by another partner's claim").satisfies(this::nothingOfFabrikam);
    assertThat(seen("/portal/associations", "northwind-admin")).contains("Superseded by another partner").satisfies(this::nothingOfFabrikam);
    assertThat(seen("/api/claims/" + northwindOfficial + "/timeline", "northwind-admin"))
        .contains("TEAMS SUPERSEDED: another partner's claim has become official").satisfies(this::nothingOfFabrikam);
    assertThat(seen("/portal/claims/" + northwindOfficial, "northwind-admin")).satisfies(this::nothingOfFabrikam);
    assertThat(subjectsTo(NORTHWIND_CONTACT)).contains("Association superseded: Northwind claim");
    for (MimeMessage message : mailTo(NORTHWIND_CONTACT)) {
      assertThat(message.getSubject() + "\n" + body(message)).satisfies(this::nothingOfFabrikam);
    }
    for (MimeMessage message : mailTo(FABRIKAM_CONTACT)) {
      assertThat(message.getSubject() + "\n" + body(message)).satisfies(this::nothingOfNorthwind);
    }

    assertThat(seen("/api/associations?status=ENDED", "validator")).contains("superseded by claim " + fabrikam);
    assertThat(seen("/api/claims/" + northwindOfficial + "/timeline", "auditor")).contains("TEAMS SUPERSEDED by claim " + fabrikam);
  }

  private Map<String, Object> northwind(String workload) {
    return Map.of("name", "Northwind claim", "partnerId", "7654321", "workloads", List.of(Map.of("code", workload)),
        "partnerContact", Map.of("name", "Nora Wind", "email", NORTHWIND_CONTACT));
  }

  private Map<String, Object> claimBodyOf(String user, Map<String, Object> changes) throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>(claimBody(Map.of("poeIds", List.of())));
    body.putAll(changes);
    body.put("poeIds", List.of(uploadPoe(user, "signed-poe.pdf", PDF)));
    return body;
  }

  private String seen(String url, String user) throws Exception {
    return mvc.perform(get(url).with(httpBasic(user, user))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private void nothingOfNorthwind(String seen) {
    assertThat(seen).doesNotContainIgnoringCase("northwind").doesNotContain("7654321", northwindOfficial, northwindOpen);
  }

  private void nothingOfFabrikam(String seen) {
    assertThat(seen).doesNotContainIgnoringCase("fabrikam").doesNotContain("4567890", "4567891", fabrikam);
  }
}
