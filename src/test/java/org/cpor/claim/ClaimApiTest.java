package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The claims API of API.md: answers, problem details, and that bad input changes nothing. */
class ClaimApiTest extends IntegrationTest {

  private static List<String> claimIds(JsonNode page) {
    List<String> ids = new java.util.ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  private long claimCount() {
    return jdbc.sql("select count(*) from claims").query(Long.class).single();
  }

  private void refused(Map<String, Object> changes, int status, String field, String message) throws Exception {
    postJson("/api/claims", claimBody(changes), "fabrikam-admin")
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
        .andExpect(jsonPath("$.errors[*].message", hasItem(containsString(message))));
    assertThat(claimCount()).as("nothing stored").isZero();
    assertThat(jdbc.sql("select count(*) from poe_files where claim_id is not null").query(Long.class).single()).isZero();
    assertThat(mail.getReceivedMessages()).as("nothing sent").isEmpty();
  }

  @Test
  void submit_answersCreatedWithTheClaimUnderReview() throws Exception {
    String response = postJson("/api/claims", claimBody(Map.of()), "fabrikam-admin")
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", containsString("/api/claims/")))
        .andReturn().getResponse().getContentAsString();
    JsonNode claim = json.readTree(response);
    assertThat(claim.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(claim.get("solutionArea").asText()).isEqualTo("MODERN_WORK_AND_SECURITY");
    assertThat(claim.get("partnerRole").asText()).isEqualTo("USE_OR_CONSUME");
    assertThat(claim.get("submittedBy").asText()).isEqualTo("fabrikam-admin");
    assertThat(claim.get("submittedAt").asText()).isEqualTo("2026-12-02T14:30:00Z");
    assertThat(claim.get("findings")).isEmpty();
    assertThat(claim.get("decision").isNull()).isTrue();
    assertThat(claim.get("optOutDeadline").isNull()).isTrue();
    assertThat(claim.get("workloads").findValuesAsText("code")).containsExactlyInAnyOrder("TEAMS", "EXCHANGE_ONLINE");
  }

  @Test
  void malformedTenantGuid_isRefusedNamingTheField() throws Exception {
    refused(Map.of("customerTenantId", "not-a-guid"), 400, "customerTenantId", "GUID");
  }

  @Test
  void unknownWorkload_isRefused() throws Exception {
    refused(Map.of("workloads", List.of(Map.of("code", "MINESWEEPER"))), 400, "workloads[0].code", "unknown workload MINESWEEPER");
  }

  @Test
  void workloadOfAnotherProgram_isRefused() throws Exception {
    refused(Map.of("workloads", List.of(Map.of("code", "POWER_BI"))), 400, "workloads[0].code",
        "POWER_BI is not a workload of program OSU_M365");
  }

  @Test
  void missingCustomerContactEmail_isRefused() throws Exception {
    refused(Map.of("customerContact", Map.of("name", "Ada", "title", "CIO")), 400, "customerContact.email", "is required");
  }

  @Test
  void tenThousandCharacterName_isRefused() throws Exception {
    refused(Map.of("name", "x".repeat(10_000)), 400, "name", "3 to 120 characters");
  }

  @Test
  void businessApplicationsWorkloadWithoutSubscription_isRefused() throws Exception {
    refused(Map.of("program", "OSU_BUSINESS_APPLICATIONS", "workloads", List.of(Map.of("code", "POWER_BI"))), 400,
        "workloads[0].subscriptionId", "is required");
  }

  @Test
  void everyBadFieldIsNamedAtOnce() throws Exception {
    postJson("/api/claims", Map.of("program", "NOPE"), "fabrikam-admin")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("name", "partnerId", "program",
            "customerTenantId", "customerDomain", "workloads", "customerContact", "partnerContact")));
  }

