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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cpor.association.AssociationStore;
import org.cpor.claim.AssociationStatus;
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
        .andExpect(content().string(allOf(containsString("Microsoft Teams"), containsString("4567891"),
            containsString("<label for=\"customerTenantId\">"))));

    String location = send(newClaim(Map.of()), "fabrikam-admin").andExpect(status().is3xxRedirection())
        .andReturn().getResponse().getRedirectedUrl();
    String claimId = location.substring(location.lastIndexOf('/') + 1);

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    page(location, "fabrikam-user").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Portal claim"), containsString(">Under review<"),
            containsString("signed.pdf"), containsString(">Submitted<"), not(containsString("Withdraw the claim")))));
  }

  @Test
  void newClaimForm_showsEachFieldsErrorAndKeepsWhatWasTyped() throws Exception {
    send(newClaim(Map.of("customerTenantId", "not-a-guid", "customerContactEmail", "", "workloads", "POWER_BI")), "fabrikam-admin")
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("must be a GUID"), containsString("is required"),
            containsString("Power BI is not a workload of program OSU – Microsoft 365"), containsString("value=\"Portal claim\""),
            not(containsString("POWER_BI is")))));
    assertThat(jdbc.sql("select count(*) from claims").query(Long.class).single()).isZero();
  }

  @Test
  void claimPage_showsTheOpenRequestWithItsDeadlineAndTakesTheAnswer() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Please attach the signed PoE");

    page("/portal/claims/" + claimId, "fabrikam-admin").andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("Please attach the signed PoE"), containsString("Tuesday 2026-12-22 14:30 (UTC)"),
            containsString("14 business days left"), containsString("Send the answer"))));
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
        .andExpect(content().string(allOf(containsString("Wednesday 2026-12-09 14:30 (UTC)"), containsString("5 business days left"))));
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
    page("/portal/claims/" + claimId, "fabrikam-user").andExpect(content().string(not(containsString("Withdraw the claim"))));
    page("/portal/claims/" + claimId + "/withdrawal", "fabrikam-user").andExpect(status().isForbidden());
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

  // --- a partner's whole day: links, words, finding things, deadlines, confirmations, the new-claim form ---------------

  private String sessionAfterSignIn(jakarta.servlet.http.Cookie before, String user, String expectedTarget) throws Exception {
    var signIn = mvc.perform(post("/login").cookie(before).param("username", user).param("password", user).with(csrf()))
        .andExpect(redirectedUrlPattern(expectedTarget)).andReturn().getResponse();
    return signIn.getCookie("SESSION").getValue();
  }

  @Test
  void partnerEmails_linkToTheClaimsPortalPage_whereASignedOutPartnerLandsAfterSigningIn() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Please attach the signed PoE");
    String page = "https://claims.cpor.test/portal/claims/" + claimId;
    List<jakarta.mail.internet.MimeMessage> toPartner = mailTo("grace@fabrikam-partner.com");
    assertThat(toPartner).extracting(jakarta.mail.internet.MimeMessage::getSubject)
        .containsExactly("Claim received: Contoso Teams rollout", "Information requested: Contoso Teams rollout");
    for (jakarta.mail.internet.MimeMessage message : toPartner) {
      assertThat(body(message)).contains(page + "\n").doesNotContain("/api/");
    }
    assertThat(body(toPartner.get(1))).contains("Proof of execution missing (as the API names them: MISSING_POE)",
        "Please answer by Tuesday 2026-12-22 14:30 (UTC).").doesNotContain("NO_PARTNER_RESPONSE");

    // the link, signed out: the sign-in page, then the claim's page where the partner answers
    var first = mvc.perform(get("/portal/claims/" + claimId)).andExpect(redirectedUrlPattern("**/login")).andReturn().getResponse();
    String session = sessionAfterSignIn(first.getCookie("SESSION"), "fabrikam-admin", "**/portal/claims/" + claimId + "?continue");
    mvc.perform(get("/portal/claims/" + claimId).param("continue", "").cookie(new jakarta.servlet.http.Cookie("SESSION", session)))
        .andExpect(status().isOk()).andExpect(content().string(allOf(containsString("Please attach the signed PoE"),
            containsString("Send the answer"))));
  }

  @Test
  void claimPage_speaksInWords_notCodes() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE,MISSING_WORKLOADS", "Please name Teams in the PoE");
    String html = page("/portal/claims/" + claimId, "fabrikam-admin").andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    String text = html.replaceAll("<[^>]*>", " ");
    assertThat(text).contains("Waiting for your answer", "OSU – Microsoft 365", "Modern Work and Security", "Use or consume",
        "Proof of execution missing, Workloads missing from the proof of execution", "Information requested", "Microsoft Teams")
        .doesNotContain("PARTNER_ACTION_REQUIRED", "OSU_M365", "MODERN_WORK_AND_SECURITY", "USE_OR_CONSUME", "MISSING_WORKLOADS",
            "MISSING_POE", "INFORMATION_REQUESTED", "EMAIL_QUEUED")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    // an answer without its text: the field named as the partner sees it, not its internal name
    send(multipart("/portal/claims/" + claimId + "/information").param("comment", " ").param("workloads", "TEAMS", "EXCHANGE_ONLINE"),
        "fabrikam-admin").andExpect(redirectedUrl("/portal/claims/" + claimId))
        .andExpect(flash().attribute("error", allOf(containsString("Your answer is required"), not(containsString("comment:")))));
    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
  }

  @Test
  void claimsList_searchesByNameDomainAndWorkload_sorts_countsByStatus_andShowsWhatNeedsAction() throws Exception {
    setTime(NOW.minusSeconds(300));
    String teams = submit(Map.of("name", "Alpha Teams rollout"));
    setTime(NOW.minusSeconds(200));
    String intune = submit(Map.of("name", "Beta device management", "customerTenantId", ADATUM, "customerDomain", "adatum.hu",
        "workloads", List.of(Map.of("code", "INTUNE"))));
    setTime(NOW);
    String rejected = submit(Map.of("name", "Gamma mail", "workloads", List.of(Map.of("code", "SHAREPOINT_ONLINE"))));
    validate(intune, "INFORMATION_REQUESTED", "MISSING_POE", "Please attach the signed PoE");
    validate(rejected, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    submitAs("northwind-admin", Map.of("name", "Northwind Teams", "partnerId", "7654321",
        "workloads", List.of(Map.of("code", "DEFENDER_FOR_ENDPOINT"))));

    page("/portal/claims?q=teams", "fabrikam-user").andExpect(content().string(allOf(containsString("Alpha Teams rollout"),
        not(containsString("Beta device management")), not(containsString("Northwind Teams")))));
    page("/portal/claims?q=ADATUM.hu", "fabrikam-user").andExpect(content().string(allOf(containsString("Beta device management"),
        not(containsString("Alpha Teams rollout")))));
    page("/portal/claims?q=Microsoft Intune", "fabrikam-user").andExpect(content().string(allOf(
        containsString("Beta device management"), not(containsString("Gamma mail")))));
    page("/portal/claims?q=contoso.onmicrosoft.com", "fabrikam-user").andExpect(content().string(allOf(
        containsString("Alpha Teams rollout"), containsString("Gamma mail"), not(containsString("Beta device management")))));
    // search text is text: a wildcard finds only itself
    page("/portal/claims?q=%25", "fabrikam-user").andExpect(content().string(allOf(containsString("No claim matches."),
        containsString("0 claims"))));

    String byName = page("/portal/claims?sort=NAME", "fabrikam-user").andReturn().getResponse().getContentAsString();
    assertThat(byName.indexOf("Alpha Teams rollout")).isLessThan(byName.indexOf("Beta device management"));
    assertThat(byName.indexOf("Beta device management")).isLessThan(byName.indexOf("Gamma mail"));
    String oldest = page("/portal/claims?sort=OLDEST", "fabrikam-user").andReturn().getResponse().getContentAsString();
    assertThat(oldest.indexOf("Alpha Teams rollout")).isLessThan(oldest.indexOf("Gamma mail"));
    String newest = page("/portal/claims", "fabrikam-user").andReturn().getResponse().getContentAsString();
    assertThat(newest.indexOf("Gamma mail")).isLessThan(newest.indexOf("Alpha Teams rollout"));
    // an unknown sort is the default order, never a column of the request
    page("/portal/claims?sort=name;drop table claims", "fabrikam-user").andExpect(status().isOk())
        .andExpect(content().string(containsString("Gamma mail")));

    String counts = page("/portal/claims", "fabrikam-user").andReturn().getResponse().getContentAsString().replaceAll("\\s+", " ");
    assertThat(counts).contains("All <span class=\"count\">3</span>", "Needs your action <span class=\"count\">2</span>",
        "<span>Under review</span> <span class=\"count\">1</span>", "<span>Rejected</span> <span class=\"count\">1</span>");

    page("/portal/claims?view=action", "fabrikam-user").andExpect(content().string(allOf(
        containsString("Beta device management"), containsString("Answer the information request by Tuesday 2026-12-22 14:30 (UTC)"),
        containsString("Gamma mail"), containsString("You may dispute the rejection until Friday 2027-01-01 14:30 (UTC)"),
        not(containsString("Alpha Teams rollout")))));
    page("/portal/claims?view=action", "northwind-admin").andExpect(content().string(allOf(containsString("Nothing needs your action."),
        not(containsString("Gamma mail")))));

    // once disputed, or after the 30 days, a rejection needs nothing more
    setTime(NOW.plus(java.time.Duration.ofDays(31)));
    page("/portal/claims?view=action", "fabrikam-user").andExpect(content().string(not(containsString("Gamma mail"))));
  }

  @Test
  void businessTimeLeft_isWhatThePartnerReallyHas_andMidnightDeadlinesSayWhichDay() throws Exception {
    // approved and sent on a Sunday: the window counts from Monday 00:00 and ends at Monday 00:00 a week later
    setTime(Instant.parse("2026-12-06T10:00:00Z"));
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    page("/portal/claims/" + claimId, "fabrikam-user").andExpect(content().string(allOf(
        containsString("Monday 2026-12-14 00:00 (UTC), the start of that day: the last full day is Sunday 2026-12-13"),
        containsString("5 business days left"))));
    setTime(Instant.parse("2026-12-11T18:00:00Z"));
    page("/portal/claims/" + claimId, "fabrikam-user").andExpect(content().string(containsString("6 hours left")));

    // an organisation with its own time zone reads the deadline there
    String zone = jdbc.sql("select time_zone from organisations where id = 'fabrikam'").query(String.class).optional().orElse(null);
    jdbc.sql("update organisations set time_zone = 'Europe/Budapest' where id = 'fabrikam'").update();
    try {
      page("/portal/claims/" + claimId, "fabrikam-user").andExpect(content().string(allOf(
          containsString("Monday 2026-12-14 01:00 (Europe/Budapest)"), containsString("6 hours left"))));
    } finally {
      jdbc.sql("update organisations set time_zone = ? where id = 'fabrikam'").param(zone).update();
    }
  }

  @Test
  void withdrawal_asksForConfirmationWithItsConsequences_beforeTheClaimIsWithdrawn() throws Exception {
    String claimId = submit(Map.of());
    page("/portal/claims/" + claimId, "fabrikam-admin").andExpect(content().string(allOf(
        containsString("href=\"/portal/claims/" + claimId + "/withdrawal\""), not(containsString("action=\"/portal/claims/" + claimId + "/withdrawal\"")))));
    page("/portal/claims/" + claimId + "/withdrawal", "fabrikam-admin").andExpect(status().isOk()).andExpect(content().string(allOf(
        containsString("This cannot be undone."), containsString("you submit a new claim"), containsString("Yes, withdraw the claim"),
        containsString("No, keep the claim"), containsString("name=\"_csrf\""))));
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    send(post("/portal/claims/" + claimId + "/withdrawal").param("reason", "Not needed"), "fabrikam-admin")
        .andExpect(redirectedUrl("/portal/claims/" + claimId));
    assertThat(statusOf(claimId)).isEqualTo("WITHDRAWN");
    page("/portal/claims/" + claimId + "/withdrawal", "fabrikam-admin").andExpect(redirectedUrl("/portal/claims/" + claimId));
    page("/portal/claims/" + claimId + "/withdrawal", "northwind-admin").andExpect(status().isNotFound());
  }

  @Test
  void dispute_hasItsOwnPageSayingItIsOnceOnly() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    page("/portal/claims/" + claimId + "/dispute", "fabrikam-admin").andExpect(status().isOk()).andExpect(content().string(allOf(
        containsString("You can dispute a rejection only once"), containsString("Friday 2027-01-01 14:30 (UTC)"),
        containsString("Proof of execution insufficient"), containsString("name=\"justification\""))));
    send(multipart("/portal/claims/" + claimId + "/dispute").param("justification", ""), "fabrikam-admin")
        .andExpect(redirectedUrl("/portal/claims/" + claimId + "/dispute"))
        .andExpect(flash().attribute("error", containsString("The justification is required")));
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
  }

  @Test
  void disassociation_asksForConfirmationWithItsConsequences() throws Exception {
    String claimId = submit(Map.of("workloads", List.of(Map.of("code", "TEAMS"))));
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    runWhenDue(timer(claimId, "BoundaryEvent_OptOutWindowElapsed"));
    String id = associations.ofClaim(claimId).get(0).id();
    page("/portal/associations", "fabrikam-admin").andExpect(content().string(allOf(
        containsString("href=\"/portal/associations/" + id + "/disassociation\""), not(containsString("<form class=\"stack\"")))));
    page("/portal/associations/" + id + "/disassociation", "fabrikam-admin").andExpect(status().isOk()).andExpect(content().string(allOf(
        containsString("End the association for <span>Microsoft Teams</span>?"), containsString("This cannot be undone."),
        containsString("contoso.onmicrosoft.com"), containsString("Yes, end the association"))));
    page("/portal/associations/" + id + "/disassociation", "fabrikam-user").andExpect(status().isForbidden());
    page("/portal/associations/" + id + "/disassociation", "northwind-admin").andExpect(status().isNotFound());
    assertThat(associations.find(id).orElseThrow().status()).isEqualTo(AssociationStatus.ACTIVE);
  }

  @Test
  void newClaimForm_showsTheChosenProgramsWorkloads_andKeepsTheUploadedPoeAcrossAFailedSubmit() throws Exception {
    String m365 = page("/portal/claims/new", "fabrikam-admin").andReturn().getResponse().getContentAsString();
    assertThat(fieldset(m365, "OSU_M365")).doesNotContain("hidden").doesNotContain("disabled");
    assertThat(fieldset(m365, "OSA_SELL OSU_BUSINESS_APPLICATIONS")).contains("hidden=\"hidden\"", "disabled=\"disabled\"");
    // without JavaScript: the program chooser redraws the form for that program
    String sell = page("/portal/claims/new?program=OSA_SELL", "fabrikam-admin").andReturn().getResponse().getContentAsString();
    assertThat(fieldset(sell, "OSA_SELL OSU_BUSINESS_APPLICATIONS")).doesNotContain("hidden=").contains("Power BI", "Workloads for OSA Sell");
    assertThat(fieldset(sell, "OSU_M365")).contains("hidden=\"hidden\"", "disabled=\"disabled\"");
    assertThat(sell).contains("<input type=\"hidden\" name=\"program\" value=\"OSA_SELL\"");

    // a refused submission keeps the file it carried, named, with a way to leave it out
    String foreign = uploadPoe("northwind-admin", "northwind.pdf", PDF);
    String refused = send(newClaim(Map.of("customerTenantId", "not-a-guid")).param("poeIds", foreign), "fabrikam-admin")
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("Files already uploaded", "signed.pdf").doesNotContain("northwind.pdf", foreign);
    java.util.regex.Matcher kept = java.util.regex.Pattern.compile("name=\"poeIds\" value=\"([^\"]+)\"").matcher(refused);
    assertThat(kept.find()).isTrue();
    assertThat(jdbc.sql("select count(*) from claims").query(Long.class).single()).isZero();

    // sent again without choosing the file again: the claim has it
    var again = multipart("/portal/claims");
    Map.of("name", "Portal claim", "partnerId", "4567890", "program", "OSU_M365", "customerTenantId", CONTOSO,
        "customerDomain", "contoso.com", "customerContactName", "Ada Lovelace", "customerContactTitle", "CIO",
        "customerContactEmail", "ada@contoso.com", "partnerContactName", "Grace Hopper", "partnerContactEmail", "grace@fabrikam-partner.com")
        .forEach(again::param);
    again.param("workloads", "TEAMS").param("poeIds", kept.group(1));
    String location = send(again, "fabrikam-admin").andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    String claimId = location.substring(location.lastIndexOf('/') + 1);
    assertThat(jdbc.sql("select file_name from poe_files where claim_id = ?").param(claimId).query(String.class).list())
        .containsExactly("signed.pdf");
    // another organisation's upload is never attached through the form
    send(newClaim(Map.of("name", "Sneaky", "workloads", "EXCHANGE_ONLINE")).param("poeIds", foreign), "fabrikam-admin")
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.sql("select count(*) from poe_files where id = ? and claim_id is null").param(foreign).query(Long.class).single())
        .isEqualTo(1);
  }

  /** The fieldset of the new-claim form for these programs. */
  private static String fieldset(String html, String programs) {
    int start = html.indexOf("data-programs=\"" + programs + "\"");
    assertThat(start).isPositive();
    return html.substring(html.lastIndexOf("<fieldset", start), html.indexOf("</fieldset>", start));
  }
}
