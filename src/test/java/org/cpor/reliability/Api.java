package org.cpor.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The product's HTTP interfaces as its users call them: the partner API ({@code /api}, HTTP Basic), the engine REST API
 * ({@code /engine-rest}) as a validator or an administrator, and the public pages. Demo users' passwords equal their
 * IDs. A call that cannot reach the node throws {@link Unreachable}; every other outcome is a {@link Response}.
 */
public final class Api {

  public static final String VALIDATION_TASK = "Task_ValidateClaim";
  public static final String OPT_OUT_TIMER = "BoundaryEvent_OptOutWindowElapsed";
  public static final String NOTIFY_CUSTOMER = "Task_NotifyCustomer";

  /** A small PDF, as proof of execution. */
  public static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);

  public static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final Duration timeout;

  public Api(Duration timeout) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    this.timeout = timeout;
  }

  public Api() {
    this(Duration.ofSeconds(60));
  }

  /** What a node answered, and how long it took. */
  public record Response(int status, String body, Map<String, List<String>> headers, Duration latency) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    /** The response, when its status is {@code expected}; else an error naming what came instead. */
    public Response expect(int expected) {
      if (status != expected) {
        throw new UnexpectedStatus(expected, this);
      }
      return this;
    }

    public boolean is2xx() {
      return status >= 200 && status < 300;
    }
  }

  /** The node did not answer: connection refused or reset, or no answer within the timeout. */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static final class UnexpectedStatus extends RuntimeException {
    final transient Response response;

    UnexpectedStatus(int expected, Response response) {
      super("expected " + expected + ", got " + response.status() + ": " + abbreviate(response.body()));
      this.response = response;
    }
  }

  // --- plain calls ------------------------------------------------------------------------------------------------

  public Response get(Node node, String user, String pathAndQuery) {
    return send(node, user, request(node, pathAndQuery).GET(), Map.of());
  }

  public Response postJson(Node node, String user, String path, Object body) {
    return postJson(node, user, path, body, Map.of());
  }

  public Response postJson(Node node, String user, String path, Object body, Map<String, String> headers) {
    return send(node, user, request(node, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(toJson(body))), headers);
  }

  public Response putJson(Node node, String user, String path, Object body) {
    return send(node, user, request(node, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))), Map.of());
  }

  /** Sends a request built by the caller (pages, forms, cookies), with HTTP Basic when {@code user} is not null. */
  public Response send(Node node, String user, HttpRequest.Builder request, Map<String, String> headers) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    headers.forEach(request::header);
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map(), Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new Unreachable(node.name() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public HttpRequest.Builder request(Node node, String pathAndQuery) {
    return HttpRequest.newBuilder(node.uri(pathAndQuery)).timeout(timeout);
  }

  // --- claims -----------------------------------------------------------------------------------------------------

  /**
   * A submission as the API describes it first: the PoE file uploaded ({@code POST /api/poe}), then the claim with its
   * {@code poeIds} ({@code POST /api/claims}, JSON). Answers the claim's response, with the latency of both calls.
   * {@code idempotencyKey} goes into the {@code Idempotency-Key} header of the claim's call when not null.
   */
  public Response submit(Node node, String user, Map<String, Object> claim, String idempotencyKey) {
    Response upload = uploadPoe(node, user);
    if (upload.status() != 201) {
      return upload;
    }
    Map<String, Object> body = new LinkedHashMap<>(claim);
    body.put("poeIds", List.of(upload.json().get("id").asText()));
    Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
    Response created = postJson(node, user, "/api/claims", body, headers);
    return new Response(created.status(), created.body(), created.headers(), created.latency().plus(upload.latency()));
  }

  /** {@code POST /api/poe}: one PDF as multipart part {@code file}. */
  public Response uploadPoe(Node node, String user) {
    String boundary = "reliability-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "file", "signed-poe.pdf", "application/pdf", PDF);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return send(node, user, request(node, "/api/poe").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), Map.of());
  }

  /**
   * A submission in one request, as the portal's form sends it: {@code POST /api/claims} as multipart, a {@code claim}
   * JSON part and a {@code poe} PDF part.
   */
  public Response submitMultipart(Node node, String user, Map<String, Object> claim, String idempotencyKey) {
    String boundary = "reliability-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "claim", null, "application/json", toJson(claim).getBytes(StandardCharsets.UTF_8));
    part(body, boundary, "poe", "signed-poe.pdf", "application/pdf", PDF);
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
    return send(node, user, request(node, "/api/claims").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), headers);
  }

  private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, String contentType, byte[] content) {
    String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + contentType + "\r\n\r\n";
    body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code GET /api/claims/{id}} as the claim's organisation's admin. */
  public Response claim(Node node, String user, String claimId) {
    return get(node, user, "/api/claims/" + claimId);
  }

  /** Every claim the user's organisation has, through the API's pages of 200 (newest first). */
  public List<JsonNode> allClaims(Node node, String user) {
    return allItems(node, user, "/api/claims?size=200");
  }

  /** Every association the user's organisation has (or the {@code status} given), through pages of 200. */
  public List<JsonNode> allAssociations(Node node, String user, String status) {
    return allItems(node, user, "/api/associations?size=200" + (status == null ? "" : "&status=" + status));
  }

  private List<JsonNode> allItems(Node node, String user, String path) {
    List<JsonNode> items = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonNode answer = get(node, user, path + "&page=" + page).expect(200).json();
      answer.get("items").forEach(items::add);
      if (answer.get("items").isEmpty() || items.size() >= answer.get("total").asLong()) {
        return items;
      }
    }
  }

  // --- the validator, through /engine-rest -----------------------------------------------------------------------

  /** The claim's open validation task, as the validator finds it; null when there is none. */
  public String validationTask(Node node, String claimId) {
    JsonNode tasks = get(node, "validator", "/engine-rest/task?processInstanceBusinessKey=" + encode(claimId)
        + "&taskDefinitionKey=" + VALIDATION_TASK).expect(200).json();
    return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
  }

  /** The validator completes the validation task: {@code validationOutcome}, reasons and comment as the API names them. */
  public Response completeValidation(Node node, String taskId, String outcome, String reasons, String comment) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("validationOutcome", Map.of("value", outcome));
    if (reasons != null) {
      variables.put("validationReasons", Map.of("value", reasons));
    }
    if (comment != null) {
      variables.put("validationComment", Map.of("value", comment));
    }
    return postJson(node, "validator", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  /** The validator approves the claim (finds its validation task and completes it); answers the completion. */
  public Response approve(Node node, String claimId) {
    String task = validationTask(node, claimId);
    if (task == null) {
      throw new IllegalStateException("claim " + claimId + " has no validation task");
    }
    return completeValidation(node, task, "APPROVED", null, null);
  }

  // --- the administrator, through /engine-rest -------------------------------------------------------------------

  /** Jobs of an activity (e.g. the opt-out timers), as an administrator lists them, all pages. */
  public List<JsonNode> jobs(Node node, String query) {
    List<JsonNode> jobs = new ArrayList<>();
    for (int first = 0; ; first += 500) {
      JsonNode page = get(node, "admin", "/engine-rest/job?" + query + "&firstResult=" + first + "&maxResults=500").expect(200).json();
      page.forEach(jobs::add);
      if (page.size() < 500) {
        return jobs;
      }
    }
  }

  /** An administrator moves a job's due date ({@code PUT /engine-rest/job/{id}/duedate}). */
  public Response setDueDate(Node node, String jobId, Instant dueDate) {
    return putJson(node, "admin", "/engine-rest/job/" + jobId + "/duedate", Map.of("duedate", engineDate(dueDate)));
  }

  /** An administrator gives a failed job retries again ({@code PUT /engine-rest/job/{id}/retries}), as Cockpit's retry does. */
  public Response setRetries(Node node, String jobId, int retries) {
    return putJson(node, "admin", "/engine-rest/job/" + jobId + "/retries", Map.of("retries", retries));
  }

  /** The process instance of a claim (running), or null. */
  public JsonNode processInstance(Node node, String claimId) {
    JsonNode instances = get(node, "admin", "/engine-rest/process-instance?businessKey=" + encode(claimId)).expect(200).json();
    return instances.isEmpty() ? null : instances.get(0);
  }

  /** The engine REST API's date format. */
  public static String engineDate(Instant instant) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(java.time.ZoneOffset.UTC).format(instant);
  }

  public static Instant fromEngineDate(String text) {
    return java.time.OffsetDateTime.parse(text, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static String toJson(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static String abbreviate(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
