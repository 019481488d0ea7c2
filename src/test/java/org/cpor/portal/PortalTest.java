package org.cpor.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.cpor.association.AssociationStatus;
import org.cpor.association.AssociationStore;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The partner portal: what each page shows, what each form does, who may do it. */
class PortalTest extends IntegrationTest {

  @Autowired AssociationStore associations;

  private ResultActions page(String url, String user) throws Exception {
    return mvc.perform(get(url).with(httpBasic(user, user)));
  }

  private ResultActions send(MockHttpServletRequestBuilder request, String user) throws Exception {
    return mvc.perform(request.with(httpBasic(user, user)).with(csrf()));
  }

  private MockHttpServletRequestBuilder newClaim(Map<String, String> fields) {
    var request = multipart("/portal/claims").file(new MockMultipartFile("poe", "signed.pdf", "application/pdf", PDF));
    Map<String, String> all = new java.util.LinkedHashMap<>(Map.of("name", "Portal claim", "partnerId", "4567890",
        "program", "OSU_M365", "customerTenantId", CONTOSO, "customerDomain", "contoso.com",
        "customerContactName", "Ada Lovelace", "customerContactTitle", "CIO", "customerContactEmail", "ada@contoso.com",
        "customerContactLanguage", "en", "partnerContactName", "Grace Hopper"));
    all.put("partnerContactEmail", "grace@fabrikam-partner.com");
    all.put("workloads", "TEAMS");
    all.putAll(fields);
    all.forEach(request::param);
    return request;
  }

