package org.cpor.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every call a user could try, for every demo user and for nobody, against the running server: a regression in
 * any cell fails the build.
 */
class AuthorizationMatrixTest extends IntegrationTest {

  private static final List<String> USERS = List.of("anonymous", "admin", "validator", "validation-lead", "auditor",
      "fabrikam-admin", "fabrikam-user", "northwind-admin");

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private String claimId;
  private String validationTask;
  private String informationClaimId;
  private String informationTask;

  @BeforeEach
  void aClaimUnderReviewAndOneWaitingForThePartner() throws Exception {
    claimId = submit(Map.of());
    validationTask = task(claimId, "Task_ValidateClaim").getId();
    informationClaimId = submit(Map.of("workloads", List.of(Map.of("code", "INTUNE"))));
    validate(informationClaimId, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the PoE?");
    informationTask = task(informationClaimId, "Task_ProvideInformation").getId();
  }

  private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (!"anonymous".equals(user)) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private int count(String user, String path) throws Exception {
    HttpResponse<String> response = call(user, "GET", path, null);
    assertThat(response.statusCode()).as(user + " GET " + path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("count").asInt();
  }

  /** Expected answer per user, in the order of USERS. */
  private void row(List<String> failures, String method, String path, String body, int... expected) throws Exception {
    for (int i = 0; i < USERS.size(); i++) {
      int status = call(USERS.get(i), method, path, body).statusCode();
      if (status != expected[i]) {
        failures.add(method + " " + path + " as " + USERS.get(i) + ": expected " + expected[i] + " but was " + status);
      }
    }
  }

  @Test
  void theApiAnswersEachRoleAsItShould() throws Exception {
    List<String> failures = new ArrayList<>();
    //                                                        anon admin vali lead audi fadm fusr nadm
    row(failures, "GET", "/api/claims", null,                  401, 200, 200, 200, 200, 200, 200, 200);
    row(failures, "GET", "/api/claims/" + claimId, null,       401, 200, 200, 200, 200, 200, 200, 404);
    row(failures, "GET", "/api/claims/" + claimId + "/timeline", null, 401, 200, 200, 200, 200, 200, 200, 404);
    row(failures, "POST", "/api/claims", "{}",                 401, 403, 403, 403, 403, 400, 403, 400);
    row(failures, "POST", "/api/claims/" + claimId + "/withdrawal", "{}", 401, 403, 403, 403, 403, 200, 403, 404);
    row(failures, "POST", "/api/claims/" + claimId + "/dispute", "{}", 401, 403, 403, 403, 403, 400, 403, 404);
    row(failures, "POST", "/api/claims/" + claimId + "/information", "{\"comment\":\"x\"}", 401, 403, 403, 403, 403, 409, 403, 404);
    row(failures, "GET", "/api/associations", null,            401, 200, 200, 200, 200, 200, 200, 200);
    row(failures, "POST", "/api/associations/unknown/disassociation", "{\"reason\":\"x\"}", 401, 404, 404, 404, 404, 404, 404, 404);
    row(failures, "GET", "/api/calendar", null,                401, 200, 200, 200, 200, 200, 200, 200);
    row(failures, "GET", "/api/calendar/holidays?year=2026", null, 401, 200, 200, 200, 200, 200, 200, 200);
    row(failures, "PUT", "/api/calendar/holidays/2027-08-02", "{\"name\":\"x\"}", 401, 200, 403, 403, 403, 403, 403, 403);
    row(failures, "DELETE", "/api/calendar/holidays/2027-08-02", null, 401, 204, 403, 403, 403, 403, 403, 403);
    row(failures, "GET", "/api/calendar/adjustments", null,    401, 200, 403, 403, 403, 403, 403, 403);
    row(failures, "GET", "/api/poe/unknown", null,             401, 404, 404, 404, 404, 404, 404, 404);
    row(failures, "GET", "/api/audit/claims.csv", null,      401, 200, 403, 403, 200, 403, 403, 403);
    row(failures, "GET", "/actuator/health", null,             200, 200, 200, 200, 200, 200, 200, 200);
    row(failures, "GET", "/actuator/metrics", null,            401, 200, 403, 403, 403, 403, 403, 403);
    assertThat(failures).isEmpty();
  }

  @Test
  void engineRest_showsEachUserOnlyTheirTasks() throws Exception {
    String validation = "/engine-rest/task/count?taskDefinitionKey=Task_ValidateClaim";
    String information = "/engine-rest/task/count?taskDefinitionKey=Task_ProvideInformation";
    assertSoftly(soft -> {
      try {
        soft.assertThat(call("anonymous", "GET", validation, null).statusCode()).isEqualTo(401);
        soft.assertThat(count("admin", validation)).isEqualTo(1);
        soft.assertThat(count("validator", validation)).isEqualTo(1);
        soft.assertThat(count("validation-lead", validation)).isEqualTo(1);
        soft.assertThat(count("auditor", validation)).isZero();
        soft.assertThat(count("fabrikam-admin", validation)).isZero();
        soft.assertThat(count("northwind-admin", validation)).isZero();
        soft.assertThat(count("fabrikam-admin", information)).isEqualTo(1);
        soft.assertThat(count("fabrikam-user", information)).isZero();
        soft.assertThat(count("northwind-admin", information)).isZero();
        soft.assertThat(count("validator", information)).isZero();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  @Test
  void engineRest_instancesAreReadByStaffOnly() throws Exception {
    String instances = "/engine-rest/process-instance/count?processDefinitionKey=AssociationClaimProcess";
    String history = "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + claimId;
    assertThat(count("auditor", instances)).isEqualTo(2);
    assertThat(count("validator", instances)).isEqualTo(2);
    assertThat(count("auditor", history)).isEqualTo(1);
    assertThat(count("fabrikam-admin", instances)).isZero();
    assertThat(count("northwind-admin", instances)).isZero();
    assertThat(count("fabrikam-user", history)).isZero();
  }

  @Test
  void engineRest_auditorsChangeNothing_partnersStartNothing_validatorsDoNotReassign() throws Exception {
    String instance = instance(claimId).getId();
    List<String> failures = new ArrayList<>();
    expect(failures, "auditor", "POST", "/engine-rest/task/" + validationTask + "/complete",
        "{\"variables\":{\"validationOutcome\":{\"value\":\"APPROVED\"}}}", 403, 404);
    expect(failures, "auditor", "PUT", "/engine-rest/process-instance/" + instance + "/variables/claimId",
        "{\"value\":\"other\",\"type\":\"String\"}", 403);
    expect(failures, "auditor", "DELETE", "/engine-rest/process-instance/" + instance, null, 403);
    expect(failures, "auditor", "PUT", "/engine-rest/process-instance/" + instance + "/suspended", "{\"suspended\":true}", 403);
    expect(failures, "validator", "PUT", "/engine-rest/process-instance/" + instance + "/suspended", "{\"suspended\":true}", 403);
    String slaTimer = timer(claimId, "BoundaryEvent_ReviewSlaBreached").getId();
    expect(failures, "auditor", "PUT", "/engine-rest/job/" + slaTimer + "/retries", "{\"retries\":5}", 403);
    expect(failures, "auditor", "POST", "/engine-rest/task/" + validationTask + "/claim", "{\"userId\":\"auditor\"}", 403, 404);
    expect(failures, "fabrikam-admin", "POST", "/engine-rest/process-definition/key/AssociationClaimProcess/start", "{}", 403);
    expect(failures, "validator", "POST", "/engine-rest/process-definition/key/AssociationClaimProcess/start", "{}", 403);
    expect(failures, "northwind-admin", "POST", "/engine-rest/task/" + informationTask + "/complete", "{}", 403, 404);
    expect(failures, "fabrikam-user", "POST", "/engine-rest/task/" + informationTask + "/complete", "{}", 403, 404);
    expect(failures, "validator", "POST", "/engine-rest/task/" + validationTask + "/assignee", "{\"userId\":\"auditor\"}", 403);
    expect(failures, "validation-lead", "POST", "/engine-rest/task/" + validationTask + "/assignee", "{\"userId\":\"validator\"}", 204);
    assertThat(failures).isEmpty();
    assertThat(instance(claimId)).isNotNull();
    assertThat(task(claimId, "Task_ValidateClaim").getAssignee()).isEqualTo("validator");
  }

  /** The filters' own names (their card variables have names too). */
  private java.util.List<String> filterNames(String body) throws Exception {
    java.util.List<String> names = new java.util.ArrayList<>();
    json.readTree(body).forEach(filter -> names.add(filter.path("name").asText()));
    return names;
  }

  @Test
  void oneSignIn_isEnoughForTheWebappsAndThePoeLinks() throws Exception {
    HttpClient validator = signedIn(port, "validator");
    HttpResponse<String> filters = validator.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/filter?resourceType=Task")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filterNames(filters.body())).containsExactlyInAnyOrder("Claims to validate", "Overdue reviews");
    String poe = claims.get(claimId).id();
    String poeId = jdbc.sql("select id from poe_files where claim_id = ?").param(poe).query(String.class).single();
    assertThat(validator.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/poe/" + poeId)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

    HttpResponse<String> northwind = signedIn(port, "northwind-admin").send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/filter?resourceType=Task")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(filterNames(northwind.body())).containsExactly("My organisation's requests (Northwind)");
  }

  @Test
  void theWebappsOwnLoginWorksToo() throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.ofString());
    String xsrf = ((java.net.CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=validator&password=validator")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    HttpResponse<String> filters = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/api/engine/engine/default/filter?resourceType=Task")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filterNames(filters.body())).contains("Claims to validate");
  }

  private void expect(List<String> failures, String user, String method, String path, String body, int... allowed) throws Exception {
    HttpResponse<String> response = call(user, method, path, body);
    if (java.util.Arrays.stream(allowed).noneMatch(s -> s == response.statusCode())) {
      failures.add(method + " " + path + " as " + user + ": " + response.statusCode() + " " + response.body());
    }
  }
}
