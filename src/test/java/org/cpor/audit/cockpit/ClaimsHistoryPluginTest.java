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