  /** The field rules word for word, in the order of the claim's fields: what a partner's client shows its user. */
  @Test
  void everyBadFieldIsNamedAtOnce_inTheClaimsOrder_inTheRulesWords() throws Exception {
    Map<String, Object> contact = new java.util.LinkedHashMap<>();
    contact.put("name", " ");
    contact.put("title", "CIO");
    contact.put("email", "ada@");
    contact.put("language", " ");
    Map<String, Object> bad = new java.util.HashMap<>(Map.of("name", "ab", "partnerId", "12a", "program", "OSU_NOPE",
        "customerTenantId", "not-a-guid", "customerDomain", "nodot",
        "workloads", List.of(Map.of("code", "TEAMS"), Map.of("code", "TEAMS"), Map.of("code", "NOPE")),
        "customerContact", contact, "partnerContact", Map.of("name", "Grace", "email", "grace@@example.com"),
        "comment", "x".repeat(10_001)));
    assertThat(errors(postJson("/api/claims", claimBody(bad), "fabrikam-admin"))).containsExactly(
        "comment: must be at most 10000 characters long (it has 10001)");
    bad.remove("comment");
    assertThat(errors(postJson("/api/claims", claimBody(bad), "fabrikam-admin"))).containsExactly(
        "name: must be 3 to 120 characters long (it has 2)",
        "partnerId: must be a PartnerID of 6 to 8 digits",
        "program: must be one of OSA_SELL, OSU_M365, OSU_BUSINESS_APPLICATIONS",
        "customerTenantId: must be a GUID (the Microsoft Entra directory ID)",
        "customerDomain: must be a domain name such as contoso.onmicrosoft.com",
        "workloads[1].code: TEAMS is claimed twice",
        "workloads[2].code: unknown workload NOPE",
        "customerContact.name: is required",
        "customerContact.email: must be an e-mail address",
        "customerContact.language: must be en or hu",
        "partnerContact.email: must be an e-mail address");
    assertThat(errors(postJson("/api/claims", Map.of("poeIds", List.of()), "fabrikam-admin"))).startsWith(
        "name: is required", "partnerId: is required", "program: is required", "customerTenantId: is required",
        "customerDomain: is required", "workloads: name at least one workload", "customerContact: is required",
        "partnerContact: is required");
    assertThat(claims.search(new ClaimQuery(null, null, null, null, null, 0, 10))).isEmpty();
  }

