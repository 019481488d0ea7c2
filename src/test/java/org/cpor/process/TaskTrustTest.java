package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngineException;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the process trusts: the claim is its business key, a task is worked and assigned only by members of its
 * group whatever the path (the task listeners check what the REST guard checked), and the loser of a race to
 * complete a task is told so with 409.
 */
class TaskTrustTest extends IntegrationTest {

  private static final String APPROVE = "{\"variables\":{\"validationOutcome\":{\"value\":\"APPROVED\"}}}";

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void twoValidatorsCompletingAtOnce_oneWins_theOtherGets409WithTheClaimsStatus() throws Exception {
    for (String workload : List.of("TEAMS", "INTUNE", "ONEDRIVE", "COPILOT")) {
      String claimId = submit(Map.of("workloads", List.of(Map.of("code", workload))));
      String taskId = task(claimId, AssociationClaimProcess.TASK_VALIDATE_CLAIM).getId();
      List<HttpResponse<String>> answers = atOnce(4, () -> complete("validator", taskId, APPROVE));

      List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
      assertThat(statuses).as(answers.stream().map(HttpResponse::body).toList().toString())
          .containsOnly(204, 409).containsOnlyOnce(204);
      answers.stream().filter(a -> a.statusCode() == 409)
          .forEach(a -> assertThat(a.body()).contains("claim " + claimId + " is now APPROVED"));
      assertThat(jdbc.sql("select count(*) from claim_decisions where claim_id = ?").param(claimId).query(Long.class).single())
          .isEqualTo(1);
      assertThat(statusOf(claimId)).isEqualTo("APPROVED");
    }
  }

  @Test
  void completingATaskThatWasJustCompleted_tellsAMemberOfItsGroupWhatBecameOfTheClaim_andAnyoneElseNothing() throws Exception {
    String claimId = submit(Map.of());
    String taskId = task(claimId, AssociationClaimProcess.TASK_VALIDATE_CLAIM).getId();
    assertThat(complete("validator", taskId, APPROVE).statusCode()).isEqualTo(204);

    HttpResponse<String> again = complete("validation-lead", taskId, APPROVE);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    assertThat(again.body()).contains("claim " + claimId + " is now APPROVED");
    HttpResponse<String> outsider = complete("northwind-admin", taskId, APPROVE);
    assertThat(outsider.statusCode()).isEqualTo(404);
    assertThat(outsider.body()).doesNotContain(claimId).doesNotContain("APPROVED");
    assertThat(jdbc.sql("select count(*) from claim_decisions where claim_id = ?").param(claimId).query(Long.class).single())
        .isEqualTo(1);
  }

  @Test
  void assigningAValidationTaskToAPartner_isRefusedByTheEngineToo() throws Exception {
    String claimId = submit(Map.of());
    String taskId = task(claimId, AssociationClaimProcess.TASK_VALIDATE_CLAIM).getId();

    assertThatThrownBy(() -> tasks.setAssignee(taskId, "fabrikam-admin")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("only members of validators");
    assertThat(task(claimId, AssociationClaimProcess.TASK_VALIDATE_CLAIM).getAssignee()).isNull();

    tasks.setAssignee(taskId, "validation-lead");
    assertThat(task(claimId, AssociationClaimProcess.TASK_VALIDATE_CLAIM).getAssignee()).isEqualTo("validation-lead");
  }

  @Test
  void aPartnerCompletingAValidationTask_isRefusedByTheEngineToo_evenWhenAssigned() throws Exception {
    String claimId = submit(Map.of());
    String taskId = task(claimId, AssociationClaimProcess.TASK_VALIDATE_CLAIM).getId();
    identity.setAuthentication("fabrikam-admin", List.of("partner-fabrikam", "partner-fabrikam-admins", "incentives-admins"));
    try {
      assertThatThrownBy(() -> tasks.complete(taskId, Map.of("validationOutcome", "APPROVED")))
          .isInstanceOf(ProcessEngineException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(claims.latestDecision(claimId)).isEmpty();
  }

  @Test
  void anotherOrganisationsAdminCannotBeGivenItsInformationRequest() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the signed PoE?");
    String taskId = task(claimId, AssociationClaimProcess.TASK_PROVIDE_INFORMATION).getId();

    assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(l -> l.getGroupId()).containsExactly("partner-fabrikam-admins");
    assertThatThrownBy(() -> tasks.setAssignee(taskId, "northwind-admin")).isInstanceOf(ProcessEngineException.class);
    HttpResponse<String> answer = call("northwind-admin", "POST", "/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"answerComment\":{\"value\":\"here\"}}}");
    assertThat(answer.statusCode()).isIn(403, 404);
    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
  }

  @Test
  void oddSpellingsOfTheCompletionPath_areCheckedLikeThePlainOne() throws Exception {
    String claimId = submit(Map.of("workloads", List.of(Map.of("code", "TEAMS"))));
    String other = submit(Map.of("workloads", List.of(Map.of("code", "INTUNE"))));
    String taskId = task(claimId, AssociationClaimProcess.TASK_VALIDATE_CLAIM).getId();
    String injected = "{\"variables\":{\"validationOutcome\":{\"value\":\"APPROVED\"},\"claimId\":{\"value\":\"" + other + "\"}}}";
    for (String path : List.of("/engine-rest//task/" + taskId + "/complete", "/engine-rest/task/" + taskId + "/complete;x=y",
        "/engine-rest/task/" + taskId + "/%63omplete", "/engine-rest/./task/" + taskId + "/complete",
        "/engine-rest/engine/default/task/" + taskId + "/complete")) {
      HttpResponse<String> answer = call("validator", "POST", path, injected);
      assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(400, 499);
    }
    assertThat(task(claimId, AssociationClaimProcess.TASK_VALIDATE_CLAIM)).isNotNull();
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(statusOf(other)).isEqualTo("UNDER_REVIEW");
  }

  private HttpResponse<String> complete(String user, String taskId, String body) throws Exception {
    return call(user, "POST", "/engine-rest/task/" + taskId + "/complete", body);
  }

  private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private interface Call {
    HttpResponse<String> send() throws Exception;
  }

  /** The same call from several clients released at the same moment. */
  private static List<HttpResponse<String>> atOnce(int clients, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return call.send();
        }));
      }
      start.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }
}
