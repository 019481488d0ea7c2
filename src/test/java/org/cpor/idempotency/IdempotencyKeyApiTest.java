package org.cpor.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cpor.support.IntegrationTest;
import org.cpor.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Idempotency-Key on POST /api/claims and POST /api/poe: a retry answers the first answer and creates nothing (no
 * second claim, timeline entry, e-mail or file), another request under a used key is 422, keys are per user, twins
 * at the same moment create one claim, refused requests keep nothing, and keys go after 24 hours.
 */
class IdempotencyKeyApiTest extends IntegrationTest {

  private static final String PARTNER = "grace@fabrikam-partner.com";
  private static final String KEY = "8e03978e-40d5-43e8-bc93-6894a57f9324";

  @Autowired IdempotencyPurge purge;
  @Autowired IdempotentEndpoints endpoints;
  @Autowired DataSource dataSource;
  @LocalServerPort int port;

  private MockHttpServletResponse submit(String user, Object body, String key) throws Exception {
    return mvc.perform(post("/api/claims").with(httpBasic(user, user)).header("Idempotency-Key", key)
        .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn().getResponse();
  }

  private MockHttpServletResponse upload(String user, String fileName, byte[] content, String key) throws Exception {
    return mvc.perform(multipart("/api/poe").file(new MockMultipartFile("file", fileName, "application/pdf", content))
        .with(httpBasic(user, user)).header("Idempotency-Key", key)).andReturn().getResponse();
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  private JsonNode body(MockHttpServletResponse response) throws Exception {
    return json.readTree(response.getContentAsString());
  }

  private static void assertSameAnswer(MockHttpServletResponse replay, MockHttpServletResponse first) throws Exception {
    assertThat(replay.getStatus()).isEqualTo(first.getStatus());
    assertThat(replay.getContentAsString()).isEqualTo(first.getContentAsString());
    assertThat(replay.getHeader("Location")).isNotNull().isEqualTo(first.getHeader("Location"));
    assertThat(replay.getContentType()).isEqualTo(first.getContentType());
    assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
  }

  private static Map<String, Object> adatum() {
    return Map.of("customerTenantId", ADATUM, "customerDomain", "adatum.onmicrosoft.com");
  }

  // --- a retry ----------------------------------------------------------------------------------------------------

  @Test
  void retryWithTheSameKey_answersTheFirstAnswerAndCreatesNothing() throws Exception {
    Map<String, Object> claim = claimBody(Map.of());
    MockHttpServletResponse first = submit("fabrikam-admin", claim, KEY);
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
    assertThat(first.getHeader("Idempotent-Replayed")).isNull();
    String claimId = body(first).get("id").asText();

    MockHttpServletResponse retry = submit("fabrikam-admin", claim, KEY);

    assertSameAnswer(retry, first);
    assertThat(first.getHeader("Location")).isEqualTo("/api/claims/" + claimId);
    assertThat(count("claims")).as("one claim").isEqualTo(1);
    assertThat(count("poe_files")).isEqualTo(1);
    assertThat(read("/api/claims/" + claimId + "/timeline", "fabrikam-admin").findValuesAsText("type")).containsOnlyOnce("SUBMITTED");
    assertThat(subjectsTo(PARTNER)).as("one claim-received e-mail").hasSize(1);

    // the answer is the first one, not the claim as it is now
    validate(claimId, "APPROVED", null, null);
    MockHttpServletResponse later = submit("fabrikam-admin", claim, KEY);
    assertSameAnswer(later, first);
    assertThat(body(later).get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(statusOf(claimId)).isEqualTo("APPROVED");
    assertThat(count("claims")).isEqualTo(1);
  }

  @Test
  void quotedKey_isTheSameKeyAsBare() throws Exception {
    Map<String, Object> claim = claimBody(Map.of());
    MockHttpServletResponse first = submit("fabrikam-admin", claim, "\"" + KEY + "\"");
    assertThat(first.getStatus()).isEqualTo(201);
    assertSameAnswer(submit("fabrikam-admin", claim, KEY), first);
    assertThat(count("claims")).isEqualTo(1);
  }

  @Test
  void sameKeyWithAnotherBody_is422NamingTheHeader() throws Exception {
    Map<String, Object> claim = claimBody(Map.of());
    assertThat(submit("fabrikam-admin", claim, KEY).getStatus()).isEqualTo(201);
    Map<String, Object> other = new java.util.LinkedHashMap<>(claim);
    other.put("name", "Contoso Teams rollout, phase 2");
    other.putAll(adatum());

    MockHttpServletResponse reused = submit("fabrikam-admin", other, KEY);

    assertThat(reused.getStatus()).isEqualTo(422);
    assertThat(reused.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = body(reused);
    assertThat(problem.get("type").asText()).isEqualTo("urn:cpor:problem:idempotency-key-reused");
    assertThat(problem.get("detail").asText()).contains("Idempotency-Key");
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(count("claims")).as("nothing created").isEqualTo(1);

    // the same key on another endpoint is another request too
    MockHttpServletResponse onUpload = upload("fabrikam-admin", "poe.pdf", PDF, KEY);
    assertThat(onUpload.getStatus()).isEqualTo(422);
    assertThat(count("poe_files")).isEqualTo(1);
  }

  @Test
  void twoPartnersWithTheSameKey_getTwoClaims() throws Exception {
    MockHttpServletResponse fabrikam = submit("fabrikam-admin", claimBody(Map.of()), KEY);
    Map<String, Object> northwindClaim = claimBody(Map.of("partnerId", "7654321",
        "poeIds", List.of(uploadPoe("northwind-admin", "northwind-poe.pdf", PDF))));
    MockHttpServletResponse northwind = submit("northwind-admin", northwindClaim, KEY);

    assertThat(fabrikam.getStatus()).isEqualTo(201);
    assertThat(northwind.getStatus()).as(northwind.getContentAsString()).isEqualTo(201);
    assertThat(northwind.getHeader("Idempotent-Replayed")).isNull();
    assertThat(body(northwind).get("id").asText()).isNotEqualTo(body(fabrikam).get("id").asText());
    assertThat(body(northwind).get("partnerId").asText()).isEqualTo("7654321");
    assertThat(count("claims")).isEqualTo(2);
  }

  @Test
  void withoutTheHeader_everyRequestRunsAsBefore() throws Exception {
    MockHttpServletResponse first = postJson("/api/claims", claimBody(Map.of()), "fabrikam-admin").andReturn().getResponse();
    MockHttpServletResponse second = postJson("/api/claims", claimBody(Map.of()), "fabrikam-admin").andReturn().getResponse();

    assertThat(first.getStatus()).isEqualTo(201);
    assertThat(second.getStatus()).as("the duplicate check refuses it, as it always did").isEqualTo(409);
    assertThat(second.getHeader("Idempotent-Replayed")).isNull();
    assertThat(count("idempotency_keys")).isZero();
  }

  // --- refusals -----------------------------------------------------------------------------------------------------

  @Test
  void refusedRequest_keepsNothing_andTheCorrectedRequestMayUseTheSameKey() throws Exception {
    Map<String, Object> wrongDomain = claimBody(Map.of("customerDomain", "adatum.hu"));
    MockHttpServletResponse refused = submit("fabrikam-admin", wrongDomain, KEY);
    assertThat(refused.getStatus()).isEqualTo(422);
    assertThat(body(refused).get("errors").get(0).get("field").asText()).isEqualTo("customerDomain");
    assertThat(count("idempotency_keys")).as("a refusal is not kept").isZero();
    assertThat(count("claims")).isZero();

    Map<String, Object> corrected = new java.util.LinkedHashMap<>(wrongDomain);
    corrected.put("customerDomain", "contoso.onmicrosoft.com");
    MockHttpServletResponse created = submit("fabrikam-admin", corrected, KEY);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    assertThat(count("claims")).isEqualTo(1);
    assertSameAnswer(submit("fabrikam-admin", corrected, KEY), created);
  }

  @Test
  void anIncentivesUsersRefusal_isNotKeptEither() throws Exception {
    MockHttpServletResponse refused = submit("fabrikam-user", claimBody(Map.of()), KEY);
    assertThat(refused.getStatus()).isEqualTo(403);
    assertThat(count("idempotency_keys")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "two words", "ключ", "a\"b", "tab\tinside"})
  void invalidKey_is400NamingTheHeader_andNothingRuns(String key) throws Exception {
    MockHttpServletResponse refused = submit("fabrikam-admin", claimBody(Map.of()), key);

    assertThat(refused.getStatus()).isEqualTo(400);
    JsonNode problem = body(refused);
    assertThat(problem.get("type").asText()).isEqualTo("urn:cpor:problem:invalid-input");
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
    assertThat(problem.get("detail").asText()).startsWith("Idempotency-Key: ");
    assertThat(count("claims")).isZero();
    assertThat(count("idempotency_keys")).isZero();
  }

  @Test
  void tooLongKeyOrTwoKeys_are400WithoutRepeatingTheValue() throws Exception {
    String tooLong = "k".repeat(256);
    MockHttpServletResponse refused = submit("fabrikam-admin", claimBody(Map.of()), tooLong);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(body(refused).get("errors").get(0).get("message").asText()).isEqualTo("may have at most 255 characters (it has 256)");
    assertThat(refused.getContentAsString()).doesNotContain(tooLong);

    MockHttpServletResponse twice = mvc.perform(post("/api/claims").with(httpBasic("fabrikam-admin", "fabrikam-admin"))
        .header("Idempotency-Key", "a", "b").contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(claimBody(Map.of())))).andReturn().getResponse();
    assertThat(twice.getStatus()).isEqualTo(400);
    assertThat(body(twice).get("errors").get(0).get("message").asText()).startsWith("must be sent once");
    assertThat(count("claims")).isZero();
  }

  @Test
  void endpointsNotMarked_ignoreTheHeader() throws Exception {
    mvc.perform(get("/api/claims").with(httpBasic("fabrikam-admin", "fabrikam-admin")).header("Idempotency-Key", "two words"))
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    assertThat(endpoints.all()).extracting(Object::toString).containsExactlyInAnyOrder("POST /api/claims", "POST /api/poe");
  }

  @Test
  void bodyTheApiCannotRead_isAnsweredAsWithoutTheHeader_andNothingIsKept() throws Exception {
    Map<String, Object> huge = new java.util.LinkedHashMap<>(claimBody(Map.of()));
    huge.put("comment", "x".repeat(300 * 1024));
    assertThat(submit("fabrikam-admin", huge, KEY).getStatus()).isEqualTo(413);

    HttpResponse<String> malformed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/poe"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("fabrikam-admin:fabrikam-admin".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=cut-short")
        .header("Idempotency-Key", KEY)
        .POST(HttpRequest.BodyPublishers.ofString("--cut-short\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);

    assertThat(count("idempotency_keys")).isZero();
    assertThat(count("claims")).isZero();
    assertThat(count("poe_files")).as("only the file uploaded for the claim's body").isEqualTo(1);
  }

  // --- at the same moment -----------------------------------------------------------------------------------------

  @Test
  void twinsWithTheSameKeyAtTheSameMoment_createOneClaim() throws Exception {
    int rounds = 6;
    int twins = 3;
    ExecutorService pool = Executors.newFixedThreadPool(twins);
    try {
      for (int round = 0; round < rounds; round++) {
        TestData.reset(jdbc, runtime);
        mail.purgeEmailFromAllMailboxes();
        Map<String, Object> claim = claimBody(Map.of());
        String key = "twins-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
        for (int i = 0; i < twins; i++) {
          answers.add(pool.submit(() -> {
            start.await();
            return submit("fabrikam-admin", claim, key);
          }));
        }
        start.countDown();
        List<MockHttpServletResponse> responses = new ArrayList<>();
        for (Future<MockHttpServletResponse> answer : answers) {
          responses.add(answer.get(60, TimeUnit.SECONDS));
        }

        String said = "round " + round;
        assertThat(count("claims")).as(said).isEqualTo(1);
        List<MockHttpServletResponse> created = responses.stream().filter(r -> r.getStatus() == 201).toList();
        assertThat(created).as(said).isNotEmpty();
        for (MockHttpServletResponse response : responses) {
          if (response.getStatus() == 201) {
            assertThat(response.getContentAsString()).as(said).isEqualTo(created.get(0).getContentAsString());
            assertThat(response.getHeader("Location")).as(said).isEqualTo(created.get(0).getHeader("Location"));
          } else {
            assertThat(response.getStatus()).as(said + ": " + response.getContentAsString()).isEqualTo(409);
            assertThat(body(response).get("type").asText()).isEqualTo("urn:cpor:problem:request-in-progress");
          }
        }
        assertThat(created.stream().filter(r -> r.getHeader("Idempotent-Replayed") == null).count())
            .as(said + ": one request ran, the others answered its answer").isEqualTo(1);
        assertThat(subjectsTo(PARTNER)).as(said).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Another node's request with the same key, begun and not yet committed: its key row, uncommitted. */
  private Connection anotherNodeHolding(String user, String key) throws Exception {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    try (PreparedStatement insert = connection.prepareStatement("""
        insert into idempotency_keys (user_id, idempotency_key, fingerprint, created_at, expires_at) values (?, ?, ?, ?, ?)""")) {
      insert.setString(1, user);
      insert.setString(2, key);
      insert.setString(3, "0".repeat(64));
      insert.setObject(4, NOW.atOffset(ZoneOffset.UTC));
      insert.setObject(5, NOW.plus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC));
      insert.executeUpdate();
    }
    return connection;
  }

  @Test
  void keyHeldByAnotherNodesRequestThatFails_theWaitingRequestRunsItself() throws Exception {
    Map<String, Object> claim = claimBody(Map.of());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection otherNode = anotherNodeHolding("fabrikam-admin", KEY)) {
      Future<MockHttpServletResponse> waiting = pool.submit(() -> submit("fabrikam-admin", claim, KEY));
      Thread.sleep(1_000);
      assertThat(waiting.isDone()).as("waits for the other node's request").isFalse();
      otherNode.rollback();

      MockHttpServletResponse answer = waiting.get(60, TimeUnit.SECONDS);
      assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
      assertThat(answer.getHeader("Idempotent-Replayed")).isNull();
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("claims")).isEqualTo(1);
    assertThat(count("idempotency_keys")).isEqualTo(1);
  }

  @Test
  void keyHeldByAnotherNodesRequestLongerThanTheWait_is409InProgress_thenTheRetryRuns() throws Exception {
    Map<String, Object> claim = claimBody(Map.of());
    try (Connection otherNode = anotherNodeHolding("fabrikam-admin", KEY)) {
      long began = System.nanoTime();
      MockHttpServletResponse inProgress = submit("fabrikam-admin", claim, KEY);
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

      assertThat(inProgress.getStatus()).isEqualTo(409);
      assertThat(inProgress.getHeader("Retry-After")).isEqualTo("1");
      JsonNode problem = body(inProgress);
      assertThat(problem.get("type").asText()).isEqualTo("urn:cpor:problem:request-in-progress");
      assertThat(problem.get("detail").asText()).contains("still in progress");
      assertThat(waitedMillis).as("waited for the other request first").isGreaterThanOrEqualTo(2_500);
      assertThat(count("claims")).isZero();
      otherNode.rollback();
    }
    MockHttpServletResponse retry = submit("fabrikam-admin", claim, KEY);
    assertThat(retry.getStatus()).isEqualTo(201);
    assertThat(count("claims")).isEqualTo(1);
  }

  // --- 24 hours ---------------------------------------------------------------------------------------------------

  @Test
  void keysAreKept24Hours_thenPurged() throws Exception {
    Map<String, Object> claim = claimBody(Map.of());
    MockHttpServletResponse first = submit("fabrikam-admin", claim, KEY);
    assertThat(first.getStatus()).isEqualTo(201);

    setTime(NOW.plus(Duration.ofHours(24)).minusSeconds(1));
    assertThat(purge.purgeExpired()).isZero();
    assertSameAnswer(submit("fabrikam-admin", claim, KEY), first);

    setTime(NOW.plus(Duration.ofHours(24)).plusSeconds(1));
    assertThat(purge.purgeExpired()).isEqualTo(1);
    assertThat(count("idempotency_keys")).isZero();
    assertThat(purge.purgeExpired()).as("a second run, as on another node, finds nothing more").isZero();

    // the key is free again: another request under it runs
    Map<String, Object> other = new java.util.LinkedHashMap<>(claim);
    other.putAll(adatum());
    other.put("poeIds", List.of(uploadPoe("fabrikam-admin", "adatum-poe.pdf", PDF)));
    MockHttpServletResponse again = submit("fabrikam-admin", other, KEY);
    assertThat(again.getStatus()).as(again.getContentAsString()).isEqualTo(201);
    assertThat(again.getHeader("Idempotent-Replayed")).isNull();
    assertThat(count("claims")).isEqualTo(2);
  }

  @Test
  void purgeOnSeveralNodesAtOnce_removesEveryExpiredKeyOnce_andNoOther() throws Exception {
    for (int i = 0; i < 200; i++) {
      jdbc.sql("insert into idempotency_keys (user_id, idempotency_key, fingerprint, created_at, expires_at, response_status, "
              + "response_body) values (?, ?, ?, ?, ?, 201, ?)")
          .params("fabrikam-admin", "key-" + i, "0".repeat(64), NOW.minus(Duration.ofHours(i % 2 == 0 ? 30 : 1)).atOffset(ZoneOffset.UTC),
              NOW.plus(Duration.ofHours(i % 2 == 0 ? -6 : 23)).atOffset(ZoneOffset.UTC), new byte[0])
          .update();
    }
    ExecutorService nodes = Executors.newFixedThreadPool(3);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> removed = new ArrayList<>();
      for (int node = 0; node < 3; node++) {
        removed.add(nodes.submit(() -> {
          start.await();
          return purge.purgeExpired();
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> each : removed) {
        total += each.get(60, TimeUnit.SECONDS);
      }
      assertThat(total).isEqualTo(100);
    } finally {
      nodes.shutdownNow();
    }
    assertThat(count("idempotency_keys")).as("the keys younger than 24 hours stay").isEqualTo(100);
  }

  // --- PoE files and multipart claims -----------------------------------------------------------------------------

  @Test
  void poeUpload_isIdempotent() throws Exception {
    MockHttpServletResponse first = upload("fabrikam-admin", "signed-poe.pdf", PDF, KEY);
    assertThat(first.getStatus()).isEqualTo(201);

    assertSameAnswer(upload("fabrikam-admin", "signed-poe.pdf", PDF, KEY), first);
    assertThat(count("poe_files")).isEqualTo(1);

    assertThat(upload("fabrikam-admin", "other-name.pdf", PDF, KEY).getStatus()).isEqualTo(422);
    assertThat(upload("fabrikam-admin", "signed-poe.pdf", (new String(PDF, StandardCharsets.US_ASCII) + "%extra\n")
        .getBytes(StandardCharsets.US_ASCII), KEY).getStatus()).isEqualTo(422);
    assertThat(count("poe_files")).isEqualTo(1);

    MockHttpServletResponse northwind = upload("northwind-admin", "signed-poe.pdf", PDF, KEY);
    assertThat(northwind.getStatus()).isEqualTo(201);
    assertThat(body(northwind).get("id").asText()).isNotEqualTo(body(first).get("id").asText());
    assertThat(count("poe_files")).isEqualTo(2);
  }

  @Test
  void multipartSubmission_isIdempotent() throws Exception {
    Map<String, Object> claim = new java.util.LinkedHashMap<>(claimBody(Map.of("poeIds", List.of())));
    claim.remove("poeIds");
    byte[] claimPart = json.writeValueAsBytes(claim);
    MockHttpServletResponse first = mvc.perform(multipart("/api/claims")
        .file(new MockMultipartFile("claim", "", "application/json", claimPart))
        .file(new MockMultipartFile("poe", "signed.pdf", "application/pdf", PDF))
        .with(httpBasic("fabrikam-admin", "fabrikam-admin")).header("Idempotency-Key", KEY)).andReturn().getResponse();
    assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);

    MockHttpServletResponse retry = mvc.perform(multipart("/api/claims")
        .file(new MockMultipartFile("poe", "signed.pdf", "application/pdf", PDF))
        .file(new MockMultipartFile("claim", "", "application/json", claimPart))
        .with(httpBasic("fabrikam-admin", "fabrikam-admin")).header("Idempotency-Key", KEY)).andReturn().getResponse();
    assertSameAnswer(retry, first);

    MockHttpServletResponse otherFile = mvc.perform(multipart("/api/claims")
        .file(new MockMultipartFile("claim", "", "application/json", claimPart))
        .file(new MockMultipartFile("poe", "signed-v2.pdf", "application/pdf", PDF))
        .with(httpBasic("fabrikam-admin", "fabrikam-admin")).header("Idempotency-Key", KEY)).andReturn().getResponse();
    assertThat(otherFile.getStatus()).isEqualTo(422);

    assertThat(count("claims")).isEqualTo(1);
    assertThat(count("poe_files")).isEqualTo(1);
    assertThat(subjectsTo(PARTNER)).hasSize(1);
  }

  /** Through the server's own multipart parsing: a client that sends the retry with another boundary. */
  @Test
  void poeUploadOverHttp_retryWithAnotherBoundary_isTheSameRequest() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (String boundary : List.of("first-boundary-1234", "retry-boundary-98765")) {
      byte[] body = multipartBody(boundary, "file", "signed-poe.pdf", "application/pdf", PDF);
      answers.add(client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/poe"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("fabrikam-admin:fabrikam-admin".getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .header("Idempotency-Key", KEY)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }
    assertThat(answers.get(0).statusCode()).as(answers.get(0).body()).isEqualTo(201);
    assertThat(answers.get(1).statusCode()).isEqualTo(201);
    assertThat(answers.get(1).body()).isEqualTo(answers.get(0).body());
    assertThat(answers.get(1).headers().firstValue("Location")).isEqualTo(answers.get(0).headers().firstValue("Location"));
    assertThat(answers.get(1).headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(count("poe_files")).isEqualTo(1);
  }

  private static byte[] multipartBody(String boundary, String name, String fileName, String type, byte[] content) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  // --- the API description ----------------------------------------------------------------------------------------

  @Test
  void openApi_namesTheHeaderOnTheCoveredOperationsOnly() throws Exception {
    JsonNode paths = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString()).get("paths");
    for (String path : List.of("/api/claims", "/api/poe")) {
      List<JsonNode> headers = new ArrayList<>();
      paths.get(path).get("post").path("parameters").forEach(p -> {
        if ("Idempotency-Key".equals(p.get("name").asText())) {
          headers.add(p);
        }
      });
      assertThat(headers).as(path).hasSize(1);
      assertThat(headers.get(0).get("in").asText()).isEqualTo("header");
      assertThat(headers.get(0).get("required").asBoolean()).isFalse();
      assertThat(headers.get(0).get("schema").get("maxLength").asInt()).isEqualTo(255);
      assertThat(paths.get(path).get("post").get("responses").get("422").get("description").asText()).contains("Idempotency-Key");
    }
    assertThat(paths.get("/api/claims/{id}/withdrawal").get("post").path("parameters").findValuesAsText("name"))
        .doesNotContain("Idempotency-Key");
  }
}