  /** An answer's corrections follow the same rules, named in the order of the answer's fields. */
  @Test
  void everyBadCorrectionOfAnAnswerIsNamedAtOnce_inTheAnswersOrder() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Which file?");
    Map<String, Object> answer = new java.util.HashMap<>(Map.of("comment", " ", "workloads", List.of(),
        "customerContact", Map.of("name", " ", "title", "CIO", "email", "ada"),
        "partnerContact", Map.of("name", "Grace", "email", "grace@")));
    assertThat(errors(postJson("/api/claims/" + claimId + "/information", answer, "fabrikam-admin"))).containsExactly(
        "comment: is required: answer the validator's question",
        "workloads: name at least one workload",
        "customerContact.name: is required",
        "customerContact.email: must be an e-mail address",
        "partnerContact.email: must be an e-mail address");
    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
  }

  /** Blanks around a value are no error: the claim keeps the value without them. */
  @Test
  void blanksAroundValues_areDropped() throws Exception {
    String claimId = submit(Map.of("partnerId", " 4567890 ", "customerTenantId", " " + CONTOSO + " ",
        "customerDomain", " contoso.onmicrosoft.com ", "workloads", List.of(Map.of("code", " TEAMS ")),
        "customerContact", Map.of("name", " Ada Lovelace ", "title", " CIO ", "email", " ada@contoso.com ", "language", " EN "),
        "partnerContact", Map.of("name", " Grace Hopper ", "email", " grace@fabrikam-partner.com ")));
    Claim claim = claim(claimId);
    assertThat(List.of(claim.partnerId(), claim.customerTenantId(), claim.customerDomain(), claim.customerContact().name(),
        claim.customerContact().title(), claim.customerContact().email(), claim.customerContact().language(),
        claim.partnerContact().name(), claim.partnerContact().email()))
        .containsExactly("4567890", CONTOSO, "contoso.onmicrosoft.com", "Ada Lovelace", "CIO", "ada@contoso.com", "en",
            "Grace Hopper", "grace@fabrikam-partner.com");
    assertThat(claim.workloadCodes()).containsExactly("TEAMS");
  }

  private List<String> errors(org.springframework.test.web.servlet.ResultActions answer) throws Exception {
    JsonNode problem = json.readTree(answer.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString());
    List<String> errors = new java.util.ArrayList<>();
    problem.get("errors").forEach(e -> errors.add(e.get("field").asText() + ": " + e.get("message").asText()));
    return errors;
  }

  @Test
  void unreadableJson_isABadRequest() throws Exception {
    mvc.perform(post("/api/claims").with(httpBasic("fabrikam-admin", "fabrikam-admin")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"name\": ")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
  }

  @Test
  void domainOfAnotherTenant_isUnprocessable() throws Exception {
    refused(Map.of("customerDomain", "adatum.hu"), 422, "customerDomain", "does not belong to tenant");
  }

  @Test
  void partnerIdOfAnotherOrganisation_isUnprocessable_withoutSayingItIsAnothersOrganisations() throws Exception {
    refused(Map.of("partnerId", "7654321"), 422, "partnerId", "PartnerID 7654321 is not a registered location of your organisation");
  }

  @Test
  void unregisteredPartnerId_isUnprocessable_readingLikeAnotherOrganisations() throws Exception {
    refused(Map.of("partnerId", "1111111"), 422, "partnerId", "PartnerID 1111111 is not a registered location of your organisation");
  }

  @Test
  void unknownTenant_isAcceptedWithAFinding() throws Exception {
    String claimId = submit(Map.of("customerTenantId", "11111111-2222-3333-4444-555555555555", "customerDomain", "fourthcoffee.com"));
    assertThat(claims.findings(claimId)).extracting(Finding::code).containsExactly("TENANT_NOT_VERIFIED");
  }

  @Test
  void duplicateOpenClaim_isAConflict() throws Exception {
    submit(Map.of());
    postJson("/api/claims", claimBody(Map.of("workloads", List.of(Map.of("code", "TEAMS")))), "fabrikam-admin")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("TEAMS")));
    assertThat(claimCount()).isEqualTo(1);
  }

  @Test
  void anotherOrganisationsOpenClaim_isACompetingClaimNotARefusal() throws Exception {
    submit(Map.of());
    String competitor = submitAs("northwind-admin", Map.of("partnerId", "7654321"));
    assertThat(claims.findings(competitor)).extracting(Finding::code).containsOnly("COMPETING_CLAIM").hasSize(2);
  }

  @Test
  void incentivesUser_mayNotSubmit() throws Exception {
    postJson("/api/claims", claimBody(Map.of()), "fabrikam-user").andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(claimCount()).isZero();
  }

  @Test
  void noCredentials_is401ProblemNotARedirect() throws Exception {
    mvc.perform(get("/api/claims")).andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    try {
      mvc.perform(get("/api/claims").with(httpBasic("auditor", "wrong"))).andExpect(status().isUnauthorized());
    } finally {
      // Camunda delays the next sign-in after a wrong password
      identity.unlockUser("auditor");
    }
  }

  @Test
  void anotherOrganisationsClaim_isNotFound() throws Exception {
    String claimId = submit(Map.of());
    mvc.perform(get("/api/claims/" + claimId).with(httpBasic("northwind-admin", "northwind-admin"))).andExpect(status().isNotFound());
    mvc.perform(get("/api/claims/" + claimId + "/timeline").with(httpBasic("northwind-admin", "northwind-admin")))
        .andExpect(status().isNotFound());
    postJson("/api/claims/" + claimId + "/withdrawal", Map.of(), "northwind-admin").andExpect(status().isNotFound());
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void list_showsOnlyTheCallersOrganisationNewestFirstWithFiltersAndPaging() throws Exception {
    String first = submit(Map.of("workloads", List.of(Map.of("code", "TEAMS"))));
    setTime(NOW.plusSeconds(60));
    String second = submit(Map.of("workloads", List.of(Map.of("code", "INTUNE"))));
    submitAs("northwind-admin", Map.of("partnerId", "7654321", "workloads", List.of(Map.of("code", "COPILOT"))));

    JsonNode page = read("/api/claims", "fabrikam-user");
    assertThat(page.get("total").asLong()).isEqualTo(2);
    assertThat(claimIds(page)).containsExactly(second, first);
    assertThat(claimIds(read("/api/claims?workload=TEAMS", "fabrikam-user"))).containsExactly(first);
    assertThat(read("/api/claims?status=APPROVED", "fabrikam-user").get("total").asLong()).isZero();
    JsonNode paged = read("/api/claims?page=1&size=1", "fabrikam-user");
    assertThat(claimIds(paged)).containsExactly(first);
    assertThat(paged.get("size").asInt()).isEqualTo(1);
    assertThat(read("/api/claims?tenantId=" + CONTOSO, "validator").get("total").asLong()).isEqualTo(3);
    mvc.perform(get("/api/claims?size=500").with(httpBasic("fabrikam-user", "fabrikam-user"))).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/claims?status=SHINY").with(httpBasic("fabrikam-user", "fabrikam-user"))).andExpect(status().isBadRequest());
  }

  @Test
  void timeline_recordsWhoDidWhatAndWhen() throws Exception {
    String claimId = submit(Map.of());
    JsonNode timeline = read("/api/claims/" + claimId + "/timeline", "fabrikam-user");
    assertThat(timeline.get(0).get("type").asText()).isEqualTo("SUBMITTED");
    assertThat(timeline.get(0).get("actor").asText()).isEqualTo("fabrikam-admin");
    assertThat(timeline.get(0).get("at").asText()).isEqualTo("2026-12-02T14:30:00Z");
    assertThat(timeline.findValuesAsText("type")).contains("CHECKED", "REVIEW_STARTED", "EMAIL_QUEUED");
  }

  @Test
  void answerWithoutOpenRequest_isAConflict() throws Exception {
    String claimId = submit(Map.of());
    postJson("/api/claims/" + claimId + "/information", Map.of("comment", "Here you are"), "fabrikam-admin")
        .andExpect(status().isConflict());
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void answerWithCorrectedWorkloadsAndContact_isRecorded() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_WORKLOADS", "Which workloads exactly?");
    postJson("/api/claims/" + claimId + "/information", Map.of("comment", "Only Teams",
        "workloads", List.of(Map.of("code", "TEAMS")),
        "customerContact", Map.of("name", "Ada King", "title", "CTO", "email", "ada.king@contoso.com")), "fabrikam-admin")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
    assertThat(claim(claimId).workloadCodes()).containsExactly("TEAMS");
    assertThat(claim(claimId).customerContact().email()).isEqualTo("ada.king@contoso.com");
    assertThat(claim(claimId).customerContact().language()).isEqualTo("en");
  }

  @Test
  void answerWithBadInput_changesNothing() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_WORKLOADS", "Which workloads exactly?");
    postJson("/api/claims/" + claimId + "/information", Map.of("comment", " ", "workloads", List.of(Map.of("code", "POWER_BI"))),
        "fabrikam-admin")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.hasItems("comment", "workloads[0].code")));
    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
    assertThat(claim(claimId).workloadCodes()).containsExactlyInAnyOrder("TEAMS", "EXCHANGE_ONLINE");
  }

  @Test
  void incentivesUser_mayNotAnswerOrWithdraw() throws Exception {
    String claimId = submit(Map.of());
    postJson("/api/claims/" + claimId + "/withdrawal", Map.of(), "fabrikam-user").andExpect(status().isForbidden());
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void withdrawingAClosedClaim_isAConflict() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "REJECTED", "OTHER", "Not a Microsoft 365 customer");
    postJson("/api/claims/" + claimId + "/withdrawal", Map.of("reason", "oops"), "fabrikam-admin").andExpect(status().isConflict());
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
  }
}
