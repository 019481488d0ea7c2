package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.cpor.identity.AuthorizationSetup;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Tasklist shows validators and partner admins of a claim's task: names, cards, search, the forms' values. */
class TasklistViewTest extends IntegrationTest {

  /** A time as the forms show it: local to the minute, labelled with its zone; never ISO with seconds. */
  private static final String LABELLED_TIME = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(UTC\\)";
  private static final String ISO_INSTANT = "\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

  @LocalServerPort int port;
  @Autowired FilterService filters;
  @Autowired AuthorizationSetup authorizationSetup;

  private String adatumClaim() throws Exception {
    return submitAs("northwind-admin", Map.of("name", "Adatum Dynamics rollout", "partnerId", "7654321",
        "customerTenantId", ADATUM, "customerDomain", "adatum.hu",
        "customerContact", Map.of("name", "Bela Kovacs", "title", "CTO", "email", "bela@adatum.hu", "language", "hu")));
  }

  private Object local(Task task, String name) {
    return tasks.getVariableLocal(task.getId(), name);
  }

  private HttpResponse<String> formVariables(String taskId, String user) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/form-variables"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void validationTask_namesTheClaimAndItsPartner_andItsCardShowsPartnerDomainWorkloadsRoundAndDeadline() throws Exception {
    String claimId = submit(Map.of());
    Task task = task(claimId, "Task_ValidateClaim");
    assertThat(task.getName()).isEqualTo("Validate claim: Contoso Teams rollout — Fabrikam");
    assertThat(local(task, "partner")).isEqualTo("Fabrikam (4567890)");
    assertThat(local(task, "customerDomain")).isEqualTo("contoso.onmicrosoft.com");
    assertThat((String) local(task, "workloads")).contains("Microsoft Teams", "Exchange Online");
    assertThat(local(task, "round")).isEqualTo("1");
    assertThat((String) local(task, "reviewDeadline")).matches(LABELLED_TIME);

