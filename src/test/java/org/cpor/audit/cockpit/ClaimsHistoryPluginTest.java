package org.cpor.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Cockpit plugin's REST resources, through the webapp as a signed-in auditor would call them. */
class ClaimsHistoryPluginTest extends IntegrationTest {

  @LocalServerPort int port;

  private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/cockpit/plugin/claims-history/default/claims" + path)).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void auditorsFindFinishedClaimsAndReadTheirWholeHistory() throws Exception {
    String rejected = submit(Map.of());
    validate(rejected, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    String open = submit(Map.of("workloads", java.util.List.of(Map.of("code", "INTUNE"))));
    HttpClient auditor = signedIn(port, "auditor");

    JsonNode all = json.readTree(get(auditor, "").body());
    assertThat(all.get("total").asInt()).isEqualTo(2);
    JsonNode found = json.readTree(get(auditor, "?outcome=REJECTED&partnerId=4567890&from=2026-12-02&to=2026-12-02").body());
    assertThat(found.get("items").findValuesAsText("id")).containsExactly(rejected);
    assertThat(json.readTree(get(auditor, "?claimId=" + open).body()).get("total").asInt()).isEqualTo(1);
    assertThat(json.readTree(get(auditor, "?from=2026-12-03").body()).get("total").asInt()).isZero();

    JsonNode history = json.readTree(get(auditor, "/" + rejected).body());
    assertThat(history.get("claim").get("status").asText()).isEqualTo("REJECTED");
    assertThat(history.get("decisions").get(0).get("decided_by").asText()).isEqualTo("validator");
    assertThat(history.get("timeline").findValuesAsText("type")).contains("SUBMITTED", "DECIDED", "REJECTED");
    assertThat(history.get("notifications").findValuesAsText("kind")).contains("CLAIM_RECEIVED", "CLAIM_REJECTED");
    JsonNode instance = history.get("instances").get(0);
    assertThat(instance.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(instance.get("activities").findValuesAsText("activityId")).contains("Task_ValidateClaim", "EndEvent_ClaimRejected");
    assertThat(instance.get("variables").findValuesAsText("name")).contains("claimId", "validationOutcome");
    assertThat(instance.get("operations").findValuesAsText("userId")).contains("validator");

    JsonNode statistics = json.readTree(get(auditor, "/statistics").body());
    assertThat(statistics.get("outcomes").findValuesAsText("status")).contains("REJECTED", "UNDER_REVIEW");
    assertThat(statistics.get("submissionToDecision").get("claims").asInt()).isEqualTo(1);
  }

  @Test
  void badParametersAreRefusedByNameWithoutInternals() throws Exception {
    submit(Map.of());
    HttpClient auditor = signedIn(port, "auditor");
    Map<String, String> refused = new java.util.LinkedHashMap<>();
    refused.put("?from=not-a-date", "from");
    refused.put("?to=2026-13-45", "to");
    refused.put("?from=2026-02-30", "from");
    refused.put("?from=%2B999999999-12-31", "from");
    refused.put("?from=2026-12-03&to=2026-12-01", "from");
    refused.put("?page=2147483647&size=200", "page");
    refused.put("?page=10737419&size=200", "page");
    refused.put("?page=-1", "page");
    refused.put("?page=abc", "page");
    refused.put("?page=99999999999999999999", "page");
    refused.put("?size=-5", "size");
    refused.put("?size=0", "size");
    refused.put("?size=201", "size");
    refused.put("?size=1e3", "size");
    refused.put("?claimId=" + "x".repeat(5000), "claimId");
    refused.put("?claimId=%27%20or%201%3D1--", "claimId");
    refused.put("?partnerId=12ab", "partnerId");
    refused.put("?tenantId=contoso", "tenantId");
    refused.put("?outcome=MAYBE", "outcome");
    refused.put("/" + "x".repeat(300), "claimId");
    refused.put("/%27%20or%201%3D1--", "claimId");
    for (Map.Entry<String, String> request : refused.entrySet()) {
      HttpResponse<String> response = get(auditor, request.getKey());
      String said = request.getKey() + " answered " + response.body();
      assertThat(response.statusCode()).as(said).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).as(said).hasValue("application/problem+json");
      JsonNode problem = json.readTree(response.body());
      assertThat(problem.get("status").asInt()).isEqualTo(400);
      assertThat(problem.get("errors").findValuesAsText("field")).as(said).contains(request.getValue());
      assertThat(response.body()).doesNotContainIgnoringCase("select ").doesNotContain("SQL", "Exception", "at org.", "org.h2");
    }
    assertThat(json.readTree(get(auditor, "?page=10737417&size=200").body()).get("items")).isEmpty();
    assertThat(json.readTree(get(auditor, "?outcome=under_review&size=200").body()).get("total").asInt()).isEqualTo(1);
  }

  @Test
  void anUnknownClaimIsNotFound() throws Exception {
    HttpResponse<String> response = get(signedIn(port, "auditor"), "/" + java.util.UUID.randomUUID());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json.readTree(response.body()).get("type").asText()).isEqualTo("urn:cpor:problem:not-found");
  }

  @Test
  void othersCannotReadIt() throws Exception {
    submit(Map.of());
    assertThat(get(signedIn(port, "validator"), "").statusCode()).isEqualTo(403);
    assertThat(get(signedIn(port, "fabrikam-admin"), "").statusCode()).isEqualTo(403);
    assertThat(get(HttpClient.newHttpClient(), "").statusCode()).isEqualTo(401);
  }

  @Test
  void thePluginIsServedToCockpit() throws Exception {
    HttpResponse<String> script = signedIn(port, "auditor").send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/cockpit/plugin/claims-history/static/app/plugin.js")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("cockpit.route", "cockpit.navigation", "cockpit.processDefinition.runtime.tab");
  }
}
