package org.cpor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HTTP Basic on {@code /api} and {@code /engine-rest}, on the running server: what a call costs the identity service,
 * and that a remembered sign-in never outlives the password, the user or the groups it was made with.
 */
class SignInTest extends IntegrationTest {

  private static final String TESTER = "sign-in-tester";
  private static final String FIRST_PASSWORD = "first-password";
  private static final String ENGINE_TASKS = "/engine-rest/task?maxResults=1";
  private static final String API_CLAIMS = "/api/claims?size=1";

  @LocalServerPort int port;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired AuthorizationService authorizations;

  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void aValidatorWithAPassword() {
    User user = identity.newUser(TESTER);
    user.setPassword(FIRST_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(TESTER, Groups.VALIDATORS);
  }

  @AfterEach
  void withoutTheValidator() {
    identity.deleteUser(TESTER);
    // also what a user deleted behind the engine's back leaves
    authorizations.createAuthorizationQuery().userIdIn(TESTER).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
  }

  /** The first calls of a fresh server take their time; the cache time counts from before the check. */
  private void warmUp() throws Exception {
    get(ENGINE_TASKS, "validation-lead", "validation-lead");
    get(API_CLAIMS, "validation-lead", "validation-lead");
  }

  @Test
  void engineRestCall_checksThePasswordOnce_andARepeatWithinTheCacheTimeNotAtAll() throws Exception {
    warmUp();
    try (EngineCommands commands = EngineCommands.count(engine, identity)) {
      assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(200);
      assertThat(commands.passwordChecks()).as("%s", commands).isEqualTo(1);
      commands.reset();

      assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(200);
      assertThat(commands.passwordChecks()).as("%s", commands).isZero();
      assertThat(commands.membershipQueries()).as("%s", commands).isZero();
    }
  }

  @Test
  void apiCall_checksThePasswordOnce_andARepeatWithinTheCacheTimeNotAtAll() throws Exception {
    warmUp();
    try (EngineCommands commands = EngineCommands.count(engine, identity)) {
      assertThat(get(API_CLAIMS, "fabrikam-admin", "fabrikam-admin")).isEqualTo(200);
      assertThat(commands.passwordChecks()).as("%s", commands).isLessThanOrEqualTo(1);
      commands.reset();

      assertThat(get(API_CLAIMS, "fabrikam-admin", "fabrikam-admin")).isEqualTo(200);
      assertThat(commands.passwordChecks()).as("%s", commands).isZero();
      assertThat(commands.membershipQueries()).as("%s", commands).isZero();
    }
  }

  @Test
  void passwordChangedByAnAdministrator_oldPasswordIsRefusedAtOnce_newOneWorks() throws Exception {
    assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(200);
    assertThat(get(API_CLAIMS, TESTER, FIRST_PASSWORD)).isEqualTo(200);

    // what Camunda Admin sends
    assertThat(send("PUT", "/engine-rest/user/" + TESTER + "/credentials", "admin", "admin",
        "{\"password\":\"second-password\",\"authenticatedUserPassword\":\"admin\"}")).isEqualTo(204);

    assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(401);
    assertThat(get(API_CLAIMS, TESTER, FIRST_PASSWORD)).isEqualTo(401);
    identity.unlockUser(TESTER); // Camunda delays the next sign-in after a wrong password
    assertThat(get(ENGINE_TASKS, TESTER, "second-password")).isEqualTo(200);
    assertThat(get(API_CLAIMS, TESTER, "second-password")).isEqualTo(200);
  }

  @Test
  void userDeletedByAnAdministrator_isRefusedAtOnce() throws Exception {
    assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(200);
    assertThat(get(API_CLAIMS, TESTER, FIRST_PASSWORD)).isEqualTo(200);

    assertThat(send("DELETE", "/engine-rest/user/" + TESTER, "admin", "admin", null)).isEqualTo(204);

    assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(401);
    assertThat(get(API_CLAIMS, TESTER, FIRST_PASSWORD)).isEqualTo(401);
  }

  @Test
  void groupLeftMeanwhile_engineRunsTheNextCallWithoutIt() throws Exception {
    String tasklistAccess = "/engine-rest/authorization/check?permissionName=ACCESS&resourceName=application&resourceType=0"
        + "&resourceId=tasklist";
    assertThat(body(tasklistAccess, TESTER, FIRST_PASSWORD)).contains("\"authorized\":true");

    identity.deleteMembership(TESTER, Groups.VALIDATORS);

    assertThat(body(tasklistAccess, TESTER, FIRST_PASSWORD)).contains("\"authorized\":false");
  }

  @Test
  void wrongPassword_isNeverRemembered_evenRightAfterTheRightOne() throws Exception {
    try (EngineCommands commands = EngineCommands.count(engine, identity)) {
      assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(200);
      assertThat(get(API_CLAIMS, TESTER, FIRST_PASSWORD)).isEqualTo(200);
      commands.reset();

      for (int attempt = 0; attempt < 2; attempt++) {
        assertThat(get(ENGINE_TASKS, TESTER, "wrong")).isEqualTo(401);
        assertThat(get(API_CLAIMS, TESTER, "wrong")).isEqualTo(401);
      }
      assertThat(commands.passwordChecks()).as("every wrong password is checked: %s", commands).isEqualTo(4);
    }
    // the refused passwords delay the next sign-in, Camunda's brake on guessing: the right password waits too
    assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(401);
    assertThat(get(API_CLAIMS, TESTER, FIRST_PASSWORD)).isEqualTo(401);
  }

  @Test
  void userLockedOnAnotherNode_isRefusedHereWithinTheCacheTime() throws Exception {
    assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(200);
    assertThat(get(API_CLAIMS, TESTER, FIRST_PASSWORD)).isEqualTo(200);

    // what the other node's engine writes after too many wrong passwords
    jdbc.sql("update ACT_ID_USER set ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? where ID_ = ?")
        .params(java.sql.Timestamp.from(NOW.plusSeconds(3600)), TESTER).update();

    assertRefusedWithinTheCacheTime();
  }

  @Test
  void userDeletedOnAnotherNode_isRefusedHereWithinTheCacheTime() throws Exception {
    assertThat(get(ENGINE_TASKS, TESTER, FIRST_PASSWORD)).isEqualTo(200);
    assertThat(get(API_CLAIMS, TESTER, FIRST_PASSWORD)).isEqualTo(200);

    // the other node's engine removes the rows; this node's engine hears nothing of it
    jdbc.sql("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ?").param(TESTER).update();
    jdbc.sql("delete from ACT_ID_USER where ID_ = ?").param(TESTER).update();

    assertRefusedWithinTheCacheTime();
  }

  private void assertRefusedWithinTheCacheTime() throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3 + 2); // the suite's cache time, and some patience
    int engineRest;
    int api;
    do {
      Thread.sleep(200);
      engineRest = get(ENGINE_TASKS, TESTER, FIRST_PASSWORD);
      api = get(API_CLAIMS, TESTER, FIRST_PASSWORD);
    } while ((engineRest != 401 || api != 401) && System.nanoTime() < until);
    assertThat(engineRest).isEqualTo(401);
    assertThat(api).isEqualTo(401);
  }

  private int get(String path, String user, String password) throws Exception {
    return send("GET", path, user, password, null);
  }

  private String body(String path, String user, String password) throws Exception {
    return client.send(request("GET", path, user, password, null), HttpResponse.BodyHandlers.ofString()).body();
  }

  private int send(String method, String path, String user, String password, String json) throws Exception {
    return client.send(request(method, path, user, password, json), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private HttpRequest request(String method, String path, String user, String password, String json) {
    String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build();
  }
}
