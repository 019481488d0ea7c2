package org.cpor.audit.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

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
    assertThat(all.get("totalCapped").asBoolean()).isFalse();
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

  /** An ISO-8601 instant in UTC, the one format the history answers times in. */
  private static final java.util.regex.Pattern INSTANT = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

  @Test
  void everyTimeIsAnInstantInUtc_andThePoeLinksAreTheClaimsFiles() throws Exception {
    String claimId = submit(Map.of());
    setTime(NOW.plus(java.time.Duration.ofHours(2)));
    validate(claimId, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    String body = get(signedIn(port, "auditor"), "/" + claimId).body();

    // neither the engine's Date format (…+0000) nor Date.toString() (Mon Dec 07 00:00:00 UTC 2026) anywhere
    assertThat(body).doesNotContain("+0000").doesNotContainPattern("[A-Z][a-z]{2} [A-Z][a-z]{2} \\d{2} \\d{2}:\\d{2}:\\d{2} ");
    JsonNode history = json.readTree(body);
    assertThat(history.get("claim").get("submitted_at").asText()).isEqualTo("2026-12-02T14:30:00Z");
    assertThat(history.get("decisions").get(0).get("decided_at").asText()).isEqualTo("2026-12-02T16:30:00Z");
    assertThat(history.get("claim").get("organisation_name").asText()).isEqualTo("Fabrikam");
    JsonNode instance = history.get("instances").get(0);
    assertThat(instance.get("startTime").asText()).isEqualTo("2026-12-02T14:30:00Z");
    assertThat(instance.get("endTime").asText()).isEqualTo("2026-12-02T16:30:00Z");
    instance.get("activities").forEach(a -> assertThat(a.get("startTime").asText()).matches(INSTANT));
    instance.get("operations").forEach(o -> assertThat(o.get("timestamp").asText()).matches(INSTANT));
    instance.get("variables").forEach(v -> assertThat(v.get("time").asText()).matches(INSTANT));
    JsonNode reviewDue = variable(instance, "reviewDueAt");
    assertThat(reviewDue.get("type").asText()).isEqualTo("date");
    assertThat(reviewDue.get("value").asText()).isEqualTo(history.get("claim").get("review_due_at").asText()).matches(INSTANT);

    // the validation form's Markdown is not answered; the claim's files are, to link to /api/poe/{id}
    JsonNode poeLinks = variable(instance, "poeLinks");
    assertThat(poeLinks.get("type").asText()).isEqualTo("poe-files");
    assertThat(poeLinks.get("value").isNull()).isTrue();
    assertThat(body).doesNotContain("](http", "/api/poe/");
    JsonNode file = history.get("poeFiles").get(0);
    assertThat(file.get("file_name").asText()).isEqualTo("signed-poe.pdf");
    assertThat(file.get("uploaded_at").asText()).matches(INSTANT);
    assertThat(jdbc.sql("select claim_id from poe_files where id = ?").param(file.get("id").asText()).query(String.class).single())
        .isEqualTo(claimId);
  }

  private static JsonNode variable(JsonNode instance, String name) {
    for (JsonNode variable : instance.get("variables")) {
      if (variable.get("name").asText().equals(name)) {
        return variable;
      }
    }
    throw new AssertionError("no variable " + name);
  }

  @Test
  void claimsSortByTheColumnAsked_withTheOrganisationsName() throws Exception {
    String first = submit(Map.of("name", "Alpha rollout"));
    setTime(NOW.plus(java.time.Duration.ofHours(1)));
    String second = submit(Map.of("name", "beta rollout", "workloads", java.util.List.of(Map.of("code", "INTUNE"))));
    setTime(NOW.plus(java.time.Duration.ofHours(2)));
    String third = submit(Map.of("name", "Gamma rollout", "workloads", java.util.List.of(Map.of("code", "ONEDRIVE"))));
    setTime(NOW.plus(java.time.Duration.ofHours(3)));
    validate(second, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    setTime(NOW.plus(java.time.Duration.ofHours(4)));
    validate(first, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    HttpClient auditor = signedIn(port, "auditor");

    JsonNode newest = json.readTree(get(auditor, "").body());
    assertThat(newest.get("items").findValuesAsText("id")).containsExactly(third, second, first);
    assertThat(newest.get("items").findValuesAsText("organisation_name")).containsOnly("Fabrikam");
    assertThat(newest.get("outcomes")).hasSize(org.cpor.claim.ClaimStatus.values().length);
    assertThat(newest.get("outcomes").toString()).contains("\"UNDER_REVIEW\"", "\"REJECTED\"", "\"OFFICIAL\"");
    assertThat(ids(auditor, "?sort=submitted&direction=asc")).containsExactly(first, second, third);
    assertThat(ids(auditor, "?sort=decided&direction=desc")).as("undecided last").containsExactly(first, second, third);
    assertThat(ids(auditor, "?sort=decided&direction=asc")).containsExactly(second, first, third);
    assertThat(ids(auditor, "?sort=name&direction=asc")).as("names ignore case").containsExactly(first, second, third);
    assertThat(ids(auditor, "?sort=status&direction=asc")).containsExactlyInAnyOrder(first, second, third).endsWith(third);
    assertThat(ids(auditor, "?sort=STATUS&direction=DESC&size=1&page=0")).containsExactly(third);
    assertThat(ids(auditor, "?sort=submitted&direction=asc&size=2&page=1")).containsExactly(third);
    JsonNode decided = json.readTree(get(auditor, "?sort=decided&direction=asc").body()).get("items").get(0);
    assertThat(decided.get("decided_at").asText()).isEqualTo("2026-12-02T17:30:00Z");
  }

  private java.util.List<String> ids(HttpClient auditor, String query) throws Exception {
    HttpResponse<String> response = get(auditor, query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("items").findValuesAsText("id");
  }

  @Test
  void theChartsFigures_perWeekAndLeadTimeClass() throws Exception {
    String rejected = submit(Map.of());
    setTime(NOW.plus(java.time.Duration.ofMinutes(312)));
    validate(rejected, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    String official = submit(Map.of("workloads", java.util.List.of(Map.of("code", "INTUNE"))));
    validate(official, "APPROVED", null, null);
    management.executeJob(job(official).getId());
    runWhenDue(timer(official, "BoundaryEvent_OptOutWindowElapsed"));
    assertThat(statusOf(official)).isEqualTo("OFFICIAL");
    String overdue = submit(Map.of("workloads", java.util.List.of(Map.of("code", "ONEDRIVE"))));
    runWhenDue(timer(overdue, "BoundaryEvent_ReviewSlaBreached"));
    String beforePeriod = submit(Map.of("workloads", java.util.List.of(Map.of("code", "TEAMS_PHONE"))));
    jdbc.sql("update claims set submitted_at = ? where id = ?")
        .params(java.time.OffsetDateTime.parse("2026-01-05T10:00:00Z"), beforePeriod).update();

    JsonNode figures = json.readTree(get(signedIn(port, "auditor"), "/statistics").body());
    // the clock is now when the overdue review was alerted: 26 weeks up to and with that week
    assertThat(figures.get("weeks")).hasSize(26);
    assertThat(figures.get("weeks").get(25).asText()).isEqualTo("2026-12-14");
    assertThat(figures.get("weeks").get(23).asText()).isEqualTo("2026-11-30");
    assertThat(figures.get("from").asText()).isEqualTo("2026-06-22T00:00:00Z");
    assertThat(series(figures, "REJECTED")).isEqualTo(weekly(23, 1));
    assertThat(series(figures, "OFFICIAL")).isEqualTo(weekly(23, 1));
    assertThat(series(figures, "UNDER_REVIEW")).as("submitted when the other claim became official, the week after")
        .isEqualTo(weekly(24, 1));
    assertThat(series(figures, "SUBMITTED")).containsOnly(0L);
    assertThat(longs(figures.get("slaBreachesByWeek"))).isEqualTo(weekly(25, 1));

    assertThat(longs(figures.get("leadTimeBoundsSeconds"))).containsExactly(3600L, 14400L, 86400L, 172800L, 432000L, 864000L, 2592000L);
    JsonNode toDecision = figures.get("submissionToDecision");
    assertThat(toDecision.get("claims").asInt()).isEqualTo(2);
    assertThat(longs(toDecision.get("distribution"))).as("5.2 h and 0 s").containsExactly(1L, 0L, 1L, 0L, 0L, 0L, 0L, 0L);
    assertThat(toDecision.get("p90Seconds").asLong()).isEqualTo(312 * 60);
    JsonNode toOfficial = figures.get("submissionToOfficial");
    assertThat(toOfficial.get("claims").asInt()).isEqualTo(1);
    assertThat(longs(toOfficial.get("distribution"))).as("five business days and a weekend").containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L);
    assertThat(figures.get("outcomes").findValuesAsText("status")).as("the claim submitted in January is outside the period")
        .containsExactly("OFFICIAL", "REJECTED", "UNDER_REVIEW");
    assertThat(figures.get("outcomes").findValuesAsText("claims")).containsOnly("1");
  }

  private static java.util.List<Long> series(JsonNode figures, String status) {
    for (JsonNode series : figures.get("outcomesByWeek")) {
      if (series.get("status").asText().equals(status)) {
        return longs(series.get("claims"));
      }
    }
    throw new AssertionError("no series " + status);
  }

  private static java.util.List<Long> longs(JsonNode array) {
    java.util.List<Long> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asLong()));
    return values;
  }

  private static java.util.List<Long> weekly(int week, long claims) {
    java.util.List<Long> values = new java.util.ArrayList<>(java.util.Collections.nCopies(26, 0L));
    values.set(week, claims);
    return values;
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
    refused.put("?sort=c.id", "sort");
    refused.put("?sort=submitted_at%20desc%3B%20drop%20table%20claims", "sort");
    refused.put("?direction=sideways", "direction");
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

  @Autowired JdbcTemplate jdbcTemplate;

  @Test
  void aSearchCountsUpTo10000Claims_andPagesOnBeyondThem() throws Exception {
    int stored = ClaimsHistoryResource.COUNTED_AT_MOST + 1;
    Timestamp at = Timestamp.from(Instant.parse("2026-11-02T10:00:00Z"));
    jdbcTemplate.batchUpdate("""
        insert into claims (id, name, partner_id, organisation_id, program, customer_tenant_id, customer_domain,
          customer_contact_name, customer_contact_title, customer_contact_email, customer_contact_language,
          partner_contact_name, partner_contact_email, incentive_opt_out, status, submitted_at, submitted_by)
        values (?, ?, '4567890', 'fabrikam', 'OSU_M365', ?, 'contoso.com', 'Ada', 'CIO', 'ada@contoso.com', 'en',
          'Grace', 'grace@fabrikam.example', false, 'OFFICIAL', ?, 'fabrikam-admin')""",
        IntStream.range(0, stored).mapToObj(i -> new Object[] {
            String.format("00000000-0000-0000-0000-%012d", i), "Claim " + i, CONTOSO, at}).toList());
    HttpClient auditor = signedIn(port, "auditor");

    JsonNode many = json.readTree(get(auditor, "?outcome=OFFICIAL&size=200").body());
    assertThat(many.get("total").asInt()).isEqualTo(10_000);
    assertThat(many.get("totalCapped").asBoolean()).isTrue();
    JsonNode beyond = json.readTree(get(auditor, "?outcome=OFFICIAL&size=200&page=50").body());
    assertThat(beyond.get("items").findValuesAsText("id")).containsExactly("00000000-0000-0000-0000-000000010000");
    JsonNode one = json.readTree(get(auditor, "?claimId=00000000-0000-0000-0000-000000000007").body());
    assertThat(one.get("total").asInt()).isEqualTo(1);
    assertThat(one.get("totalCapped").asBoolean()).isFalse();
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
    HttpResponse<String> charts = signedIn(port, "auditor").send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/cockpit/plugin/claims-history/static/" + ClaimsHistoryRootResource.CHART_LIBRARY)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(charts.statusCode()).as("the charting library comes with the plugin").isEqualTo(200);
    assertThat(charts.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(charts.body()).contains("Chart.js v4", "Released under the MIT License");
  }
}