  @Test
  void signedOut_isSentToTheSignInPage_andSignsInWithTheCamundaUsers() throws Exception {
    mvc.perform(get("/portal/claims")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get("/login")).andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("<label for=\"username\">"), containsString("name=\"_csrf\""))));
    mvc.perform(post("/login").param("username", "fabrikam-user").param("password", "fabrikam-user").with(csrf()))
        .andExpect(redirectedUrl("/portal/claims"));
    mvc.perform(post("/login").param("username", "validator").param("password", "validator").with(csrf()))
        .andExpect(redirectedUrl("/camunda/app/"));
    mvc.perform(get("/camunda/app/tasklist/default/")).andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(post("/login").param("username", "fabrikam-user").param("password", "nope").with(csrf()))
        .andExpect(redirectedUrl("/login?error"));
    identity.unlockUser("fabrikam-user");
  }

  @Test
  void thePortalsSession_signsApiCallsInToo_withTheCsrfTokenForChanges() throws Exception {
    String claimId = submit(Map.of());
    // the session is the shared database's, found by its cookie as a browser sends it
    jakarta.servlet.http.Cookie session = mvc.perform(post("/login")
            .param("username", "fabrikam-admin").param("password", "fabrikam-admin").with(csrf()))
        .andReturn().getResponse().getCookie("SESSION");
    mvc.perform(get("/api/claims/" + claimId).cookie(session)).andExpect(status().isOk());
    mvc.perform(post("/api/claims/" + claimId + "/withdrawal").cookie(session)
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
    mvc.perform(post("/api/claims/" + claimId + "/withdrawal").cookie(session).with(csrf())
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isOk());
    assertThat(statusOf(claimId)).isEqualTo("WITHDRAWN");
  }

  @Test
  void newClaimForm_submitsWithPoe_andShowsTheClaim() throws Exception {
    page("/portal/claims/new", "fabrikam-admin").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Microsoft Teams"), containsString("Power BI"), containsString("4567891"),
            containsString("<label for=\"customerTenantId\">"))));

    String location = send(newClaim(Map.of()), "fabrikam-admin").andExpect(status().is3xxRedirection())
        .andReturn().getResponse().getRedirectedUrl();
    String claimId = location.substring(location.lastIndexOf('/') + 1);

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    page(location, "fabrikam-user").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Portal claim"), containsString("UNDER_REVIEW"),
            containsString("signed.pdf"), containsString("SUBMITTED"), not(containsString("Withdraw</button>")))));
  }

  @Test
  void newClaimForm_showsEachFieldsErrorAndKeepsWhatWasTyped() throws Exception {
    send(newClaim(Map.of("customerTenantId", "not-a-guid", "customerContactEmail", "", "workloads", "POWER_BI")), "fabrikam-admin")
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("must be a GUID"), containsString("is required"),
            containsString("POWER_BI is not a workload of program OSU_M365"), containsString("value=\"Portal claim\""))));
    assertThat(jdbc.sql("select count(*) from claims").query(Long.class).single()).isZero();
  }

  @Test
  void claimPage_showsTheOpenRequestWithItsDeadlineAndTakesTheAnswer() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Please attach the signed PoE");

    page("/portal/claims/" + claimId, "fabrikam-admin").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Please attach the signed PoE"), containsString("2026-12-22 14:30 (UTC)"),
            containsString("14 business day(s) left"), containsString("Send the answer"))));
    page("/portal/claims/" + claimId, "fabrikam-user")
        .andExpect(content().string(allOf(containsString("Please attach the signed PoE"), not(containsString("Send the answer")))));

    send(multipart("/portal/claims/" + claimId + "/information").file(new MockMultipartFile("poe", "new.pdf", "application/pdf", PDF))
        .param("comment", "Attached").param("workloads", "TEAMS", "EXCHANGE_ONLINE")
        .param("customerContactName", "Ada Lovelace").param("customerContactTitle", "CIO")
        .param("customerContactEmail", "ada@contoso.com").param("customerContactLanguage", "en")
        .param("partnerContactName", "Grace Hopper").param("partnerContactEmail", "grace@fabrikam-partner.com"), "fabrikam-admin")
        .andExpect(redirectedUrl("/portal/claims/" + claimId)).andExpect(flash().attributeExists("message"));

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(claims.latestInformationRequest(claimId).orElseThrow().answerComment()).isEqualTo("Attached");
    assertThat(claim(claimId).workloadCodes()).containsExactlyInAnyOrder("TEAMS", "EXCHANGE_ONLINE");
  }

  @Test
  void claimPage_showsTheOptOutDeadlineAndBusinessDaysLeft() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    page("/portal/claims/" + claimId, "fabrikam-user")
        .andExpect(content().string(allOf(containsString("2026-12-09 14:30 (UTC)"), containsString("5 business day(s) left"))));
  }

  @Test
  void withdrawAndDisputeThroughThePortal() throws Exception {
    String open = submit(Map.of());
    send(post("/portal/claims/" + open + "/withdrawal").param("reason", "Not needed"), "fabrikam-admin")
        .andExpect(redirectedUrl("/portal/claims/" + open));
    assertThat(statusOf(open)).isEqualTo("WITHDRAWN");

    String rejected = submit(Map.of("workloads", List.of(Map.of("code", "INTUNE"))));
    validate(rejected, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    page("/portal/claims/" + rejected, "fabrikam-admin").andExpect(content().string(containsString("Dispute the rejection")));
    send(multipart("/portal/claims/" + rejected + "/dispute").param("justification", "Signed now"), "fabrikam-admin")
        .andExpect(redirectedUrl("/portal/claims/" + rejected));
    assertThat(statusOf(rejected)).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void incentivesUser_seesButCannotChange() throws Exception {
    String claimId = submit(Map.of());
    page("/portal/claims", "fabrikam-user").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Contoso Teams rollout"), not(containsString("New claim")))));
    page("/portal/claims/" + claimId, "fabrikam-user").andExpect(content().string(not(containsString("Withdraw</button>"))));
    page("/portal/claims/new", "fabrikam-user").andExpect(status().isForbidden());
    send(newClaim(Map.of()), "fabrikam-user").andExpect(status().isForbidden());
    send(post("/portal/claims/" + claimId + "/withdrawal"), "fabrikam-user").andExpect(status().isForbidden());
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void anotherOrganisationsClaim_isNotFound_andFormsNeedTheCsrfToken() throws Exception {
    String claimId = submit(Map.of());
    page("/portal/claims/" + claimId, "northwind-admin").andExpect(status().isNotFound());
    page("/portal/claims", "northwind-admin").andExpect(content().string(not(containsString("Contoso Teams rollout"))));
    mvc.perform(post("/portal/claims/" + claimId + "/withdrawal").with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isForbidden());
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void claimsList_filtersByStatusAndProgram() throws Exception {
    submit(Map.of());
    page("/portal/claims?status=APPROVED", "fabrikam-user").andExpect(content().string(not(containsString("Contoso Teams rollout"))));
    page("/portal/claims?status=UNDER_REVIEW&program=OSU_M365", "fabrikam-user")
        .andExpect(content().string(containsString("Contoso Teams rollout")));
    page("/portal/claims?program=OSA_SELL", "fabrikam-user").andExpect(content().string(not(containsString("Contoso Teams rollout"))));
  }

  @Test
  void associationsPage_listsAndEndsAnAssociation() throws Exception {
    String claimId = submit(Map.of("workloads", List.of(Map.of("code", "TEAMS"))));
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    runWhenDue(timer(claimId, "BoundaryEvent_OptOutWindowElapsed"));
    String id = associations.ofClaim(claimId).get(0).id();

    page("/portal/associations", "fabrikam-user").andExpect(content().string(allOf(containsString("Microsoft Teams"),
        containsString("ACTIVE"), not(containsString("End the association")))));
    page("/portal/associations", "fabrikam-admin").andExpect(content().string(containsString("End the association")));
    send(post("/portal/associations/" + id + "/disassociation").param("reason", ""), "fabrikam-admin")
        .andExpect(flash().attribute("error", containsString("reason")));
    send(post("/portal/associations/" + id + "/disassociation").param("reason", "Contract over"), "fabrikam-admin")
        .andExpect(redirectedUrl("/portal/associations"));
    assertThat(associations.find(id).orElseThrow().status()).isEqualTo(AssociationStatus.ENDED);
  }
}
