package org.cpor.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The whole application with its real database, engine (job executor off: jobs and timers run when a test says
 * so, at the engine time the test sets) and a real SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
@Import({SqlStatements.Counting.class, TestClock.class, ProcessCoverage.class})
public abstract class IntegrationTest {

  /** A Wednesday, 14:30 UTC, with no holiday in the following weeks. */
  protected static final Instant NOW = Instant.parse("2026-12-02T14:30:00Z");

  protected static final String CONTOSO = "0b6f3a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  protected static final String ADATUM = "5d1c9e2a-7b3f-4c8d-9e0f-1a2b3c4d5e6f";

  @Autowired protected MockMvc mvc;
  @Autowired protected ObjectMapper json;
  @Autowired protected JdbcClient jdbc;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected IdentityService identity;
  @Autowired protected HistoryService history;
  @Autowired protected ClaimStore claims;
  /** The product's "now", which the engine's clock follows. */
  @Autowired protected TestClock clock;
  /** Counts the SQL statements a test's requests run. */
  @Autowired protected SqlStatements sql;

  protected final GreenMail mail = TestMailServer.get();
  /** The product's way to the mail server: a test takes it down or makes it hang, and it is up again after each test. */
  protected final MailLine mailLine = TestMailServer.line();

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> TestMailServer.line().port());
  }

  @BeforeEach
  void startFromNothing() throws Exception {
    clock.set(NOW);
    identity.clearAuthentication();
    TestData.reset(jdbc, runtime);
    mail.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void resetClock() {
    mailLine.up();
    clock.reset();
    identity.clearAuthentication();
  }

  // --- claims ---------------------------------------------------------------------------------------------------

  /** A small PDF, as proof of execution. */
  protected static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
      .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Uploads a PoE file through the API and answers its ID. */
  protected String uploadPoe(String user, String fileName, byte[] content) throws Exception {
    String response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/poe")
            .file(new org.springframework.mock.web.MockMultipartFile("file", fileName, "application/octet-stream", content))
            .with(httpBasic(user, user)))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(response).get("id").asText();
  }

  /** A valid claim body for Fabrikam, with a fresh PoE file; {@code changes} replace top-level fields. */
  protected Map<String, Object> claimBody(Map<String, Object> changes) throws Exception {
    return claimBody("fabrikam-admin", changes);
  }

  private Map<String, Object> claimBody(String user, Map<String, Object> changes) throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("name", "Contoso Teams rollout");
    body.put("partnerId", "4567890");
    body.put("program", "OSU_M365");
    body.put("customerTenantId", CONTOSO);
    body.put("customerDomain", "contoso.onmicrosoft.com");
    body.put("workloads", List.of(Map.of("code", "TEAMS"), Map.of("code", "EXCHANGE_ONLINE")));
    body.put("customerContact", Map.of("name", "Ada Lovelace", "title", "CIO", "email", "ada@contoso.com", "language", "en"));
    body.put("partnerContact", Map.of("name", "Grace Hopper", "email", "grace@fabrikam-partner.com"));
    body.put("incentiveOptOut", false);
    body.put("comment", "Deployment finished in October");
    if (!changes.containsKey("poeIds")) {
      body.put("poeIds", List.of(uploadPoe(user, "signed-poe.pdf", PDF)));
    }
    body.putAll(changes);
    return body;
  }

  protected ResultActions postJson(String url, Object body, String user) throws Exception {
    return mvc.perform(post(url).with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body)));
  }

  /** Submits through the API as fabrikam-admin and answers the new claim's ID. */
  protected String submit(Map<String, Object> changes) throws Exception {
    return submitAs("fabrikam-admin", changes);
  }

  protected String submitAs(String user, Map<String, Object> changes) throws Exception {
    String response = postJson("/api/claims", claimBody(user, changes), user).andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    return json.readTree(response).get("id").asText();
  }

  protected JsonNode read(String url, String user) throws Exception {
    return json.readTree(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url)
        .with(httpBasic(user, user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }

  protected Claim claim(String claimId) {
    return claims.get(claimId);
  }

  // --- process --------------------------------------------------------------------------------------------------

  protected ProcessInstance instance(String claimId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(claimId).singleResult();
  }

  protected Task task(String claimId, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(claimId).taskDefinitionKey(taskKey).singleResult();
  }

  /** A validator completes the validation task with these variables. */
  protected void validate(String claimId, String outcome, String reasons, String comment) {
    Task task = task(claimId, "Task_ValidateClaim");
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("validationOutcome", outcome);
    variables.put("validationReasons", reasons);
    variables.put("validationComment", comment);
    identity.setAuthentication("validator", List.of("validators"));
    try {
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  protected Job job(String claimId) {
    return management.createJobQuery().processInstanceId(instance(claimId).getId()).singleResult();
  }

  protected Job timer(String claimId, String activityId) {
    return management.createJobQuery().processInstanceId(instance(claimId).getId()).activityId(activityId).timers().singleResult();
  }

  /** Moves the engine's time to the job's due date and runs it, as the job executor would. */
  protected void runWhenDue(Job job) {
    clock.set(job.getDuedate().toInstant());
    management.executeJob(job.getId());
  }

  protected void setTime(Instant instant) {
    clock.set(instant);
  }

  /** Signs in on the portal's page, then uses the webapps with that session only. */
  protected java.net.http.HttpClient signedIn(int port, String user) throws Exception {
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    org.assertj.core.api.Assertions.assertThat(csrf.find()).isTrue();
    java.net.http.HttpResponse<String> login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf=" + csrf.group(1))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(login.statusCode()).isEqualTo(302);
    return browser;
  }

  // --- mail -----------------------------------------------------------------------------------------------------

  protected List<MimeMessage> mailTo(String recipient) throws Exception {
    return Arrays.stream(mail.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  protected List<String> subjectsTo(String recipient) throws Exception {
    return mailTo(recipient).stream().map(m -> {
      try {
        return m.getSubject();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  protected static String body(MimeMessage message) throws Exception {
    return message.getContent().toString().replace("\r\n", "\n");
  }

  protected String statusOf(String claimId) {
    return claim(claimId).status().name();
  }
}
