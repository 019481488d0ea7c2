package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.cpor.association.AssociationStore;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.claim.Association;
import org.cpor.claim.AssociationStatus;
import org.cpor.claim.ClaimStatus;
import org.cpor.claim.DecisionOutcome;
import org.cpor.claim.EndReason;
import org.cpor.support.IntegrationTest;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of AssociationClaimProcess, asserted in the store and the mailbox; together they cover every flow node
 * and sequence flow of the model ({@link org.cpor.support.ProcessCoverage}).
 */
class AssociationClaimProcessTest extends IntegrationTest {

  private static final String PARTNER = "grace@fabrikam-partner.com";
  private static final String CUSTOMER = "ada@contoso.com";
  private static final Pattern LINK = Pattern.compile("https://claims\\.cpor\\.test(/customer/associations/[A-Za-z0-9._~-]+)/decline");

  @Autowired AssociationStore associations;
  @Autowired ClaimTimeline timeline;
  @Autowired BusinessCalendar calendar;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  @BeforeEach
  void engineForAssertions() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void approvedAndWindowElapsed_associationBecomesOfficial() throws Exception {
    String claimId = submit(Map.of());
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(instance(claimId)).isWaitingAt("Task_ValidateClaim");
    assertThat(subjectsTo(PARTNER)).containsExactly("Claim received: Contoso Teams rollout");

    validate(claimId, "APPROVED", null, null);
    assertThat(statusOf(claimId)).isEqualTo("APPROVED");
    assertThat(claim(claimId).optOutDeadlineAt()).as("no window before the customer is told").isNull();
    assertThat(instance(claimId)).isWaitingAt("Task_NotifyCustomer");

    management.executeJob(job(claimId).getId());
    Instant deadline = calendar.addBusinessDays(NOW, 5);
    assertThat(claim(claimId).customerNotifiedAt()).isEqualTo(NOW);
    assertThat(claim(claimId).optOutDeadlineAt()).isEqualTo(Instant.parse("2026-12-09T14:30:00Z")).isEqualTo(deadline);
    List<MimeMessage> toCustomer = mailTo(CUSTOMER);
    assertThat(toCustomer).hasSize(1);
    assertThat(toCustomer.get(0).getSubject()).isEqualTo("Fabrikam asks to be associated with your Microsoft cloud tenant");
    assertThat(body(toCustomer.get(0))).contains("Microsoft Teams", "Exchange Online", "2026-12-09 14:30 (UTC)")
        .containsPattern(LINK);
    assertThat(subjectsTo(PARTNER)).contains("Claim approved, customer notified: Contoso Teams rollout");

    Job window = timer(claimId, "BoundaryEvent_OptOutWindowElapsed");
    assertThat(window.getDuedate().toInstant()).isEqualTo(deadline);
    runWhenDue(window);

    assertThat(statusOf(claimId)).isEqualTo("OFFICIAL");
    assertThat(instance(claimId)).isNull();
    assertThat(historicEnd(claimId)).isEqualTo("EndEvent_AssociationOfficial");
    assertThat(associations.ofClaim(claimId)).extracting(Association::workload, Association::status)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TEAMS", AssociationStatus.ACTIVE),
            org.assertj.core.groups.Tuple.tuple("EXCHANGE_ONLINE", AssociationStatus.ACTIVE));
    assertThat(subjectsTo(PARTNER)).contains("Association official: Contoso Teams rollout");
    assertThat(timeline.ofClaim(claimId)).extracting(TimelineEvent::type)
        .contains("SUBMITTED", "CHECKED", "REVIEW_STARTED", "DECIDED", "APPROVED", "CUSTOMER_NOTIFIED", "OFFICIAL");
    // history is kept 3650 days from the claim's submission: the removal time is written with each history row, so
    // the claim's end rewrites none of them
    org.camunda.bpm.engine.history.HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(claimId).singleResult();
    assertThat(history.getRemovalTime().toInstant()).isEqualTo(NOW.plus(java.time.Duration.ofDays(3650)))
        .isEqualTo(history.getStartTime().toInstant().plus(java.time.Duration.ofDays(3650)));
  }

  @Test
  void declineBeforeDeadline_rejectsClaimAndTellsPartner() throws Exception {
    String claimId = submit(Map.of("customerTenantId", ADATUM, "customerDomain", "adatum.hu",
        "customerContact", Map.of("name", "Kovács Éva", "title", "IT-vezető", "email", "eva@adatum.hu", "language", "hu")));
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());

    MimeMessage request = mailTo("eva@adatum.hu").get(0);
    assertThat(request.getSubject()).isEqualTo("A(z) Fabrikam partnerkapcsolatot kér az Ön Microsoft-felhőbérlőjéhez");
    assertThat(body(request)).contains("Tisztelt Kovács Éva!", "elutasítja");
    String page = declinePath(request);

    mvc.perform(get(page)).andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
            org.hamcrest.Matchers.containsString("Elutasítás")));
    mvc.perform(post(page + "/decline").with(csrf())).andExpect(status().isOk());

    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
    assertThat(claims.latestDecision(claimId)).hasValueSatisfying(d -> {
      assertThat(d.outcome()).isEqualTo(DecisionOutcome.REJECTED);
      assertThat(d.reasons()).containsExactly("CUSTOMER_DECLINED");
      assertThat(d.decidedBy()).isEqualTo("customer");
    });
    assertThat(instance(claimId)).isNull();
    assertThat(historicEnd(claimId)).isEqualTo("EndEvent_CustomerDeclined");
    assertThat(associations.ofClaim(claimId)).isEmpty();
    assertThat(subjectsTo(PARTNER)).contains("Declined by the customer: Contoso Teams rollout");

    mvc.perform(post(page + "/decline").with(csrf())).andExpect(status().isOk());
    assertThat(subjectsTo(PARTNER)).filteredOn(s -> s.startsWith("Declined")).hasSize(1);
  }

  @Test
  void strayTriggerWhileCustomerDecides_changesNothingAndTheWindowStillRuns() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    Instant deadline = claim(claimId).optOutDeadlineAt();
    String waiting = runtime.createExecutionQuery().processInstanceBusinessKey(claimId)
        .activityId("Task_AwaitCustomerDecision").singleResult().getId();

    // RuntimeService.signal (engine REST: POST /execution/{id}/signal) without the customer having declined
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.signal(waiting))
        .hasMessageContaining("no customer decline");

    assertThat(statusOf(claimId)).isEqualTo("APPROVED");
    assertThat(instance(claimId)).isWaitingAt("Task_AwaitCustomerDecision");
    assertThat(claims.latestDecision(claimId).orElseThrow().outcome()).isEqualTo(DecisionOutcome.APPROVED);
    assertThat(subjectsTo(PARTNER)).noneMatch(s -> s.startsWith("Declined"));
    Job window = timer(claimId, "BoundaryEvent_OptOutWindowElapsed");
    assertThat(window.getDuedate().toInstant()).isEqualTo(deadline);

    runWhenDue(window);
    assertThat(statusOf(claimId)).isEqualTo("OFFICIAL");
    assertThat(historicEnd(claimId)).isEqualTo("EndEvent_AssociationOfficial");
  }

  @Test
  void declineAfterOfficial_endsAssociation() throws Exception {
    String claimId = officialClaim(Map.of());
    String page = declinePath(mailTo(CUSTOMER).get(0));

    mvc.perform(post(page + "/decline").with(csrf())).andExpect(status().isOk());

    assertThat(statusOf(claimId)).isEqualTo("ENDED");
    assertThat(associations.ofClaim(claimId)).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(AssociationStatus.ENDED);
      assertThat(a.endReason()).isEqualTo(EndReason.CUSTOMER_DECLINED);
    });
    assertThat(subjectsTo(PARTNER)).contains("Declined by the customer: Contoso Teams rollout");
  }

  @Test
  void undecidedOutcome_goesBackToTheValidatorWithTheSameSla() throws Exception {
    String claimId = submit(Map.of());
    org.camunda.bpm.engine.task.Task first = task(claimId, "Task_ValidateClaim");
    Instant reviewDue = claim(claimId).reviewDueAt();

    // the validation task left without a decision the gateway knows (a signal carrying a made-up outcome)
    runtime.signal(first.getExecutionId(), Map.of("validationOutcome", "MAYBE", "validationComment", "looks fine"));

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(instance(claimId)).isWaitingAt("Task_ValidateClaim");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(claimId).list()).singleElement()
        .satisfies(t -> assertThat(t.getId()).isNotEqualTo(first.getId()));
    assertThat(claims.latestDecision(claimId)).as("nothing was decided").isEmpty();
    assertThat(runtime.getVariables(instance(claimId).getId())).as("the form starts without a decision")
        .doesNotContainKeys("validationOutcome", "validationReasons", "validationComment");
    assertThat(claim(claimId).reviewDueAt()).as("the same review round").isEqualTo(reviewDue);
    assertThat(timer(claimId, "BoundaryEvent_ReviewSlaBreached").getDuedate().toInstant()).isEqualTo(reviewDue);
    assertThat(subjectsTo(PARTNER)).containsExactly("Claim received: Contoso Teams rollout");
    assertThat(mailTo(CUSTOMER)).isEmpty();

    validate(claimId, "APPROVED", null, null);
    assertThat(statusOf(claimId)).isEqualTo("APPROVED");
    assertThat(instance(claimId)).isWaitingAt("Task_NotifyCustomer");
  }

  @Test
  void noOutcomeAtAll_goesBackToTheValidator() throws Exception {
    String claimId = submit(Map.of());

    runtime.signal(task(claimId, "Task_ValidateClaim").getExecutionId());

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(instance(claimId)).isWaitingAt("Task_ValidateClaim");
    assertThat(claims.latestDecision(claimId)).isEmpty();
  }

  @Test
  void rejected_tellsPartnerReasonAndHowToDispute() throws Exception {
    String claimId = submit(Map.of());

    validate(claimId, "REJECTED", "INSUFFICIENT_POE", "The PoE is not signed by the customer");

    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
    assertThat(instance(claimId)).isNull();
    assertThat(historicEnd(claimId)).isEqualTo("EndEvent_ClaimRejected");
    assertThat(claims.latestDecision(claimId)).hasValueSatisfying(d -> {
      assertThat(d.reasons()).containsExactly("INSUFFICIENT_POE");
      assertThat(d.decidedBy()).isEqualTo("validator");
    });
    MimeMessage rejected = mailTo(PARTNER).get(1);
    assertThat(rejected.getSubject()).isEqualTo("Claim rejected: Contoso Teams rollout");
    assertThat(body(rejected)).contains("INSUFFICIENT_POE", "The PoE is not signed by the customer", "dispute");
  }

  @Test
  void informationRequestedAnsweredAndApproved() throws Exception {
    String claimId = submit(Map.of());

    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE,MISSING_WORKLOADS", "Please name Exchange in the PoE");

    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
    assertThat(instance(claimId)).isWaitingAt("Task_ProvideInformation");
    assertThat(tasks.createTaskQuery().taskCandidateGroup("partner-fabrikam-admins").count()).isEqualTo(1);
    Instant due = calendar.addBusinessDays(NOW, 14);
    JsonNode open = read("/api/claims/" + claimId, "fabrikam-user").get("openRequest");
    assertThat(open.get("question").asText()).isEqualTo("Please name Exchange in the PoE");
    assertThat(Instant.parse(open.get("dueAt").asText())).isEqualTo(due);
    assertThat(timer(claimId, "BoundaryEvent_InformationOverdue").getDuedate().toInstant()).isEqualTo(due);
    MimeMessage request = mailTo(PARTNER).get(1);
    assertThat(body(request)).contains("Please name Exchange in the PoE", "MISSING_POE, MISSING_WORKLOADS");

    postJson("/api/claims/" + claimId + "/information", Map.of("comment", "Updated PoE names Exchange Online"), "fabrikam-admin")
        .andExpect(status().isOk());

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(instance(claimId)).isWaitingAt("Task_ValidateClaim");
    assertThat(claims.latestInformationRequest(claimId)).hasValueSatisfying(r -> {
      assertThat(r.answerComment()).isEqualTo("Updated PoE names Exchange Online");
      assertThat(r.answeredBy()).isEqualTo("fabrikam-admin");
    });
    assertThat(runtime.getVariable(instance(claimId).getId(), "validationOutcome")).as("no pre-filled decision").isNull();

    validate(claimId, "APPROVED", "", "");
    assertThat(statusOf(claimId)).isEqualTo("APPROVED");
  }

  @Test
  void informationAnsweredInTasklist_returnsToValidation() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the PoE?");

    identity.setAuthentication("fabrikam-admin", List.of("partner-fabrikam-admins"));
    tasks.complete(task(claimId, "Task_ProvideInformation").getId(), Map.of("answerComment", "Attached again"));
    identity.clearAuthentication();

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(claims.latestInformationRequest(claimId).orElseThrow().answerComment()).isEqualTo("Attached again");
  }

  @Test
  void informationOverdue_rejectsWithNoPartnerResponse() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the PoE?");

    runWhenDue(timer(claimId, "BoundaryEvent_InformationOverdue"));

    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
    assertThat(historicEnd(claimId)).isEqualTo("EndEvent_ClaimRejectedForNoResponse");
    assertThat(claims.latestDecision(claimId)).hasValueSatisfying(d -> {
      assertThat(d.reasons()).containsExactly("NO_PARTNER_RESPONSE");
      assertThat(d.decidedBy()).isEqualTo("system");
    });
    assertThat(subjectsTo(PARTNER)).contains("Claim rejected: Contoso Teams rollout");
    postJson("/api/claims/" + claimId + "/information", Map.of("comment", "too late"), "fabrikam-admin")
        .andExpect(status().isConflict());
  }

  @Test
  void reviewSlaBreached_alertsLeadsAndTaskStaysOpen() throws Exception {
    String claimId = submit(Map.of());
    Job sla = timer(claimId, "BoundaryEvent_ReviewSlaBreached");
    assertThat(sla.getDuedate().toInstant()).isEqualTo(calendar.addBusinessDays(NOW, 5));
    assertThat(task(claimId, "Task_ValidateClaim").getDueDate()).isEqualTo(sla.getDuedate());

    runWhenDue(sla);

    assertThat(instance(claimId)).isWaitingAt("Task_ValidateClaim");
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(subjectsTo("lead@cpor.example")).containsExactly("Review overdue: Contoso Teams rollout");
    assertThat(subjectsTo("validator@cpor.example")).isEmpty();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance(claimId).getId())
        .activityId("EndEvent_ValidationLeadsAlerted").count()).isEqualTo(1);
  }

  @Test
  void withdrawnWhileUnderReview() throws Exception {
    String claimId = submit(Map.of());
    withdraw(claimId);
  }

  @Test
  void withdrawnWhilePartnerActionRequired() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the PoE?");
    withdraw(claimId);
  }

  @Test
  void withdrawnBeforeCustomerNotified_customerIsNeverAsked() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    withdraw(claimId);
    assertThat(mailTo(CUSTOMER)).isEmpty();
  }

  @Test
  void withdrawnDuringOptOutWindow_customerPageSaysWithdrawn() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    String page = declinePath(mailTo(CUSTOMER).get(0));

    withdraw(claimId);

    mvc.perform(get(page)).andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
        .content().string(org.hamcrest.Matchers.containsString("has withdrawn this request")));
    assertThat(management.createJobQuery().count()).as("the window's timer is gone").isZero();
  }

  @Test
  void competingClaimWins_supersedesIncumbent() throws Exception {
    String incumbent = officialClaim(Map.of("workloads", List.of(Map.of("code", "TEAMS"))));
    mail.purgeEmailFromAllMailboxes();

    String challenger = submitAs("northwind-admin", Map.of("partnerId", "7654321", "workloads", List.of(Map.of("code", "TEAMS")),
        "partnerContact", Map.of("name", "Nora Wind", "email", "nora@northwind-partner.com")));
    assertThat(claims.findings(challenger)).anySatisfy(f -> {
      assertThat(f.code()).isEqualTo("COMPETING_CLAIM");
      assertThat(f.message()).contains("4567890");
    });
    assertThat((String) tasks.getVariableLocal(task(challenger, "Task_ValidateClaim").getId(), "competingClaims"))
        .contains("official association of Fabrikam, PartnerID 4567890");
    validate(challenger, "APPROVED", null, null);
    management.executeJob(job(challenger).getId());
    runWhenDue(timer(challenger, "BoundaryEvent_OptOutWindowElapsed"));

    assertThat(statusOf(challenger)).isEqualTo("OFFICIAL");
    assertThat(statusOf(incumbent)).isEqualTo("ENDED");
    assertThat(associations.ofClaim(incumbent)).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(AssociationStatus.ENDED);
      assertThat(a.endReason()).isEqualTo(EndReason.SUPERSEDED);
    });
    assertThat(associations.activeFor(CONTOSO, "TEAMS")).hasValueSatisfying(a -> assertThat(a.claimId()).isEqualTo(challenger));
    assertThat(subjectsTo(PARTNER)).containsExactly("Association superseded: Contoso Teams rollout");
    assertThat(subjectsTo("nora@northwind-partner.com")).contains("Association official: Contoso Teams rollout");
  }

  @Test
  void optOutDeadline_isFiveBusinessDaysAfterNotification_skippingHolidayMonday() throws Exception {
    setTime(Instant.parse("2027-01-13T09:00:00Z"));
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    Instant thursday = Instant.parse("2027-01-14T10:15:00Z");
    setTime(thursday);

    management.executeJob(job(claimId).getId());

    Instant expected = calendar.addBusinessDays(thursday, 5);
    assertThat(expected).isEqualTo(Instant.parse("2027-01-22T10:15:00Z"));
    assertThat(timer(claimId, "BoundaryEvent_OptOutWindowElapsed").getDuedate().toInstant()).isEqualTo(expected);
    assertThat(claim(claimId).optOutDeadlineAt()).isEqualTo(expected);
  }

  @Test
  void disputedRejection_isValidatedAgainAndApproved() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "REJECTED", "INSUFFICIENT_POE", "The PoE is not signed");
    setTime(NOW.plus(java.time.Duration.ofDays(29)));
    String poe = uploadPoe("fabrikam-admin", "signed-again.pdf", PDF);

    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", "Now signed by the customer", "poeIds", List.of(poe)),
        "fabrikam-admin").andExpect(status().isOk());

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(instance(claimId)).isWaitingAt("Task_ValidateClaim");
    assertThat(instance(claimId).getBusinessKey()).isEqualTo(claimId);
    assertThat((String) tasks.getVariableLocal(task(claimId, "Task_ValidateClaim").getId(), "claimSummary"))
        .contains("DISPUTED by the partner after a rejection: Now signed by the customer");
    assertThat((String) tasks.getVariableLocal(task(claimId, "Task_ValidateClaim").getId(), "poeLinks"))
        .contains("signed-again.pdf", "href=\"../../../../api/poe/" + poe + "\"");

    validate(claimId, "APPROVED", null, null);
    assertThat(statusOf(claimId)).isEqualTo("APPROVED");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(claimId).count()).isEqualTo(2);
  }

  @Test
  void disputedRejection_rejectedAgain_cannotBeDisputedTwice() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the PoE?");
    runWhenDue(timer(claimId, "BoundaryEvent_InformationOverdue"));
    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", "We missed the e-mail"), "fabrikam-admin")
        .andExpect(status().isOk());

    validate(claimId, "REJECTED", "INSUFFICIENT_POE", "Still no PoE");

    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", "Please look again"), "fabrikam-admin")
        .andExpect(status().isConflict());
    assertThat(instance(claimId)).isNull();
  }

  private void withdraw(String claimId) throws Exception {
    postJson("/api/claims/" + claimId + "/withdrawal", Map.of("reason", "Customer changed plans"), "fabrikam-admin")
        .andExpect(status().isOk());
    assertThat(statusOf(claimId)).isEqualTo(ClaimStatus.WITHDRAWN.name());
    assertThat(instance(claimId)).isNull();
    assertThat(historicEnd(claimId)).isEqualTo("EndEvent_ClaimWithdrawn");
    assertThat(timeline.ofClaim(claimId)).anySatisfy(e -> {
      assertThat(e.type()).isEqualTo("WITHDRAWN");
      assertThat(e.detail()).isEqualTo("Customer changed plans");
      assertThat(e.actor()).isEqualTo("fabrikam-admin");
    });
  }

  private String officialClaim(Map<String, Object> changes) throws Exception {
    String claimId = submit(changes);
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    runWhenDue(timer(claimId, "BoundaryEvent_OptOutWindowElapsed"));
    assertThat(statusOf(claimId)).isEqualTo("OFFICIAL");
    return claimId;
  }

  private String historicEnd(String claimId) {
    return history.createHistoricActivityInstanceQuery()
        .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(claimId).singleResult().getId())
        .activityType("noneEndEvent").singleResult().getActivityId();
  }

  private static String declinePath(MimeMessage message) throws Exception {
    Matcher matcher = LINK.matcher(body(message));
    assertThat(matcher.find()).as("decline link in the e-mail").isTrue();
    return matcher.group(1);
  }
}
