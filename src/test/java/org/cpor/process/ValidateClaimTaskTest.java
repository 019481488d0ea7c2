package org.cpor.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Completing Task_ValidateClaim: what is accepted in the forms a client may send, and what is refused. */
class ValidateClaimTaskTest extends IntegrationTest {

  @LocalServerPort int port;

  /** Over HTTP to the running server: the engine's REST API is not part of MockMvc. */
  private void completeOverRest(String claimId, String variables, int expectedStatus, String message) throws Exception {
    String taskId = task(claimId, "Task_ValidateClaim").getId();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("validator:validator".getBytes()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": {" + variables + "}}"))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    if (message != null) {
      assertThat(json.readTree(response.body()).get("message").asText()).contains(message);
    }
  }

  @Test
  void rejectionWithoutReasonOrComment_isRefusedWith400AndTheTaskStaysOpen() throws Exception {
    String claimId = submit(Map.of());
    completeOverRest(claimId, "\"validationOutcome\": {\"value\": \"REJECTED\"}", 400, "validationReasons");
    assertThat(task(claimId, "Task_ValidateClaim")).isNotNull();
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    assertThat(claims.latestDecision(claimId)).isEmpty();
  }

  @Test
  void commentLongerThanAProcessVariableHolds_isRefusedWith400() throws Exception {
    String claimId = submit(Map.of());
    completeOverRest(claimId, "\"validationOutcome\": {\"value\": \"REJECTED\"}, \"validationReasons\": {\"value\": \"OTHER\"},"
        + " \"validationComment\": {\"value\": \"" + "x".repeat(4001) + "\"}", 400, "validationComment");
    assertThat(task(claimId, "Task_ValidateClaim")).isNotNull();
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }

  @Test
  void systemOnlyReason_isRefused() throws Exception {
    String claimId = submit(Map.of());
    completeOverRest(claimId, "\"validationOutcome\": {\"value\": \"REJECTED\"}, \"validationReasons\": {\"value\": \"NO_PARTNER_RESPONSE\"},"
        + " \"validationComment\": {\"value\": \"no\"}", 400, "NO_PARTNER_RESPONSE is decided by the system only");
    assertThat(task(claimId, "Task_ValidateClaim")).isNotNull();
  }

  @Test
  void unknownOutcome_isRefused() throws Exception {
    String claimId = submit(Map.of());
    completeOverRest(claimId, "\"validationOutcome\": {\"value\": \"MAYBE\"}", 400, "APPROVED, REJECTED or INFORMATION_REQUESTED");
    assertThat(task(claimId, "Task_ValidateClaim")).isNotNull();
  }

  @Test
  void rejectionReasonForAnInformationRequest_isRefused() throws Exception {
    String claimId = submit(Map.of());
    completeOverRest(claimId, "\"validationOutcome\": {\"value\": \"INFORMATION_REQUESTED\"}, \"validationReasons\": {\"value\": \"INSUFFICIENT_POE\"},"
        + " \"validationComment\": {\"value\": \"?\"}", 400, "INSUFFICIENT_POE is not a reason for INFORMATION_REQUESTED");
  }

  @Test
  void commaSeparatedReasonsOverRest_areAccepted() throws Exception {
    String claimId = submit(Map.of());
    completeOverRest(claimId, "\"validationOutcome\": {\"value\": \"REJECTED\"}, \"validationReasons\": {\"value\": \"INSUFFICIENT_POE, OTHER\"},"
        + " \"validationComment\": {\"value\": \"Unsigned\"}", 204, null);
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
    assertThat(claims.latestDecision(claimId).orElseThrow().reasons()).containsExactly("INSUFFICIENT_POE", "OTHER");
  }

  @Test
  void reasonsAsJsonStringOverRest_areAccepted() throws Exception {
    String claimId = submit(Map.of());
    completeOverRest(claimId, "\"validationOutcome\": {\"value\": \"INFORMATION_REQUESTED\"}, \"validationReasons\": {\"value\": \"[\\\"MISSING_POE\\\"]\"},"
        + " \"validationComment\": {\"value\": \"Where is it?\"}", 204, null);
    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
    assertThat(claims.latestDecision(claimId).orElseThrow().reasons()).containsExactly("MISSING_POE");
  }

  @Test
  void reasonsAsTasklistChecklistJson_areAccepted() throws Exception {
    String claimId = submit(Map.of());
    identity.setAuthentication("validator", List.of("validators"));
    tasks.complete(task(claimId, "Task_ValidateClaim").getId(), Variables.createVariables()
        .putValue("validationOutcome", "REJECTED")
        .putValue("validationReasons", Spin.JSON("[\"COMPETING_CLAIM_PREFERRED\"]"))
        .putValue("validationComment", "The other partner did the work"));
    identity.clearAuthentication();
    assertThat(claims.latestDecision(claimId).orElseThrow().reasons()).containsExactly("COMPETING_CLAIM_PREFERRED");
  }

  @Test
  void invalidDecisionThroughTheEngineApi_isRefusedToo() throws Exception {
    String claimId = submit(Map.of());
    String taskId = task(claimId, "Task_ValidateClaim").getId();
    assertThatThrownBy(() -> tasks.complete(taskId, Map.of("validationOutcome", "APPROVED", "validationReasons", "OTHER")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("must be empty when approving");
    assertThat(task(claimId, "Task_ValidateClaim")).isNotNull();
  }

  @Test
  void validationFormShowsClaimAndFindings() throws Exception {
    String claimId = submit(Map.of("customerTenantId", "11111111-2222-3333-4444-555555555555", "customerDomain", "fourthcoffee.com"));
    String taskId = task(claimId, "Task_ValidateClaim").getId();
    assertThat((String) tasks.getVariableLocal(taskId, "claimSummary")).contains("Contoso Teams rollout", "PartnerID 4567890",
        "Microsoft Teams", "ada@contoso.com");
    assertThat((String) tasks.getVariableLocal(taskId, "claimFindings")).contains("TENANT_NOT_VERIFIED");
    assertThat(tasks.getVariableLocal(taskId, "competingClaims")).isEqualTo("As of 2026-12-02 14:30 (UTC): no competing association or claim.");
  }
}
