package org.cpor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every writing endpoint of {@code /engine-rest}, for every demo user and for nobody, against the running server.
 * Each cell asserts the answer and, when the call is refused, that nothing changed: the whole state (claim store,
 * runtime, tasks with their links, comments and attachments, variables, jobs, definitions, deployments, users,
 * groups, memberships, authorisations, filters, history, e-mails) is read through the Java API and JDBC before and
 * after the call. A cell that may write runs on the shared fixture and the fixture is rebuilt after it; so is it
 * after any cell that changed something it should not have.
 *
 * <p>Expected answers per user, in the order of {@link #USERS}: a status, several separated by {@code |}, or
 * {@code H}: 403, or 404 where the resource is hidden from that user (a task, historic task, user, group, filter,
 * authorisation, deployment or definition they may not read): the REST API looks it up first and answers 404 when
 * it finds nothing. A refusal with 400 must name the refused field.
 */
class EngineRestWriteMatrixTest extends IntegrationTest {

  private static final List<String> USERS = List.of("anonymous", "admin", "validator", "validation-lead", "auditor",
      "fabrikam-admin", "fabrikam-user", "northwind-admin");

  private static final String VICTIM_USER = "matrix-victim";
  private static final String VICTIM_GROUP = "matrix-victims";
  private static final String CUSTOMER = "ada@contoso.com";
  private static final String LATER = "2030-01-01T00:00:00.000+0000";

  private static final String VICTIM_PROCESS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="Definitions_%1$s" targetNamespace="http://cpor.org/test">
        <bpmn:process id="%1$s" name="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="StartEvent_Started" name="Started" />
          <bpmn:sequenceFlow id="SequenceFlow_Done" sourceRef="StartEvent_Started" targetRef="EndEvent_Done" />
          <bpmn:endEvent id="EndEvent_Done" name="Done" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  @LocalServerPort int port;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired RepositoryService repository;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> failures = new ArrayList<>();
  private Baseline baseline;
  /** The shared fixture: its IDs by the names the rows use as {@code ${name}}, each part built when first used. */
  private Fixture fx;
  /** The state as read after the last cell, while nothing else has changed it since. */
  private Map<String, String> lastWorld;

  @BeforeEach
  void aFixtureOfClaimsTasksAndIdentities() {
    baseline = Baseline.of(this);
    fx = new Fixture();
  }

  /** The other test classes share this database: users, groups, authorisations and filters are left as found. */
  @AfterEach
  void backToTheBaseline() {
    restoreBaseline();
    assertThat(Baseline.of(this)).isEqualTo(baseline);
  }

  // --- the matrix ---------------------------------------------------------------------------------------------

  @Test
  void tasks_completeClaimAssignDelegateResolve() throws Exception {
    // anonymous is refused first; an admin may do what the engine allows; the task's form fields only, and only
    // the task's candidates (validators; the claim's organisation's admins) may complete it
    String approveWithClaimId = variables(Map.of("validationOutcome", "APPROVED", "claimId", "${informationClaim}"));
    String approveWithOrganisation = variables(Map.of("validationOutcome", "APPROVED", "organisationId", "northwind"));
    String approveWithReviewDue = variables(Map.of("validationOutcome", "APPROVED", "reviewDueAt", typed(LATER, "Date")));
    String requestInformation = variables(Map.of("validationOutcome", "INFORMATION_REQUESTED", "validationReasons", "MISSING_POE",
        "validationComment", "Which PoE covers Teams?"));
    String answerWithClaimId = variables(Map.of("answerComment", "Attached again", "claimId", "${claim}"));
    String answer = variables(Map.of("answerComment", "Attached again"));
    //                                                                                       anon admin vali lead audi fadm fusr nadm
    // an administrator is no validator: only members of validators decide, only the organisation's admins answer
    on("POST", "/task/${validationTask}/complete").json(approveWithClaimId).naming("claimId").expect(
                                                                                              "401 403 400 400 H H H H");
    on("POST", "/engine-rest/engine/default/task/${validationTask}/complete").json(approveWithClaimId).naming("claimId").expect(
                                                                                              "401 403 400 400 H H H H");
    on("POST", "/task/${validationTask}/complete").json(approveWithOrganisation).naming("organisationId").expect(
                                                                                              "401 403 400 400 H H H H");
    on("POST", "/task/${validationTask}/complete").json(approveWithReviewDue).naming("reviewDueAt").expect(
                                                                                              "401 403 400 400 H H H H");
    on("POST", "/task/${validationTask}/submit-form").json(approveWithClaimId).naming("claimId").expect(
                                                                                              "401 403 400 400 H H H H");
    on("POST", "/task/${validationTask}/complete").json(requestInformation).expect(          "401 403 204 204 H H H H");
    on("POST", "/task/${validationTask}/submit-form").json(requestInformation).expect(       "401 403 204 204 H H H H");
    on("POST", "/task/${informationTask}/complete").json(answerWithClaimId).naming("claimId").expect(
                                                                                              "401 403 H H H 400 H H");
    on("POST", "/task/${informationTask}/submit-form").json(answerWithClaimId).naming("claimId").expect(
                                                                                              "401 403 H H H 400 H H");
    on("POST", "/task/${informationTask}/complete").json(answer).expect(                     "401 403 H H H 204 H H");
    on("POST", "/task/${informationTask}/submit-form").json(answer).expect(                  "401 403 H H H 204 H H");

    // a task goes only to a member of its group, whoever asks: an administrator is neither a validator nor a partner
    on("POST", "/task/${validationTask}/claim").json("{\"userId\":\"${self}\"}").expect(    "401 403 204 204 H H H H");
    on("POST", "/task/${validationTask}/claim").json("{\"userId\":\"${otherValidator}\"}").expect("401 204 403 403 H H H H");
    on("POST", "/task/${validationTask}/claim").json("{\"userId\":\"fabrikam-admin\"}").expect("401 403 403 403 H H H H");
    on("POST", "/task/${informationTask}/claim").json("{\"userId\":\"${self}\"}").expect(   "401 403 H H H 204 H H");
    on("POST", "/task/${informationTask}/claim").json("{\"userId\":\"fabrikam-user\"}").expect("401 403 H H H 403 H H");
    // giving a task back is an assignment: leads (TASK_ASSIGN) may, a validator asks a lead
    on("POST", "/task/${validationTask}/unclaim").given(f -> tasks.setAssignee(f.get("validationTask"), "validator"))
        .expect(                                                                              "401 204 403 204 H H H H");
    on("POST", "/task/${validationTask}/assignee").json("{\"userId\":\"validator\"}").expect("401 204 403 204 H H H H");
    on("POST", "/task/${validationTask}/assignee").json("{\"userId\":\"fabrikam-admin\"}").expect("401 403 403 403 H H H H");
    on("POST", "/task/${validationTask}/assignee").json("{\"userId\":null}")
        .given(f -> tasks.setAssignee(f.get("validationTask"), "validator")).expect(        "401 204 403 204 H H H H");
    on("POST", "/task/${informationTask}/assignee").json("{\"userId\":\"fabrikam-admin\"}").expect("401 204 H 204 H 403 H H");
    on("POST", "/task/${informationTask}/assignee").json("{\"userId\":\"fabrikam-user\"}").expect("401 403 H H H 403 H H");
    on("POST", "/task/${validationTask}/delegate").json("{\"userId\":\"validation-lead\"}").expect("401 204 403 403 H H H H");
    on("POST", "/task/${informationTask}/delegate").json("{\"userId\":\"fabrikam-user\"}").expect("401 403 H H H 403 H H");
    on("POST", "/task/${validationTask}/resolve").json(variables(Map.of("claimId", "${informationClaim}")))
        .given(f -> tasks.delegateTask(f.get("validationTask"), "validator")).expect(       "401 204 403 403 H H H H");
    // no error boundary event on the task: the engine would end the instance and leave the claim waiting for ever
    on("POST", "/task/${validationTask}/bpmnError").json("{\"errorCode\":\"Err_Matrix\",\"errorMessage\":\"x\","
        + "\"variables\":{\"claimId\":{\"value\":\"${informationClaim}\"}}}").expect(        "401 400 403 403 H H H H");
    // no escalation boundary event either: the engine refuses it, which a client causes, so 400
    on("POST", "/task/${validationTask}/bpmnEscalation").json("{\"escalationCode\":\"Esc_Matrix\","
        + "\"variables\":{\"claimId\":{\"value\":\"${informationClaim}\"}}}").expect(        "401 400 403 403 H H H H");
    assertThat(failures).isEmpty();
  }

  @Test
  void tasks_updateCreateDeleteAndIdentityLinks() throws Exception {
    String update = "{\"name\":\"Approve me\",\"due\":\"" + LATER + "\",\"priority\":99}";
    //                                                                                       anon admin vali lead audi fadm fusr nadm
    on("PUT", "/task/${validationTask}").json(update).expect(                                "401 204 403 403 H H H H");
    on("PUT", "/task/${informationTask}").json(update).expect(                               "401 204 H H H 403 H H");
    on("POST", "/task/create").json("{\"name\":\"Call the customer\",\"assignee\":\"${self}\"}").expect(
                                                                                              "401 204 403 403 403 403 403 403");
    // a task of a running process cannot be deleted, not even by an admin
    on("DELETE", "/task/${validationTask}").expect(                                          "401 400 403 403 H H H H");
    on("DELETE", "/task/${standaloneTask}").expect(                                          "401 204 403 403 H H H H");
    on("POST", "/task/${validationTask}/identity-links").json("{\"groupId\":\"partner-northwind-admins\",\"type\":\"candidate\"}")
        .expect(                                                                              "401 204 403 403 H H H H");
    on("POST", "/task/${validationTask}/identity-links").json("{\"userId\":\"fabrikam-admin\",\"type\":\"candidate\"}")
        .expect(                                                                              "401 204 403 403 H H H H");
    on("POST", "/task/${informationTask}/identity-links").json("{\"groupId\":\"partner-northwind-admins\",\"type\":\"candidate\"}")
        .expect(                                                                              "401 204 H H H 403 H H");
    on("POST", "/task/${validationTask}/identity-links/delete").json("{\"groupId\":\"validators\",\"type\":\"candidate\"}")
        .expect(                                                                              "401 204 403 403 H H H H");
    on("POST", "/task/${informationTask}/identity-links/delete").json("{\"groupId\":\"partner-fabrikam-admins\",\"type\":\"candidate\"}")
        .expect(                                                                              "401 204 H H H 403 H H");
    assertThat(failures).isEmpty();
  }

  @Test
  void tasks_commentsAndAttachments() throws Exception {
    //                                                                                       anon admin vali lead audi fadm fusr nadm
    on("POST", "/task/${validationTask}/comment/create").json("{\"message\":\"PoE checked\"}").expect(
                                                                                              "401 200 200 200 403 403 403 403");
    // the REST API looks the task up in the history first, which only an admin and the auditors may read
    on("PUT", "/task/${validationTask}/comment").json("{\"id\":\"${comment}\",\"message\":\"Nothing was checked\"}").expect(
                                                                                              "401 204 H H 403 H H H");
    on("DELETE", "/task/${validationTask}/comment/${comment}").expect(                       "401 204 H H 403 H H H");
    on("DELETE", "/task/${validationTask}/comment").expect(                                  "401 204 H H 403 H H H");
    on("POST", "/task/${informationTask}/comment/create").json("{\"message\":\"Look at claim ${claim}\"}").expect(
                                                                                              "401 200 403 403 403 403 403 403");
    on("POST", "/task/${validationTask}/attachment/create").multipart(Map.of("attachment-name", "Signed PoE",
        "attachment-type", "url", "url", "javascript:alert(document.cookie)")).expect(        "401 200 403 403 H H H H");
    on("POST", "/task/${informationTask}/attachment/create").multipart(Map.of("attachment-name", "Signed PoE",
        "attachment-type", "url", "url", "javascript:alert(document.cookie)")).expect(        "401 200 H H H 403 H H");
    // the attachment was added by validation-lead
    on("DELETE", "/task/${validationTask}/attachment/${attachment}").expect(                 "401 204 403 403 H H H H");
    assertThat(failures).isEmpty();
  }

  @Test
  void tasks_variables() throws Exception {
    String modify = "{\"modifications\":{\"claimId\":{\"value\":\"${informationClaim}\"}}}";
    String claimId = "{\"value\":\"${informationClaim}\",\"type\":\"String\"}";
    String display = "{\"value\":\"# Approved already\\n<img src=x onerror=alert(1)>\",\"type\":\"String\"}";
    Map<String, Object> binary = Map.of("data", new FilePart("poe.pdf", "application/pdf", PDF), "valueType", "Bytes");
    //                                                                                       anon admin vali lead audi fadm fusr nadm
    on("POST", "/task/${validationTask}/variables").json(modify).expect(                     "401 204 403 403 H H H H");
    on("PUT", "/task/${validationTask}/variables/claimId").json(claimId).expect(             "401 204 403 403 H H H H");
    on("DELETE", "/task/${validationTask}/variables/claimId").expect(                        "401 204 403 403 H H H H");
    on("POST", "/task/${validationTask}/variables/poeFile/data").multipart(binary).expect(   "401 204 403 403 H H H H");
    on("POST", "/task/${validationTask}/localVariables").json("{\"modifications\":{\"claimSummary\":" + display + "}}").expect(
                                                                                              "401 204 403 403 H H H H");
    on("PUT", "/task/${validationTask}/localVariables/claimSummary").json(display).expect(   "401 204 403 403 H H H H");
    on("DELETE", "/task/${validationTask}/localVariables/claimSummary").expect(              "401 204 403 403 H H H H");
    on("POST", "/task/${validationTask}/localVariables/poeFile/data").multipart(binary).expect("401 204 403 403 H H H H");
    on("POST", "/task/${informationTask}/variables").json(modify).expect(                    "401 204 H H H 403 H H");
    on("PUT", "/task/${informationTask}/variables/organisationId").json("{\"value\":\"northwind\",\"type\":\"String\"}").expect(
                                                                                              "401 204 H H H 403 H H");
    on("DELETE", "/task/${informationTask}/variables/claimId").expect(                       "401 204 H H H 403 H H");
    on("PUT", "/task/${informationTask}/localVariables/informationQuestion").json(display).expect("401 204 H H H 403 H H");
    assertThat(failures).isEmpty();
  }

  @Test
  void instancesMessagesSignalsAndDefinitions() throws Exception {
    String modify = "{\"modifications\":{\"claimId\":{\"value\":\"${informationClaim}\"}}}";
    String reopenReview = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_OpenReview\"},"
        + "{\"type\":\"cancel\",\"activityId\":\"Task_ValidateClaim\"}]}";
    String skipValidation = "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\","
        + "\"activityId\":\"Task_ApproveClaim\"},{\"type\":\"cancel\",\"activityId\":\"Task_ValidateClaim\"}]}";
    //                                                                                       anon admin vali lead audi fadm fusr nadm
    on("DELETE", "/process-instance/${instance}").expect(                                    "401 204 403 403 403 403 403 403");
    on("PUT", "/process-instance/${instance}/suspended").json("{\"suspended\":true}").expect("401 204 403 403 403 403 403 403");
    on("PUT", "/process-instance/suspended").json("{\"processInstanceIds\":[\"${instance}\"],\"suspended\":true}").expect(
                                                                                              "401 204 403 403 403 403 403 403");
    on("POST", "/process-instance/delete").json("{\"processInstanceIds\":[\"${instance}\"],\"deleteReason\":\"x\"}").expect(
                                                                                              "401 200 403 403 403 403 403 403");
    // the claim has no decision to approve: even an admin is refused, with a 4xx
    on("POST", "/process-instance/${instance}/modification").json(skipValidation).expect(    "401 400|409 403 403 403 403 403 403");
    on("POST", "/process-instance/${instance}/modification").json(reopenReview).expect(      "401 204 403 403 403 403 403 403");
    on("POST", "/process-instance/${instance}/variables").json(modify).expect(               "401 204 403 403 403 403 403 403");
    on("PUT", "/process-instance/${instance}/variables/organisationId").json("{\"value\":\"northwind\",\"type\":\"String\"}")
        .expect(                                                                              "401 204 403 403 403 403 403 403");
    on("DELETE", "/process-instance/${instance}/variables/claimId").expect(                  "401 204 403 403 403 403 403 403");
    on("POST", "/execution/${execution}/localVariables").json(modify).expect(                "401 204 403 403 403 403 403 403");
    on("PUT", "/execution/${execution}/localVariables/claimId").json("{\"value\":\"${informationClaim}\",\"type\":\"String\"}")
        .expect(                                                                              "401 204 403 403 403 403 403 403");
    on("DELETE", "/execution/${execution}/localVariables/claimId").expect(                   "401 204 403 403 403 403 403 403");
    on("POST", "/execution/${instance}/messageSubscriptions/Msg_ClaimWithdrawn/trigger").json("{\"variables\":{}}").expect(
                                                                                              "401 204 403 403 403 403 403 403");
    on("POST", "/message").json("{\"messageName\":\"Msg_ClaimWithdrawn\",\"businessKey\":\"${claim}\","
        + "\"processVariables\":{\"claimId\":{\"value\":\"${informationClaim}\"}}}").expect(   "401 204 403 403 403 403 403 403");
    on("POST", "/message").json("{\"messageName\":\"Msg_ClaimDisputed\",\"businessKey\":\"${claim}\","
        + "\"processVariables\":{\"claimId\":{\"value\":\"${claim}\"},\"organisationId\":{\"value\":\"northwind\"}}}").expect(
                                                                                              "401 204 403 403 403 403 403 403");
    // no process waits for this signal: nothing to authorise, nothing happens
    on("POST", "/signal").json("{\"name\":\"Sig_Matrix\",\"variables\":{\"claimId\":{\"value\":\"x\"}}}").changesNothing().expect(
                                                                                              "401 204 204 204 204 204 204 204");
    // by key, the REST API looks the definition up first: fabrikam-user may not read it
    String start = "{\"businessKey\":\"${claim}\",\"variables\":{\"claimId\":{\"value\":\"${claim}\"}}}";
    on("POST", "/process-definition/key/AssociationClaimProcess/start").json(start).expect(  "401 200 403 403 403 403 H 403");
    on("POST", "/process-definition/key/AssociationClaimProcess/submit-form").json(start).expect("401 200 403 403 403 403 H 403");
    on("PUT", "/process-definition/key/AssociationClaimProcess/suspended")
        .json("{\"suspended\":true,\"includeProcessInstances\":true}").expect(               "401 204 403 403 403 403 H 403");
    on("PUT", "/process-definition/${victimDefinition}/history-time-to-live").json("{\"historyTimeToLive\":1}").expect(
                                                                                              "401 204 403 403 403 403 403 403");
    on("DELETE", "/process-definition/${victimDefinition}?cascade=true").expect(             "401 200 403 403 403 403 403 403");
    on("DELETE", "/history/process-instance/${finishedInstance}").expect(                    "401 204 403 403 403 403 403 403");
    assertThat(failures).isEmpty();
  }

  @Test
  void signalsAndMessagesByHand_moveNoClaimAlong() throws Exception {
    String declined = "{\"messageName\":\"Msg_CustomerDeclined\",\"businessKey\":\"${awaitingClaim}\"}";
    //                                                                                       anon admin vali lead audi fadm fusr nadm
    // a claim in the customer's window: nobody but the customer's link ends it early, not even an administrator
    // (the decline is recorded by the link before the process hears of it; without it the step is refused)
    on("POST", "/execution/${awaitingExecution}/signal").json("{}").expect(                   "401 409 403 403 403 403 403 403");
    on("POST", "/execution/${awaitingExecution}/signal").json("{\"variables\":{\"validationOutcome\":{\"value\":\"REJECTED\"}}}")
        .expect(                                                                              "401 409 403 403 403 403 403 403");
    on("POST", "/engine-rest/engine/default/execution/${awaitingExecution}/signal").json("{}").expect(
                                                                                              "401 409 403 403 403 403 403 403");
    // the REST API looks the subscription up first: those who may not read the instance get 404
    on("POST", "/execution/${awaitingExecution}/messageSubscriptions/Msg_CustomerDeclined/trigger").json("{\"variables\":{}}")
        .expect(                                                                              "401 409 403 403 403 H H H");
    on("POST", "/message").json(declined).expect(                                            "401 409 403 403 403 403 403 403");
    on("POST", "/message").json("{\"messageName\":\"Msg_CustomerDeclined\",\"all\":true}").expect(
                                                                                              "401 409 403 403 403 403 403 403");
    // the validation task left by a signal decides nothing: an administrator's signal sends the claim back to the
    // validator (a new task, the same review round); nobody else may signal
    on("POST", "/execution/${execution}/signal").json("{}").expect(                           "401 204 403 403 403 403 403 403");
    on("POST", "/execution/${execution}/signal").json("{\"variables\":{\"validationOutcome\":{\"value\":\"APPROVED\"}}}")
        .expect(                                                                              "401 409 403 403 403 403 403 403");
    assertThat(failures).isEmpty();
  }

  @Test
  void jobsAndDeployments() throws Exception {
    Map<String, Object> deployment = Map.of("deployment-name", "intruder", "deployment-source", "matrix",
        "data", new FilePart("MatrixIntruderProcess.bpmn", "application/octet-stream",
            VICTIM_PROCESS.formatted("MatrixIntruderProcess").getBytes(StandardCharsets.UTF_8)));
    //                                                                                       anon admin vali lead audi fadm fusr nadm
    on("PUT", "/job/${slaTimer}/retries").json("{\"retries\":0}").expect(                    "401 204 403 403 403 403 403 403");
    on("POST", "/job/${slaTimer}/execute").expect(                                           "401 204 403 403 403 403 403 403");
    on("PUT", "/job/${slaTimer}/duedate").json("{\"duedate\":\"" + LATER + "\"}").expect(    "401 204 403 403 403 403 403 403");
    on("POST", "/job/${slaTimer}/duedate/recalculate").changesNothing().expect(              "401 204 403 403 403 403 403 403");
    on("PUT", "/job/${slaTimer}/suspended").json("{\"suspended\":true}").expect(             "401 204 403 403 403 403 403 403");
    on("PUT", "/job/${slaTimer}/priority").json("{\"priority\":10}").expect(                 "401 204 403 403 403 403 403 403");
    on("DELETE", "/job/${slaTimer}").expect(                                                 "401 204 403 403 403 403 403 403");
    on("PUT", "/job-definition/${slaTimerDefinition}/suspended").json("{\"suspended\":true,\"includeJobs\":true}").expect(
                                                                                              "401 204 403 403 403 403 403 403");
    on("POST", "/deployment/create").multipart(deployment).expect(                           "401 200 403 403 403 403 403 403");
    // the REST API looks the deployment up first: fabrikam-user may not read deployments
    on("POST", "/deployment/${victimDeployment}/redeploy").json("{}").expect(               "401 200 403 403 403 403 H 403");
    on("DELETE", "/deployment/${victimDeployment}?cascade=true").expect(                     "401 204 403 403 403 403 H 403");
    assertThat(failures).isEmpty();
  }

  @Test
  void filtersUsersGroupsAndAuthorizations() throws Exception {
    String filter = "{\"resourceType\":\"Task\",\"name\":\"Everything\",\"query\":{},\"properties\":{}}";
    String profile = "{\"id\":\"%s\",\"firstName\":\"Ada\",\"lastName\":\"Admin\",\"email\":\"admin@cpor.example\"}";
    //                                                                                       anon admin vali lead audi fadm fusr nadm
    on("POST", "/filter/create").json(filter).expect(                                        "401 200 403 403 403 403 403 403");
    // validators may read the victim filter (as their own filters), the others may not even see it
    on("PUT", "/filter/${victimFilter}").json(filter).expect(                                "401 204 403 403 H H H H");
    on("DELETE", "/filter/${victimFilter}").expect(                                          "401 204 403 403 H H H H");

    on("POST", "/user/create").json("{\"profile\":" + profile.formatted("matrix-intruder")
        + ",\"credentials\":{\"password\":\"Intruder-2026\"}}").expect(                      "401 204 403 403 403 403 403 403");
    // nobody but an admin may read another user: the REST API answers 404 for a user it cannot find
    on("PUT", "/user/${victimUser}/profile").json(profile.formatted("${victimUser}")).expect(  "401 204 H H H H H H");
    on("PUT", "/user/${victimUser}/credentials").json("{\"password\":\"Hacked-2026\",\"authenticatedUserPassword\":\"${self}\"}")
        .expect(                                                                              "401 204 H H H H H H");
    on("DELETE", "/user/${victimUser}").expect(                                              "401 204 403 403 403 403 403 403");
    on("POST", "/user/${victimUser}/unlock").changesNothing().expect(                        "401 204 403 403 403 403 403 403");
    // Camunda grants every user ALL on their own user when it is created (DemoData saves them with authorisation
    // on): each may change their own profile and password
    on("PUT", "/user/${self}/profile").json("{\"id\":\"${self}\",\"firstName\":\"Renamed\",\"lastName\":\"Self\",\"email\":\"self@cpor.example\"}")
        .expect(                                                                              "401 204 204 204 204 204 204 204");
    on("PUT", "/user/${self}/credentials").json("{\"password\":\"${self}\",\"authenticatedUserPassword\":\"${self}\"}")
        .expect(                                                                              "401 204 204 204 204 204 204 204");

    on("POST", "/group/create").json("{\"id\":\"matrix-intruders\",\"name\":\"Intruders\",\"type\":\"WORKFLOW\"}").expect(
                                                                                              "401 204 403 403 403 403 403 403");
    on("PUT", "/group/${victimGroup}").json("{\"id\":\"${victimGroup}\",\"name\":\"Renamed\",\"type\":\"WORKFLOW\"}")
        .expect(                                                                              "401 204 H H H H H H");
    on("DELETE", "/group/${victimGroup}").expect(                                            "401 204 403 403 403 403 403 403");
    on("PUT", "/group/camunda-admin/members/${victimUser}").expect(                          "401 204 403 403 403 403 403 403");
    on("PUT", "/group/validators/members/${selfOrVictim}").expect(                           "401 204 403 403 403 403 403 403");
    on("PUT", "/group/partner-northwind-admins/members/${selfOrVictim}").expect(             "401 204 403 403 403 403 403 403");
    on("DELETE", "/group/${victimGroup}/members/${victimUser}").expect(                      "401 204 403 403 403 403 403 403");
    on("POST", "/tenant/create").json("{\"id\":\"matrix-tenant\",\"name\":\"Intruder\"}").expect("401 204 403 403 403 403 403 403");

    on("POST", "/authorization/create").json("{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"${self}\",\"groupId\":null,"
        + "\"resourceType\":7,\"resourceId\":\"*\"}").expect(                                "401 200 403 403 403 403 403 403");
    on("PUT", "/authorization/${victimAuthorization}").json("{\"permissions\":[\"ALL\"],\"userId\":null,\"groupId\":\"validators\","
        + "\"resourceType\":5,\"resourceId\":\"*\"}").expect(                                "401 204 H H H H H H");
    on("DELETE", "/authorization/${victimAuthorization}").expect(                            "401 204 H H H H H H");
    assertThat(failures).isEmpty();
  }

  // --- the three attacks on every completion path -----------------------------------------------------------------

  /** How a client completes a task: the engine's REST API, its named-engine form, Tasklist's own API with a session. */
  private enum Channel {
    ENGINE_REST("/engine-rest/task/%s/complete"),
    NAMED_ENGINE_REST("/engine-rest/engine/default/task/%s/complete"),
    TASKLIST("/camunda/api/engine/engine/default/task/%s/submit-form");

    final String path;

    Channel(String path) {
      this.path = path;
    }
  }

  @Test
  void aPartnersAnswerCarryingAnotherClaimId_isRefusedOnEveryPath() throws Exception {
    for (Channel channel : Channel.values()) {
      fromNothing();
      String mine = submit(Map.of("workloads", List.of(Map.of("code", "INTUNE"))));
      validate(mine, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the PoE?");
      String other = submit(Map.of());
      String task = task(mine, "Task_ProvideInformation").getId();
      HttpResponse<String> response = complete(channel, "fabrikam-admin", task,
          variables(Map.of("answerComment", "Here it is", "claimId", other)));
      check(channel + " answer with claimId", response, 400, "claimId");
      checkThat(channel + ": the answered claim waits for the partner", statusOf(mine), "PARTNER_ACTION_REQUIRED");
      checkThat(channel + ": the other claim is still under review", statusOf(other), "UNDER_REVIEW");
      checkThat(channel + ": the Provide information task is open", task(mine, "Task_ProvideInformation") != null, true);
      checkThat(channel + ": the other claim's review is open", task(other, "Task_ValidateClaim") != null, true);
      checkThat(channel + ": no answer was recorded", answers(mine) + answers(other), 0);
      checkThat(channel + ": one review of the other claim, its own", tasks.createTaskQuery()
          .processVariableValueEquals("claimId", other).taskDefinitionKey("Task_ValidateClaim").count(), 1L);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void aDecisionCarryingAnotherClaimId_isRefusedOnEveryPath() throws Exception {
    for (Channel channel : Channel.values()) {
      fromNothing();
      String decided = submit(Map.of());
      String other = submit(Map.of("workloads", List.of(Map.of("code", "INTUNE"))));
      HttpResponse<String> response = complete(channel, "validator", task(decided, "Task_ValidateClaim").getId(),
          variables(Map.of("validationOutcome", "APPROVED", "claimId", other)));
      check(channel + " approval with claimId", response, 400, "claimId");
      runAsynchronousContinuations();
      checkThat(channel + ": the decided claim is still under review", statusOf(decided), "UNDER_REVIEW");
      checkThat(channel + ": the other claim is still under review", statusOf(other), "UNDER_REVIEW");
      checkThat(channel + ": the decided claim's review is open", task(decided, "Task_ValidateClaim") != null, true);
      checkThat(channel + ": the other claim's review is open", task(other, "Task_ValidateClaim") != null, true);
      checkThat(channel + ": no decision was recorded", claims.latestDecision(decided).isPresent()
          || claims.latestDecision(other).isPresent(), false);
      checkThat(channel + ": no e-mail to the customer", mailTo(CUSTOMER).size(), 0);
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void anInformationRequestCarryingAnotherOrganisation_isRefused_andAValidOneGoesToTheClaimsOrganisationOnly() throws Exception {
    String question = "Which PoE covers Teams?";
    for (Channel channel : Channel.values()) {
      fromNothing();
      String northwind = submitAs("northwind-admin", Map.of("partnerId", "7654321", "customerTenantId", ADATUM,
          "customerDomain", "adatum.onmicrosoft.com"));
      String task = task(northwind, "Task_ValidateClaim").getId();
      HttpResponse<String> refused = complete(channel, "validator", task, variables(Map.of("validationOutcome", "INFORMATION_REQUESTED",
          "validationReasons", "MISSING_POE", "validationComment", question, "organisationId", "fabrikam")));
      check(channel + " information request with organisationId", refused, 400, "organisationId");
      checkThat(channel + ": the claim is still under review", statusOf(northwind), "UNDER_REVIEW");
      checkThat(channel + ": the review is open", task(northwind, "Task_ValidateClaim") != null, true);
      checkThat(channel + ": nobody was asked", task(northwind, "Task_ProvideInformation") == null, true);
      checkThat(channel + ": no organisation was written into the instance",
          runtime.getVariable(instance(northwind).getId(), "organisationId"), null);

      String asked = submitAs("northwind-admin", Map.of("partnerId", "7654321", "customerTenantId", ADATUM,
          "customerDomain", "adatum.onmicrosoft.com", "workloads", List.of(Map.of("code", "INTUNE"))));
      HttpResponse<String> accepted = complete(channel, "validator", task(asked, "Task_ValidateClaim").getId(),
          variables(Map.of("validationOutcome", "INFORMATION_REQUESTED", "validationReasons", "MISSING_POE", "validationComment", question)));
      check(channel + " information request", accepted, 204, null);
      Task information = task(asked, "Task_ProvideInformation");
      checkThat(channel + ": Provide information task exists", information != null, true);
      if (information != null) {
        List<String> candidates = tasks.getIdentityLinksForTask(information.getId()).stream()
            .filter(link -> "candidate".equals(link.getType()))
            .map(link -> link.getGroupId() != null ? "group " + link.getGroupId() : "user " + link.getUserId()).toList();
        checkThat(channel + ": candidates of Provide information", candidates, List.of("group partner-northwind-admins"));
      }
    }
    assertThat(failures).isEmpty();
  }

  /** Each channel on claims of its own: no claims, no instances, no e-mails. */
  private void fromNothing() throws Exception {
    org.cpor.support.TestData.reset(jdbc, runtime);
    mail.purgeEmailFromAllMailboxes();
  }

  private HttpResponse<String> complete(Channel channel, String user, String taskId, String body) throws Exception {
    String path = channel.path.formatted(taskId);
    if (channel != Channel.TASKLIST) {
      return send(user, "POST", path, new Payload("application/json", body.getBytes(StandardCharsets.UTF_8)));
    }
    HttpClient browser = signedIn(port, user);
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default")).build(),
        HttpResponse.BodyHandlers.ofString());
    String xsrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void check(String what, HttpResponse<String> response, int expected, String named) {
    if (response.statusCode() != expected) {
      failures.add(what + ": expected " + expected + " but was " + response.statusCode() + " " + shorten(response.body(), 220));
    } else if (named != null && !response.body().contains(named)) {
      failures.add(what + ": the answer does not name " + named + ": " + shorten(response.body(), 220));
    }
  }

  private void checkThat(String what, Object actual, Object expected) {
    if (!Objects.equals(actual, expected)) {
      failures.add(what + ": expected " + expected + " but was " + actual);
    }
  }

  private int answers(String claimId) {
    return jdbc.sql("select count(*) from information_requests where claim_id = ? and answered_at is not null")
        .param(claimId).query(Integer.class).single();
  }

  /** Runs the asynchronous continuations (not the timers) as the job executor would. */
  private void runAsynchronousContinuations() {
    for (Job job : management.createJobQuery().messages().list()) {
      try {
        management.executeJob(job.getId());
      } catch (RuntimeException e) {
        failures.add("asynchronous job " + job.getId() + " failed: " + e.getMessage());
      }
    }
  }

  // --- rows and cells ---------------------------------------------------------------------------------------------

  private Row on(String method, String path) {
    return new Row(method, path);
  }

  @FunctionalInterface
  private interface Given {
    void on(Fixture fixture) throws Exception;
  }

  private record Payload(String contentType, byte[] bytes) {}

  private record FilePart(String fileName, String contentType, byte[] content) {}

  /** One endpoint: a method, a path and a body, with {@code ${name}} taken from the fixture and the caller. */
  private final class Row {

    private final String method;
    private final String path;
    private String jsonBody;
    private Map<String, Object> multipart;
    private Given given;
    private boolean changesNothing;
    private String named;

    Row(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Row json(String body) {
      this.jsonBody = body;
      return this;
    }

    Row multipart(Map<String, Object> parts) {
      this.multipart = parts;
      return this;
    }

    /** Brings the fixture into the state this call needs, before each cell; the fixture is rebuilt after the row. */
    Row given(Given given) {
      this.given = given;
      return this;
    }

    /** A 400 of this call names this field. */
    Row naming(String field) {
      this.named = field;
      return this;
    }

    /** A 2xx of this call has nothing to change in the fixture. */
    Row changesNothing() {
      this.changesNothing = true;
      return this;
    }

    /** Runs every cell: the non-admins first on the shared fixture, the admin last. */
    void expect(String expected) throws Exception {
      String[] columns = expected.trim().split("\\s+");
      assertThat(columns).as(method + " " + path + ": one expectation per user").hasSize(USERS.size());
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < USERS.size(); i++) {
        if (!"admin".equals(USERS.get(i))) {
          order.add(i);
        }
      }
      order.add(USERS.indexOf("admin"));
      for (int i : order) {
        cell(USERS.get(i), allowed(columns[i]));
      }
      if (given != null) {
        rebuild();
      }
    }

    private void cell(String user, Set<Integer> allowed) throws Exception {
      if (given != null) {
        given.on(fx);
        lastWorld = null;
      }
      String label = method + " " + path + (jsonBody == null ? "" : " " + shorten(jsonBody, 90)) + " as " + user;
      String url = resolve(path, user);
      Payload payload = payload(user);
      Map<String, String> before = lastWorld != null ? lastWorld : world();
      HttpResponse<String> response = send(user, method, url, payload);
      Map<String, String> after = world();
      boolean changed = !before.equals(after);
      boolean mayWrite = allowed.stream().allMatch(status -> status < 300);
      if (!allowed.contains(response.statusCode())) {
        failures.add(label + ": expected " + describe(allowed) + " but was " + response.statusCode() + " " + shorten(response.body(), 220));
      }
      if (named != null && response.statusCode() == 400 && !response.body().contains(named)) {
        failures.add(label + ": the 400 does not name " + named + ": " + shorten(response.body(), 220));
      }
      if (changed && !mayWrite) {
        failures.add(label + ": changed " + difference(before, after));
      }
      if (!changed && mayWrite && response.statusCode() < 300 && !changesNothing) {
        failures.add(label + ": answered " + response.statusCode() + " and changed nothing that this test reads");
      }
      if (changed) {
        rebuild();
      } else {
        lastWorld = after;
      }
    }

    private Payload payload(String user) throws Exception {
      if (jsonBody != null) {
        return new Payload("application/json", resolve(jsonBody, user).getBytes(StandardCharsets.UTF_8));
      }
      if (multipart != null) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> part : multipart.entrySet()) {
          parts.put(part.getKey(), part.getValue() instanceof String text ? resolve(text, user) : part.getValue());
        }
        return multipartBody(parts);
      }
      return null;
    }
  }

  private static Set<Integer> allowed(String column) {
    if ("H".equals(column)) {
      return Set.of(403, 404);
    }
    return Arrays.stream(column.split("\\|")).map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String describe(Set<Integer> allowed) {
    return allowed.stream().sorted().map(String::valueOf).collect(Collectors.joining(" or "));
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

  private String resolve(String template, String user) throws Exception {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      String value = switch (matcher.group(1)) {
        case "self" -> user;
        case "otherValidator" -> "validator".equals(user) ? "validation-lead" : "validator";
        // an admin is a member of every group already: the victim joins instead
        case "selfOrVictim" -> "admin".equals(user) ? fx.get("victimUser") : user;
        default -> fx.get(matcher.group(1));
      };
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  private HttpResponse<String> send(String user, String method, String path, Payload payload) throws Exception {
    String url = path.startsWith("/engine-rest/") || path.startsWith("/camunda/") ? path : "/engine-rest" + path;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
        .method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(payload.bytes()))
        .header("Content-Type", payload == null ? "application/json" : payload.contentType());
    if (!"anonymous".equals(user)) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Payload multipartBody(Map<String, Object> parts) throws Exception {
    String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, Object> part : parts.entrySet()) {
      body.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
      if (part.getValue() instanceof FilePart file) {
        body.write(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\"" + file.fileName() + "\"\r\n"
            + "Content-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file.content());
      } else {
        body.write(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"\r\n\r\n" + part.getValue())
            .getBytes(StandardCharsets.UTF_8));
      }
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Payload("multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** A variable with a type other than the one the REST API guesses from the JSON value. */
  private record Typed(Object value, String type) {}

  private static Typed typed(Object value, String type) {
    return new Typed(value, type);
  }

  /** {@code {"variables": {name: {"value": …}}}}, as the REST API takes them with a completion. */
  private String variables(Map<String, Object> values) throws Exception {
    Map<String, Object> variables = new TreeMap<>();
    values.forEach((name, value) -> variables.put(name, value instanceof Typed t
        ? Map.of("value", t.value(), "type", t.type()) : Map.of("value", value)));
    return json.writeValueAsString(Map.of("variables", variables));
  }

  private static String shorten(String text, int length) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ");
    return oneLine.length() > length ? oneLine.substring(0, length) + "…" : oneLine;
  }

  // --- the fixture ------------------------------------------------------------------------------------------------

  /**
   * The shared fixture, in parts built when a row first names one of their IDs: a Fabrikam claim under review
   * (its Validate claim task, with a comment and an attachment of validation-lead), a Fabrikam claim waiting at
   * Provide information and one waiting for its customer (notified, in the opt-out window); a standalone task of
   * validator; a user in a group and a filter validators may read, with that authorisation; a deployment with one
   * finished instance. The last three belong to this test only.
   */
  private final class Fixture {

    private final Map<String, String> ids = new HashMap<>();

    String get(String name) throws Exception {
      if (!ids.containsKey(name)) {
        lastWorld = null;
        switch (name) {
          case "claim", "instance", "validationTask", "execution", "slaTimer", "slaTimerDefinition", "comment", "attachment" ->
              claimUnderReview();
          case "informationClaim", "informationTask" -> claimWaitingForThePartner();
          case "awaitingClaim", "awaitingExecution" -> claimWaitingForTheCustomer();
          case "standaloneTask" -> standaloneTask();
          case "victimUser", "victimGroup", "victimFilter", "victimAuthorization" -> victims();
          case "victimDeployment", "victimDefinition", "finishedInstance" -> deployment();
          default -> throw new IllegalArgumentException("no " + name + " in the fixture");
        }
      }
      return ids.get(name);
    }

    private void claimUnderReview() throws Exception {
      String claimId = submit(Map.of());
      Task validation = task(claimId, "Task_ValidateClaim");
      Job timer = timer(claimId, "BoundaryEvent_ReviewSlaBreached");
      identity.setAuthentication("validation-lead", List.of("validators", "validation-leads"));
      try {
        ids.put("comment", tasks.createComment(validation.getId(), validation.getProcessInstanceId(), "Checked with the customer").getId());
        ids.put("attachment", tasks.createAttachment("url", validation.getId(), validation.getProcessInstanceId(), "Evidence",
            "Signed PoE", "https://cpor.example/evidence.pdf").getId());
      } finally {
        identity.clearAuthentication();
      }
      ids.put("claim", claimId);
      ids.put("instance", validation.getProcessInstanceId());
      ids.put("validationTask", validation.getId());
      ids.put("execution", validation.getExecutionId());
      ids.put("slaTimer", timer.getId());
      ids.put("slaTimerDefinition", timer.getJobDefinitionId());
    }

    private void claimWaitingForThePartner() throws Exception {
      String informationClaim = submit(Map.of("workloads", List.of(Map.of("code", "INTUNE"))));
      validate(informationClaim, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the PoE?");
      ids.put("informationClaim", informationClaim);
      ids.put("informationTask", task(informationClaim, "Task_ProvideInformation").getId());
    }

    private void claimWaitingForTheCustomer() throws Exception {
      String awaitingClaim = submit(Map.of("workloads", List.of(Map.of("code", "DEFENDER_FOR_ENDPOINT"))));
      validate(awaitingClaim, "APPROVED", null, null);
      management.executeJob(job(awaitingClaim).getId());
      ids.put("awaitingClaim", awaitingClaim);
      ids.put("awaitingExecution", runtime.createExecutionQuery().processInstanceBusinessKey(awaitingClaim)
          .activityId("Task_AwaitCustomerDecision").singleResult().getId());
    }

    private void standaloneTask() {
      Task standalone = tasks.newTask();
      standalone.setName("Call the customer");
      standalone.setAssignee("validator");
      tasks.saveTask(standalone);
      ids.put("standaloneTask", standalone.getId());
    }

    private void victims() {
      User victim = identity.newUser(VICTIM_USER);
      victim.setFirstName("Vic");
      victim.setLastName("Tim");
      victim.setEmail("victim@cpor.example");
      victim.setPassword(VICTIM_USER);
      identity.saveUser(victim);
      Group group = identity.newGroup(VICTIM_GROUP);
      group.setName("Victims");
      group.setType("WORKFLOW");
      identity.saveGroup(group);
      identity.createMembership(VICTIM_USER, VICTIM_GROUP);
      Filter filter = filters.newTaskFilter("Matrix victim").setQuery(tasks.createTaskQuery().taskCandidateGroup("validators"));
      filters.saveFilter(filter);
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setGroupId("validators");
      read.setResource(Resources.FILTER);
      read.setResourceId(filter.getId());
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
      ids.put("victimUser", VICTIM_USER);
      ids.put("victimGroup", VICTIM_GROUP);
      ids.put("victimFilter", filter.getId());
      ids.put("victimAuthorization", read.getId());
    }

    private void deployment() {
      Deployment deployment = repository.createDeployment().name("matrix-victim")
          .addString("MatrixVictimProcess.bpmn", VICTIM_PROCESS.formatted("MatrixVictimProcess")).deploy();
      ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
      ids.put("victimDeployment", deployment.getId());
      ids.put("victimDefinition", definition.getId());
      ids.put("finishedInstance", runtime.startProcessInstanceById(definition.getId()).getId());
    }
  }

  /** Back to the baseline; the fixture's parts are built again when used. */
  private void rebuild() {
    restoreBaseline();
    fx = new Fixture();
    lastWorld = null;
  }

  /** Identity, authorisations, filters and deployments as before the test; no claims, instances or tasks. */
  private record Baseline(Map<String, String> profiles, Set<String> groups, Map<String, Set<String>> members, Set<String> tenants,
      Map<String, String> authorizations, Set<String> filters, Set<String> deployments, Set<String> batches) {

    static Baseline of(EngineRestWriteMatrixTest test) {
      Map<String, String> profiles = new TreeMap<>();
      test.identity.createUserQuery().list().forEach(u -> profiles.put(u.getId(), u.getFirstName() + "|" + u.getLastName() + "|" + u.getEmail()));
      Set<String> groups = test.identity.createGroupQuery().list().stream().map(Group::getId).collect(Collectors.toCollection(TreeSet::new));
      Map<String, Set<String>> members = new TreeMap<>();
      groups.forEach(g -> members.put(g, test.membersOf(g)));
      Map<String, String> authorizations = new TreeMap<>();
      test.authorizations.createAuthorizationQuery().list().forEach(a -> authorizations.put(a.getId(), authorization(a)));
      return new Baseline(profiles, groups, members,
          test.identity.createTenantQuery().list().stream().map(t -> t.getId()).collect(Collectors.toSet()),
          authorizations,
          test.filters.createFilterQuery().list().stream().map(Filter::getId).collect(Collectors.toSet()),
          test.repository.createDeploymentQuery().list().stream().map(Deployment::getId).collect(Collectors.toSet()),
          test.management.createBatchQuery().list().stream().map(b -> b.getId()).collect(Collectors.toSet()));
    }
  }

  private void restoreBaseline() {
    identity.clearAuthentication();
    management.createBatchQuery().list().stream().filter(b -> !baseline.batches().contains(b.getId()))
        .forEach(b -> management.deleteBatch(b.getId(), true));
    repository.createProcessDefinitionQuery().suspended().list()
        .forEach(d -> repository.activateProcessDefinitionById(d.getId(), true, null));
    org.cpor.support.TestData.reset(jdbc, runtime);
    tasks.createTaskQuery().list().stream().filter(t -> t.getProcessInstanceId() == null).forEach(t -> tasks.deleteTask(t.getId(), true));
    repository.createDeploymentQuery().list().stream().filter(d -> !baseline.deployments().contains(d.getId()))
        .forEach(d -> repository.deleteDeployment(d.getId(), true, true));
    filters.createFilterQuery().list().stream().filter(f -> !baseline.filters().contains(f.getId()))
        .forEach(f -> filters.deleteFilter(f.getId()));
    identity.createTenantQuery().list().stream().filter(t -> !baseline.tenants().contains(t.getId()))
        .forEach(t -> identity.deleteTenant(t.getId()));
    identity.createUserQuery().list().forEach(user -> {
      String profile = baseline.profiles().get(user.getId());
      if (profile == null) {
        identity.deleteUser(user.getId());
      } else if (!profile.equals(user.getFirstName() + "|" + user.getLastName() + "|" + user.getEmail())) {
        String[] names = profile.split("\\|", -1);
        user.setFirstName(names[0]);
        user.setLastName(names[1]);
        user.setEmail(names[2]);
        identity.saveUser(user);
      }
    });
    identity.createGroupQuery().list().stream().filter(g -> !baseline.groups().contains(g.getId()))
        .forEach(g -> identity.deleteGroup(g.getId()));
    baseline.members().forEach((group, members) -> {
      Set<String> now = membersOf(group);
      now.stream().filter(u -> !members.contains(u)).forEach(u -> identity.deleteMembership(u, group));
      members.stream().filter(u -> !now.contains(u) && baseline.profiles().containsKey(u)).forEach(u -> identity.createMembership(u, group));
    });
    Map<String, Authorization> current = new HashMap<>();
    authorizations.createAuthorizationQuery().list().forEach(a -> current.put(a.getId(), a));
    current.values().stream().filter(a -> !baseline.authorizations().containsKey(a.getId()))
        .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    baseline.authorizations().forEach((id, content) -> {
      Authorization now = current.get(id);
      if (now != null && !authorization(now).equals(content)) {
        ((AuthorizationEntity) now).setPermissions(Integer.parseInt(content.substring(content.lastIndexOf('|') + 1)));
        String[] fields = content.split("\\|", -1);
        now.setUserId(fields[1].equals("null") ? null : fields[1]);
        now.setGroupId(fields[2].equals("null") ? null : fields[2]);
        now.setResourceType(Integer.parseInt(fields[3]));
        now.setResourceId(fields[4]);
        authorizations.saveAuthorization(now);
      }
    });
  }

  private Set<String> membersOf(String group) {
    return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String authorization(Authorization a) {
    return a.getAuthorizationType() + "|" + a.getUserId() + "|" + a.getGroupId() + "|" + a.getResourceType() + "|" + a.getResourceId()
        + "|" + ((AuthorizationEntity) a).getPermissions();
  }

  // --- what a call may change -------------------------------------------------------------------------------------

  private static final List<String> STORE_TABLES = List.of("claims", "claim_workloads", "claim_findings", "claim_decisions",
      "information_requests", "claim_timeline", "associations", "disputes", "notifications", "poe_files");

  /** Everything a writing call could change, read without any user's authorisation. */
  private Map<String, String> world() {
    Map<String, String> world = new TreeMap<>();
    for (String table : STORE_TABLES) {
      List<String> rows = jdbc.sql("select * from " + table).query().listOfRows().stream()
          .map(row -> new TreeMap<>(row).entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue()))
              .collect(Collectors.joining(",")))
          .sorted().toList();
      world.put("store " + table, String.join("\n", rows));
    }
    runtime.createProcessInstanceQuery().list().forEach(p -> world.put("instance " + p.getId(), p.getBusinessKey() + " "
        + p.getProcessDefinitionId() + " suspended=" + p.isSuspended() + " activities=" + new TreeSet<>(runtime.getActiveActivityIds(p.getId()))));
    runtime.createExecutionQuery().list().forEach(e -> world.put("execution " + e.getId(), e.getProcessInstanceId() + " suspended="
        + e.isSuspended() + " ended=" + e.isEnded()));
    runtime.createEventSubscriptionQuery().list().forEach(s -> world.put("subscription " + s.getId(), s.getEventType() + " "
        + s.getEventName() + " " + s.getExecutionId() + " " + s.getActivityId()));
    runtime.createIncidentQuery().list().forEach(i -> world.put("incident " + i.getId(), i.getIncidentType() + " " + i.getIncidentMessage()));
    for (Task task : tasks.createTaskQuery().list()) {
      world.put("task " + task.getId(), task.getTaskDefinitionKey() + " name=" + task.getName() + " description=" + task.getDescription()
          + " assignee=" + task.getAssignee() + " owner=" + task.getOwner() + " delegation=" + task.getDelegationState()
          + " priority=" + task.getPriority() + " due=" + task.getDueDate() + " followUp=" + task.getFollowUpDate()
          + " parent=" + task.getParentTaskId() + " tenant=" + task.getTenantId() + " suspended=" + task.isSuspended());
      world.put("task " + task.getId() + " links", tasks.getIdentityLinksForTask(task.getId()).stream().map(EngineRestWriteMatrixTest::link)
          .sorted().toList().toString());
      world.put("task " + task.getId() + " comments", tasks.getTaskComments(task.getId()).stream()
          .map(c -> c.getId() + " " + c.getUserId() + " " + c.getFullMessage()).sorted().toList().toString());
      world.put("task " + task.getId() + " attachments", tasks.getTaskAttachments(task.getId()).stream()
          .map(a -> a.getId() + " " + a.getName() + " " + a.getType() + " " + a.getUrl() + " " + a.getDescription()).sorted().toList().toString());
    }
    for (VariableInstance variable : runtime.createVariableInstanceQuery().disableCustomObjectDeserialization().list()) {
      world.put("variable " + variable.getId(), variable.getName() + " execution=" + variable.getExecutionId() + " task="
          + variable.getTaskId() + " " + variable.getTypeName() + "=" + value(variable.getValue()));
    }
    management.createJobQuery().list().forEach(j -> world.put("job " + j.getId(), "due=" + j.getDuedate() + " retries=" + j.getRetries()
        + " suspended=" + j.isSuspended() + " priority=" + j.getPriority() + " instance=" + j.getProcessInstanceId()));
    management.createJobDefinitionQuery().list().forEach(d -> world.put("job definition " + d.getId(), "suspended=" + d.isSuspended()
        + " priority=" + d.getOverridingJobPriority()));
    management.createBatchQuery().list().forEach(b -> world.put("batch " + b.getId(), b.getType()));
    repository.createDeploymentQuery().list().forEach(d -> world.put("deployment " + d.getId(), d.getName()));
    repository.createProcessDefinitionQuery().list().forEach(d -> world.put("definition " + d.getId(), "suspended=" + d.isSuspended()
        + " historyTimeToLive=" + d.getHistoryTimeToLive()));
    history.createHistoricProcessInstanceQuery().list().forEach(h -> world.put("history " + h.getId(), h.getState()));
    world.put("operation log", String.valueOf(history.createUserOperationLogQuery().count()));
    for (User user : identity.createUserQuery().list()) {
      UserEntity entity = (UserEntity) user;
      world.put("user " + user.getId(), user.getFirstName() + " " + user.getLastName() + " " + user.getEmail()
          + " password=" + entity.getPassword() + " salt=" + entity.getSalt());
    }
    for (Group group : identity.createGroupQuery().list()) {
      world.put("group " + group.getId(), group.getName() + " " + group.getType() + " members=" + membersOf(group.getId()));
    }
    identity.createTenantQuery().list().forEach(t -> world.put("tenant " + t.getId(), t.getName()));
    authorizations.createAuthorizationQuery().list().forEach(a -> world.put("authorization " + a.getId(), authorization(a)));
    for (Filter filter : filters.createFilterQuery().list()) {
      world.put("filter " + filter.getId(), filter.getName() + " owner=" + filter.getOwner() + " properties="
          + new TreeMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties()) + " query=" + ((FilterEntity) filter).getQueryInternal());
    }
    world.put("mail", String.valueOf(mail.getReceivedMessages().length));
    return world;
  }

  private static String link(IdentityLink link) {
    return link.getType() + " " + (link.getUserId() != null ? "user " + link.getUserId() : "group " + link.getGroupId());
  }

  private static String value(Object value) {
    if (value instanceof byte[] bytes) {
      return "bytes#" + Arrays.hashCode(bytes);
    }
    if (value instanceof Date date) {
      return String.valueOf(date.getTime());
    }
    return String.valueOf(value);
  }

  private static String difference(Map<String, String> before, Map<String, String> after) {
    List<String> changes = new ArrayList<>();
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      String was = before.get(key);
      String is = after.get(key);
      if (!Objects.equals(was, is)) {
        changes.add(was == null ? "+" + key + " (" + shorten(is, 160) + ")" : is == null ? "-" + key
            : key + ": " + shorten(was, 160) + " -> " + shorten(is, 160));
      }
    }
    return changes.size() > 6 ? changes.subList(0, 6) + " and " + (changes.size() - 6) + " more" : changes.toString();
  }
}