    // the partner answers, the next round says so
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Please send the signed PoE");
    Task partnerTask = task(claimId, "Task_ProvideInformation");
    assertThat(partnerTask.getName()).isEqualTo("Provide information: Contoso Teams rollout");
    assertThat((String) local(partnerTask, "answerDeadline")).matches(LABELLED_TIME);
    assertThat(local(partnerTask, "partner")).as("a partner's own task shows nothing about competitors").isNull();
    assertThat(local(partnerTask, "competingClaims")).isNull();
    postJson("/api/claims/" + claimId + "/information", Map.of("comment", "Signed PoE attached"), "fabrikam-admin");
    assertThat(local(task(claimId, "Task_ValidateClaim"), "round")).isEqualTo("2");
  }

  @Test
  void searchOverTheTaskVariable_findsAClaimByPartnerDomainNameOrId_throughTheValidatorsFilter() throws Exception {
    String contoso = submit(Map.of());
    String adatum = adatumClaim();
    Filter claimsToValidate = filters.createFilterQuery().filterName("Claims to validate").singleResult();
    identity.setAuthentication("validator", List.of("validators"));
    try {
      for (String typed : List.of("adatum", "Northwind", "7654321", "Adatum Dynamics", adatum.substring(0, 8))) {
        List<Task> found = filters.list(claimsToValidate.getId(),
            tasks.createTaskQuery().taskVariableValueLike("claimSearch", "%" + typed + "%").matchVariableValuesIgnoreCase());
        assertThat(found).as(typed).extracting(Task::getName).containsExactly("Validate claim: Adatum Dynamics rollout — Northwind");
      }
      assertThat(filters.list(claimsToValidate.getId(), tasks.createTaskQuery()
          .taskVariableValueLike("claimSearch", "%contoso.onmicrosoft.com%"))).extracting(Task::getProcessInstanceId)
          .containsExactly(instance(contoso).getId());
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void filters_listTheCardVariables_andAnOlderFilterInTheDatabaseIsUpdatedAtStartNotDuplicated() throws Exception {
    Filter filter = filters.createFilterQuery().filterName("Claims to validate").singleResult();
    assertThat(variableNames(filter)).containsExactly("partner", "customerDomain", "workloads", "round", "reviewDeadline");
    Filter partners = filters.createFilterQuery().filterName("My organisation's requests (Fabrikam)").singleResult();
    assertThat(variableNames(partners)).containsExactly("customerDomain", "workloads", "answerDeadline");

    // a database from before: the filter without card variables
    filters.saveFilter(filter.setProperties(new java.util.HashMap<>(Map.of("description", "old", "priority", -10))));
    authorizationSetup.run(null);

    List<Filter> now = filters.createFilterQuery().filterName("Claims to validate").list();
    assertThat(now).hasSize(1);
    assertThat(now.get(0).getId()).isEqualTo(filter.getId());
    assertThat(variableNames(now.get(0))).containsExactly("partner", "customerDomain", "workloads", "round", "reviewDeadline");
    assertThat(now.get(0).getProperties()).containsEntry("description", "Claims waiting for a validator's decision");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> variableNames(Filter filter) {
    return ((List<Map<String, Object>>) filter.getProperties().get("variables")).stream().map(v -> v.get("name")).toList();
  }

  @Test
  void competition_showsAClaimSubmittedAfterTheTaskWasCreated_whenTheValidatorOpensTheForm_andSaysWhenItWasComputed()
      throws Exception {
    String claimId = submit(Map.of());
    Task task = task(claimId, "Task_ValidateClaim");
    assertThat((String) local(task, "competingClaims")).isEqualTo("As of 2026-12-02 14:30 (UTC): no competing association or claim.");

    setTime(NOW.plusSeconds(3600));
    String competing = submitAs("northwind-admin", Map.of("name", "Northwind Teams", "partnerId", "7654321",
        "workloads", List.of(Map.of("code", "TEAMS"))));

    HttpResponse<String> partnerLooks = formVariables(task.getId(), "fabrikam-admin");
    assertThat(partnerLooks.statusCode()).isNotEqualTo(200);
    assertThat(partnerLooks.body()).doesNotContain(competing);
    assertThat((String) local(task, "competingClaims")).doesNotContain(competing);

    HttpResponse<String> validatorLooks = formVariables(task.getId(), "validator");
    assertThat(validatorLooks.statusCode()).isEqualTo(200);
    String shown = json.readTree(validatorLooks.body()).path("competingClaims").path("value").asText();
    assertThat(shown).startsWith("As of 2026-12-02 15:30 (UTC):")
        .contains("TEAMS: open claim " + competing + " of Northwind, PartnerID 7654321, UNDER_REVIEW, submitted 2026-12-02 15:30 (UTC)")
        .doesNotContainPattern(ISO_INSTANT);

    // the partner's own view of the competition names nobody
    assertThat(read("/api/claims/" + competing, "northwind-admin").toString()).doesNotContain(claimId, "Fabrikam", "4567890");
  }

  @Test
  void openingTheFormAgain_leavesAnUnchangedTaskAlone_soAClaimAtThatMomentDoesNotFail() throws Exception {
    String claimId = submit(Map.of());
    Task task = task(claimId, "Task_ValidateClaim");
    assertThat(formVariables(task.getId(), "validator").statusCode()).isEqualTo(200);
    Task read = tasks.createTaskQuery().taskId(task.getId()).singleResult();

    // Tasklist loads the form while the validator claims: the claim works on the task as read before the load
    assertThat(formVariables(task.getId(), "validator").statusCode()).isEqualTo(200);
    assertThat(((TaskEntity) tasks.createTaskQuery().taskId(task.getId()).singleResult()).getRevision())
        .as("the task is not written by a load that changes nothing").isEqualTo(((TaskEntity) read).getRevision());
    tasks.claim(task.getId(), "validator");
    assertThat(task(claimId, "Task_ValidateClaim").getAssignee()).isEqualTo("validator");
  }

  @Test
  void forms_showLabelledTimes_relativeLinksThatOpenANewTab_andTextWithoutEscapes() throws Exception {
    String claimId = submit(Map.of("comment", "Done: see [the PoE] *signed*"));
    Task task = task(claimId, "Task_ValidateClaim");
    String summary = (String) local(task, "claimSummary");
    assertThat(summary).contains("Submitted: 2026-12-02 14:30 (UTC) by fabrikam-admin", "Comment: Done: see [the PoE] *signed*",
            "Program: OSU – Microsoft 365 · Modern Work and Security · Use or consume")
        .doesNotContainPattern(ISO_INSTANT).doesNotContain("\\");
    String poeId = read("/api/claims/" + claimId, "validator").path("poeIds").get(0).asText();
    assertThat((String) local(task, "poeLinks"))
        .contains("<a class=\"cpor-link\" href=\"../../../../api/poe/" + poeId + "\" target=\"_blank\" rel=\"noopener\">signed-poe.pdf</a>")
        .contains("uploaded 2026-12-02 14:30 (UTC)").doesNotContain("http");

    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE,MISSING_WORKLOADS", "Please send the signed PoE");
    Task partnerTask = task(claimId, "Task_ProvideInformation");
    assertThat((String) local(partnerTask, "informationQuestion"))
        .contains("Reasons: Proof of execution missing (MISSING_POE), Workloads missing from the proof of execution (MISSING_WORKLOADS)",
            "Question: Please send the signed PoE")
        .containsPattern("Answer by: " + LABELLED_TIME).doesNotContain("\\");
    assertThat((String) local(partnerTask, "claimLink"))
        .contains("href=\"../../../../portal/claims/" + claimId + "\" target=\"_blank\"");
  }
}
