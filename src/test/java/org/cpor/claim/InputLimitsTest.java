package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cpor.support.IntegrationTest;
import org.cpor.web.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The documented limits of partner input (Limits): at a limit a request is accepted, one over it is refused with 400
 * naming the field and the limit (413 for a body over 256 KB), and nothing is stored.
 */
class InputLimitsTest extends IntegrationTest {

  private static final String UNKNOWN_TENANT = "11111111-2222-3333-4444-555555555555";
  private static final List<String> EXTRA_WORKLOADS = IntStream.rangeClosed(1, 7).mapToObj(i -> "EXTRA_WORKLOAD_" + i).toList();

  @LocalServerPort int port;

  private long claimCount() {
    return jdbc.sql("select count(*) from claims").query(Long.class).single();
  }

  private long poeCount() {
    return jdbc.sql("select count(*) from poe_files").query(Long.class).single();
  }

  private long attachedPoeCount() {
    return jdbc.sql("select count(*) from poe_files where claim_id is not null").query(Long.class).single();
  }

  private static String email(int length) {
    // 64 characters, @, and a domain of labels of at most 63 characters
    String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(length - 65 - 132) + ".com";
    return "a".repeat(64) + "@" + domain;
  }

  private static String domain253() {
    return "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
  }

  private List<String> uploads(int count) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(uploadPoe("fabrikam-admin", "poe-" + i + ".pdf", PDF));
    }
    return ids;
  }

  private static List<String> randomIds(int count) {
    return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
  }

  private static ResultActions refusedNaming(ResultActions result, String field, String message) throws Exception {
    return result.andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
        .andExpect(jsonPath("$.errors[*].message", hasItem(containsString(message))));
  }

  /** Seven more Modern Work workloads, so that a claim can name twenty allowed ones. */
  private void withTwentyWorkloads(Runnable test) {
    EXTRA_WORKLOADS.forEach(code -> jdbc.sql("insert into workloads (program, code, name) values ('OSU_M365', ?, ?)")
        .params(code, code).update());
    try {
      test.run();
    } finally {
      jdbc.sql("delete from claim_workloads where code like 'EXTRA_WORKLOAD_%'").update();
      jdbc.sql("delete from workloads where code like 'EXTRA_WORKLOAD_%'").update();
    }
  }

  private List<Map<String, Object>> twentyWorkloads() {
    List<Map<String, Object>> workloads = new ArrayList<>();
    jdbc.sql("select code from workloads where program = 'OSU_M365'").query(String.class).list()
        .forEach(code -> workloads.add(Map.of("code", code)));
    assertThat(workloads).hasSize(Limits.WORKLOADS);
    return workloads;
  }

  // --- a claim --------------------------------------------------------------------------------------------------

  @Test
  void claimAtEveryLimit_isAccepted() throws Exception {
    withTwentyWorkloads(() -> {
      try {
        Map<String, Object> body = claimBody(Map.of(
            "name", "N".repeat(120),
            "customerTenantId", UNKNOWN_TENANT,
            "customerDomain", domain253(),
            "workloads", twentyWorkloads(),
            "customerContact", Map.of("name", "C".repeat(120), "title", "T".repeat(120), "email", email(254)),
            "partnerContact", Map.of("name", "P".repeat(120), "email", email(254)),
            "comment", "x".repeat(10_000),
            "poeIds", uploads(20)));
        String response = postJson("/api/claims", body, "fabrikam-admin").andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
        JsonNode claim = json.readTree(response);
        assertThat(claim.get("workloads")).hasSize(20);
        assertThat(claim.get("comment").asText()).hasSize(10_000);
        assertThat(attachedPoeCount()).isEqualTo(20);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  static Stream<Arguments> overALimit() {
    String code65 = "X".repeat(65);
    return Stream.of(
        Arguments.of("name", Map.of("name", "N".repeat(121)), "must be 3 to 120 characters long (it has 121)"),
        Arguments.of("customerContact.name", Map.of("customerContact",
            Map.of("name", "C".repeat(121), "title", "CIO", "email", "ada@contoso.com")), "at most 120 characters"),
        Arguments.of("customerContact.title", Map.of("customerContact",
            Map.of("name", "Ada", "title", "T".repeat(121), "email", "ada@contoso.com")), "at most 120 characters"),
        Arguments.of("customerContact.email", Map.of("customerContact",
            Map.of("name", "Ada", "title", "CIO", "email", email(255))), "at most 254 characters"),
        Arguments.of("customerContact.language", Map.of("customerContact",
            Map.of("name", "Ada", "title", "CIO", "email", "ada@contoso.com", "language", code65)), "at most 64 characters"),
        Arguments.of("partnerContact.name", Map.of("partnerContact",
            Map.of("name", "P".repeat(121), "email", "grace@fabrikam-partner.com")), "at most 120 characters"),
        Arguments.of("partnerContact.email", Map.of("partnerContact", Map.of("name", "Grace", "email", email(255))),
            "at most 254 characters"),
        Arguments.of("comment", Map.of("comment", "x".repeat(10_001)), "at most 10000 characters long (it has 10001)"),
        Arguments.of("partnerId", Map.of("partnerId", "1".repeat(65)), "at most 64 characters"),
        Arguments.of("program", Map.of("program", code65), "at most 64 characters"),
        Arguments.of("customerTenantId", Map.of("customerTenantId", code65), "at most 64 characters"),
        Arguments.of("customerDomain", Map.of("customerDomain", "a".repeat(250) + ".com"), "at most 253 characters"),
        Arguments.of("workloads[0].code", Map.of("workloads", List.of(Map.of("code", code65))), "at most 64 characters"),
        Arguments.of("workloads[0].subscriptionId", Map.of("workloads",
            List.of(Map.of("code", "TEAMS", "subscriptionId", code65))), "at most 64 characters"),
        Arguments.of("workloads", Map.of("workloads", Collections.nCopies(21, Map.of("code", "TEAMS"))),
            "at most 20 workloads (it names 21)"),
        Arguments.of("poeIds[0]", Map.of("poeIds", List.of(code65)), "at most 64 characters"),
        Arguments.of("poeIds", Map.of("poeIds", randomIds(21)), "at most 20 proof-of-execution files at once (there are 21)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overALimit")
  void claimOverALimit_isRefusedNamingTheFieldAndTheLimit_andNothingIsStored(String field, Map<String, Object> changes,
      String message) throws Exception {
    Map<String, Object> body = claimBody(changes);
    long files = poeCount();
    refusedNaming(postJson("/api/claims", body, "fabrikam-admin"), field, message)
        .andExpect(jsonPath("$.errors", hasSize(1)));
    assertThat(claimCount()).as("no claim stored").isZero();
    assertThat(poeCount()).as("no file stored").isEqualTo(files);
    assertThat(attachedPoeCount()).as("no file attached").isZero();
    assertThat(mail.getReceivedMessages()).as("nothing sent").isEmpty();
  }

  static Stream<Arguments> atALimitOfAFormat() {
    String code64 = "X".repeat(64);
    return Stream.of(
        Arguments.of("partnerId", Map.of("partnerId", "1".repeat(64)), "6 to 8 digits"),
        Arguments.of("customerTenantId", Map.of("customerTenantId", code64), "must be a GUID"),
        Arguments.of("workloads[0].code", Map.of("workloads", List.of(Map.of("code", code64))), "unknown workload"),
        Arguments.of("poeIds", Map.of("poeIds", List.of(code64)), "unknown proof-of-execution file"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("atALimitOfAFormat")
  void codeAtItsLimit_isLeftToTheFieldRules(String field, Map<String, Object> changes, String message) throws Exception {
    refusedNaming(postJson("/api/claims", claimBody(changes), "fabrikam-admin"), field, message)
        .andExpect(jsonPath("$.errors[*].message", not(hasItem(containsString("at most 64")))));
    assertThat(claimCount()).isZero();
  }

  @Test
  void eightyThousandWorkloads_areRefusedWith400_andNothingIsStored() throws Exception {
    Map<String, Object> body = claimBody(Map.of("workloads", Collections.nCopies(80_000, Map.of())));
    byte[] bytes = json.writeValueAsBytes(body);
    assertThat(bytes.length).as("a body within 256 KB: the workloads' number is what is refused").isLessThan(Limits.JSON_BODY_BYTES);
    long files = poeCount();
    refusedNaming(mvc.perform(post("/api/claims").with(httpBasic("fabrikam-admin", "fabrikam-admin"))
        .contentType(MediaType.APPLICATION_JSON).content(bytes)), "workloads", "at most 20 workloads (it names 80000)")
        .andExpect(jsonPath("$.errors", hasSize(1)));
    assertThat(claimCount()).isZero();
    assertThat(poeCount()).isEqualTo(files);
  }

  @Test
  void eightyThousandNamedWorkloads_areABodyOver256KB_refusedWith413_andNothingIsStored() throws Exception {
    Map<String, Object> body = claimBody(Map.of("workloads", Collections.nCopies(80_000, Map.of("code", "TEAMS"))));
    long files = poeCount();
    postJson("/api/claims", body, "fabrikam-admin").andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value(containsString("at most 262144 bytes")));
    assertThat(claimCount()).isZero();
    assertThat(poeCount()).isEqualTo(files);
  }

  /** A valid claim's JSON, padded with insignificant white space to exactly this many bytes. */
  private byte[] claimOfBytes(int size) throws Exception {
    String compact = json.writeValueAsString(claimBody(Map.of()));
    String padded = "{" + " ".repeat(size - compact.length()) + compact.substring(1);
    byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
    assertThat(bytes).hasSize(size);
    return bytes;
  }

  @Test
  void bodyOfExactly256KB_isAccepted_oneByteMoreIsRefusedWith413() throws Exception {
    mvc.perform(post("/api/claims").with(httpBasic("fabrikam-admin", "fabrikam-admin")).contentType(MediaType.APPLICATION_JSON)
        .content(claimOfBytes(Limits.JSON_BODY_BYTES))).andExpect(status().isCreated());
    assertThat(claimCount()).isEqualTo(1);

    mvc.perform(post("/api/claims").with(httpBasic("fabrikam-admin", "fabrikam-admin")).contentType(MediaType.APPLICATION_JSON)
        .content(claimOfBytes(Limits.JSON_BODY_BYTES + 1))).andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(claimCount()).isEqualTo(1);
  }

  private HttpRequest.Builder overHttp(String path, String user) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void bodyOver256KBSentWithoutItsLength_isRefusedWith413() throws Exception {
    byte[] bytes = claimOfBytes(Limits.JSON_BODY_BYTES + 1);
    HttpRequest request = overHttp("/api/claims", "fabrikam-admin").header("Content-Type", "application/json")
        // a stream of unknown length is sent chunked, without Content-Length
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
    assertThat(claimCount()).isZero();
  }

  @Test
  void twelveOversizedClaimsAtOnce_leaveAnotherOrganisationsListAnswering() throws Exception {
    submitAs("northwind-admin", Map.of("partnerId", "7654321"));
    byte[] manyWorkloads = json.writeValueAsBytes(claimBody(Map.of("workloads", Collections.nCopies(80_000, Map.of()))));
    byte[] hugeBody = json.writeValueAsBytes(claimBody(Map.of("workloads", Collections.nCopies(80_000, Map.of("code", "TEAMS")))));
    HttpClient client = HttpClient.newHttpClient();
    ExecutorService threads = Executors.newFixedThreadPool(13);
    try {
      List<Future<Integer>> oversized = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        byte[] body = i % 2 == 0 ? manyWorkloads : hugeBody;
        HttpRequest request = overHttp("/api/claims", "fabrikam-admin").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        oversized.add(threads.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()));
      }
      List<Future<HttpResponse<String>>> lists = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        HttpRequest list = overHttp("/api/claims", "northwind-admin").GET().build();
        lists.add(threads.submit(() -> client.send(list, HttpResponse.BodyHandlers.ofString())));
      }
      for (Future<HttpResponse<String>> list : lists) {
        HttpResponse<String> response = list.get(5, TimeUnit.MINUTES);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("total").asLong()).isEqualTo(1);
      }
      for (int i = 0; i < oversized.size(); i++) {
        assertThat(oversized.get(i).get(5, TimeUnit.MINUTES)).isEqualTo(i % 2 == 0 ? 400 : 413);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(claimCount()).as("only Northwind's claim").isEqualTo(1);
  }

  @Test
  void multipartClaim_countsIdsAndFilesSentAlongTogether() throws Exception {
    Map<String, Object> atLimit = claimBody(Map.of("poeIds", uploads(10)));
    MockMultipartHttpServletRequestBuilder accepted = multipart("/api/claims")
        .file(new MockMultipartFile("claim", "", "application/json", json.writeValueAsBytes(atLimit)));
    for (int i = 0; i < 10; i++) {
      accepted.file(new MockMultipartFile("poe", "sent-" + i + ".pdf", "application/pdf", PDF));
    }
    mvc.perform(accepted.with(httpBasic("fabrikam-admin", "fabrikam-admin"))).andExpect(status().isCreated());
    assertThat(attachedPoeCount()).isEqualTo(20);

    Map<String, Object> overLimit = claimBody(Map.of("poeIds", uploads(10), "workloads", List.of(Map.of("code", "INTUNE"))));
    MockMultipartHttpServletRequestBuilder refused = multipart("/api/claims")
        .file(new MockMultipartFile("claim", "", "application/json", json.writeValueAsBytes(overLimit)));
    for (int i = 0; i < 11; i++) {
      refused.file(new MockMultipartFile("poe", "sent-" + i + ".pdf", "application/pdf", PDF));
    }
    long files = poeCount();
    refusedNaming(mvc.perform(refused.with(httpBasic("fabrikam-admin", "fabrikam-admin"))), "poeIds",
        "at most 20 proof-of-execution files at once (there are 21: 10 IDs and 11 files sent along)");
    assertThat(poeCount()).as("none of the files sent along is stored").isEqualTo(files);
    assertThat(claimCount()).isEqualTo(1);
  }

  @Test
  void multipartClaimPartOver256KB_isRefusedWith413() throws Exception {
    Map<String, Object> body = claimBody(Map.of("workloads", Collections.nCopies(80_000, Map.of("code", "TEAMS"))));
    long files = poeCount();
    mvc.perform(multipart("/api/claims")
            .file(new MockMultipartFile("claim", "", "application/json", json.writeValueAsBytes(body)))
            .file(new MockMultipartFile("poe", "one.pdf", "application/pdf", PDF))
            .with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isPayloadTooLarge());
    assertThat(claimCount()).isZero();
    assertThat(poeCount()).isEqualTo(files);
  }

  @Test
  void poeFileNameOver255Characters_isShortenedKeepingItsExtension() throws Exception {
    String response = mvc.perform(multipart("/api/poe")
            .file(new MockMultipartFile("file", "n".repeat(300) + ".pdf", "application/octet-stream", PDF))
            .with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    assertThat(json.readTree(response).get("fileName").asText()).isEqualTo("n".repeat(Limits.FILE_NAME - 4) + ".pdf");
  }

  // --- an answer, a dispute, a withdrawal -----------------------------------------------------------------------

  private String awaitingAnswer() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Where is the signed PoE?");
    return claimId;
  }

  private String rejected() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "REJECTED", "INSUFFICIENT_POE", "Unsigned");
    return claimId;
  }

  @Test
  void answerAtItsLimits_isAccepted() throws Exception {
    String claimId = awaitingAnswer();
    postJson("/api/claims/" + claimId + "/information", Map.of("comment", "a".repeat(10_000), "poeIds", uploads(20)),
        "fabrikam-admin").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
    assertThat(attachedPoeCount()).isEqualTo(21);
  }

  static Stream<Arguments> answerOverALimit() {
    return Stream.of(
        Arguments.of("comment", Map.of("comment", "a".repeat(10_001)), "at most 10000 characters"),
        Arguments.of("poeIds", Map.of("comment", "here", "poeIds", randomIds(21)), "at most 20 proof-of-execution files"),
        Arguments.of("workloads", Map.of("comment", "here", "workloads", Collections.nCopies(21, Map.of("code", "TEAMS"))),
            "at most 20 workloads"),
        Arguments.of("customerContact.name", Map.of("comment", "here", "customerContact",
            Map.of("name", "C".repeat(121), "title", "CIO", "email", "ada@contoso.com")), "at most 120 characters"),
        Arguments.of("partnerContact.email", Map.of("comment", "here", "partnerContact",
            Map.of("name", "Grace", "email", email(255))), "at most 254 characters"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answerOverALimit")
  void answerOverALimit_isRefused_andChangesNothing(String field, Map<String, Object> body, String message) throws Exception {
    String claimId = awaitingAnswer();
    refusedNaming(postJson("/api/claims/" + claimId + "/information", body, "fabrikam-admin"), field, message);
    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
    assertThat(claims.latestInformationRequest(claimId).orElseThrow().answeredAt()).isNull();
    assertThat(claim(claimId).customerContact().name()).isEqualTo("Ada Lovelace");
  }

  @Test
  void disputeAtItsLimits_isAccepted_overThemRefused() throws Exception {
    String refusedClaim = rejected();
    refusedNaming(postJson("/api/claims/" + refusedClaim + "/dispute", Map.of("justification", "j".repeat(10_001)),
        "fabrikam-admin"), "justification", "at most 10000 characters");
    refusedNaming(postJson("/api/claims/" + refusedClaim + "/dispute", Map.of("justification", "see files",
        "poeIds", randomIds(21)), "fabrikam-admin"), "poeIds", "at most 20 proof-of-execution files");
    assertThat(statusOf(refusedClaim)).isEqualTo("REJECTED");
    assertThat(claims.disputeJustification(refusedClaim)).isEmpty();

    postJson("/api/claims/" + refusedClaim + "/dispute", Map.of("justification", "j".repeat(10_000), "poeIds", uploads(20)),
        "fabrikam-admin").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNDER_REVIEW"));
  }

  @Test
  void withdrawalReasonAtItsLimit_isAccepted_overItRefused() throws Exception {
    String claimId = submit(Map.of());
    refusedNaming(postJson("/api/claims/" + claimId + "/withdrawal", Map.of("reason", "r".repeat(10_001)), "fabrikam-admin"),
        "reason", "at most 10000 characters long (it has 10001)");
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    postJson("/api/claims/" + claimId + "/withdrawal", Map.of("reason", "r".repeat(10_000)), "fabrikam-admin")
        .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
  }

  @Test
  void answerInTasklistOverCamundasStringLimit_isRefusedClearlyAndTheTaskStaysOpen() throws Exception {
    String claimId = awaitingAnswer();
    String taskId = task(claimId, "Task_ProvideInformation").getId();
    identity.setAuthentication("fabrikam-admin", List.of("partner-fabrikam-admins"));
    try {
      assertThatThrownBy(() -> tasks.complete(taskId, Map.of("answerComment", "a".repeat(Limits.CAMUNDA_STRING + 1))))
          .hasMessageContaining("at most 4000 characters long (it has 4001)");
      assertThat(task(claimId, "Task_ProvideInformation")).isNotNull();
      assertThat(claims.latestInformationRequest(claimId).orElseThrow().answeredAt()).isNull();

      tasks.complete(taskId, Map.of("answerComment", "a".repeat(Limits.CAMUNDA_STRING)));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(claims.latestInformationRequest(claimId).orElseThrow().answerComment()).hasSize(Limits.CAMUNDA_STRING);
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }

  // --- the portal's forms ---------------------------------------------------------------------------------------

  @Test
  void portalClaimOverTheWorkloadLimit_showsTheFormAgain_andStoresNothing() throws Exception {
    MockMultipartHttpServletRequestBuilder request = multipart("/portal/claims")
        .file(new MockMultipartFile("poe", "signed.pdf", "application/pdf", PDF));
    Map<String, String> fields = Map.of("name", "Portal claim", "partnerId", "4567890", "program", "OSU_M365",
        "customerTenantId", CONTOSO, "customerDomain", "contoso.com", "customerContactName", "Ada Lovelace",
        "customerContactTitle", "CIO", "customerContactEmail", "ada@contoso.com", "partnerContactName", "Grace Hopper",
        "partnerContactEmail", "grace@fabrikam-partner.com");
    fields.forEach(request::param);
    request.param("workloads", Collections.nCopies(21, "TEAMS").toArray(String[]::new));
    mvc.perform(request.with(httpBasic("fabrikam-admin", "fabrikam-admin")).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("may name at most 20 workloads (it names 21)")));
    assertThat(claimCount()).isZero();
    assertThat(poeCount()).isZero();
  }

  @Test
  void portalAnswerWithTooManyFiles_isRefused_andStoresNoFile() throws Exception {
    String claimId = awaitingAnswer();
    long files = poeCount();
    MockMultipartHttpServletRequestBuilder request = multipart("/portal/claims/" + claimId + "/information");
    for (int i = 0; i < 21; i++) {
      request.file(new MockMultipartFile("poe", "answer-" + i + ".pdf", "application/pdf", PDF));
    }
    request.param("comment", "All of them").param("workloads", "TEAMS", "EXCHANGE_ONLINE");
    mvc.perform(request.with(httpBasic("fabrikam-admin", "fabrikam-admin")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", containsString("at most 20 proof-of-execution files")));
    assertThat(poeCount()).isEqualTo(files);
    assertThat(statusOf(claimId)).isEqualTo("PARTNER_ACTION_REQUIRED");
  }

  @Test
  void portalDisputeOverTheJustificationLimit_isRefused_andStoresNoFile() throws Exception {
    String claimId = rejected();
    long files = poeCount();
    mvc.perform(multipart("/portal/claims/" + claimId + "/dispute")
            .file(new MockMultipartFile("poe", "new.pdf", "application/pdf", PDF))
            .param("justification", "j".repeat(10_001))
            .with(httpBasic("fabrikam-admin", "fabrikam-admin")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("error", containsString("at most 10000 characters")));
    assertThat(poeCount()).isEqualTo(files);
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
  }
}
