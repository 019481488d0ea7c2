package org.cpor.performance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpor.reliability.Api;
import org.cpor.reliability.Claims;
import org.cpor.reliability.Database;
import org.cpor.reliability.Latencies;
import org.cpor.reliability.Node;
import org.cpor.reliability.Parallel;
import org.cpor.reliability.Poll;
import org.cpor.reliability.Settings;

/**
 * The reads users make while the store holds many claims: a partner's filtered claim list and one claim, the
 * validators' Tasklist filter, the auditors' claims-history search. The store is grown to each size in turn with
 * batched SQL ({@link SeededStore}); the open validation tasks are real ones, {@link #OPEN_TASKS} submissions made
 * over HTTP before the first size (the engine's runtime tables hold open work only, so their number does not grow
 * with the store). Each read is timed after a warm-up, {@code samples} requests one after the other.
 */
public final class ReadsWithData {

  /** Real open validation tasks, made through the product, the same at every size ({@code -Dbench.openTasks}; 20 in the smoke run). */
  public static final int OPEN_TASKS = Settings.number("bench.openTasks",
      Boolean.parseBoolean(Settings.text("bench.smoke", "false")) ? 20 : 300);

  /** The organisation whose admin lists and reads: it holds most of the claims. */
  static final String PARTNER = Claims.FABRIKAM.admin();

  /** Deep page of the partner's list: claims 20 000 to 20 019 of the filter (or the last page when fewer). */
  static final int DEEP_PAGE = 1000;

  /**
   * One read at one store size. {@code read} names the request; {@code claims} is how many claims the store held.
   * A figure whose read starts with {@code seeding} is the time it took to grow the store to that size (p50 = p99).
   */
  public record ReadFigure(long claims, String read, Duration p50, Duration p99, int samples) {

    @Override
    public String toString() {
      return "%,10d claims  %-88s p50 %7.1f ms  p99 %7.1f ms  (%d)".formatted(claims, read, p50.toNanos() / 1e6,
          p99.toNanos() / 1e6, samples);
    }
  }

  private Node node;
  private final Database database;
  private final int samples;
  private final Api api = new Api(Duration.ofSeconds(120));
  private final Random random = new Random(7);
  private final List<ReadFigure> figures = new ArrayList<>();

  ReadsWithData(Node node, Database database, int samples) {
    this.node = node;
    this.database = database;
    this.samples = samples;
  }

  /**
   * Grows the store of a healthy node with demo data to each of {@code claimCounts} in turn (ascending) and measures
   * every read at each size. The node must be the only writer of its database while this runs.
   */
  public static List<ReadFigure> run(Node node, Database database, List<Integer> claimCounts, int samples) {
    ReadsWithData run = new ReadsWithData(node, database, samples);
    run.openTasks();
    SeededStore store = new SeededStore(database);
    for (int size : claimCounts.stream().sorted().toList()) {
      long before = store.claims();
      Duration seeding = store.growTo(size);
      long claims = store.claims();
      run.figures.add(new ReadFigure(claims, "seeding: " + (claims - before) + " claims added with batched SQL, VACUUM ANALYZE included",
          seeding, seeding, 1));
      run.measure(claims);
    }
    return List.copyOf(run.figures);
  }

  /** The node to read from from now on (another build of the product on the same database). */
  void use(Node other) {
    this.node = other;
  }

  List<ReadFigure> figures() {
    return List.copyOf(figures);
  }

  /** {@link #OPEN_TASKS} claims submitted over HTTP, each waiting at its validation task. */
  void openTasks() {
    List<Api.Response> answers = Parallel.map(4, OPEN_TASKS,
        i -> api.submit(node, Claims.partnerOf(i).admin(), Claims.body("reads", i), null));
    answers.forEach(a -> a.expect(201));
    boolean open = Poll.until(Duration.ofMinutes(5), Duration.ofMillis(500), () -> api.get(node, "validator",
        "/engine-rest/task/count?taskDefinitionKey=" + Api.VALIDATION_TASK).expect(200).json().get("count").asLong() >= OPEN_TASKS);
    if (!open) {
      throw new IllegalStateException("the " + OPEN_TASKS + " submissions did not all reach their validation task");
    }
  }

  void measure(long claims) {
    List<String> organisationClaims = database.jdbc().sql("""
        select id from claims where organisation_id = 'fabrikam' order by random() limit 2000""")
        .query(String.class).list();
    String filter = filterId("Claims to validate");
    HttpClient auditor = signIn("auditor");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String history = "/camunda/api/cockpit/plugin/claims-history/default/claims?outcome=OFFICIAL&from="
        + today.minusMonths(9) + "&to=" + today.minusMonths(6);

    time(claims, "GET /api/claims?status=OFFICIAL (partner admin, page 0 of 20)",
        () -> api.get(node, PARTNER, "/api/claims?status=OFFICIAL&page=0&size=20"));
    time(claims, "GET /api/claims?status=OFFICIAL&workload=TEAMS (partner admin, page 0 of 20)",
        () -> api.get(node, PARTNER, "/api/claims?status=OFFICIAL&workload=TEAMS&page=0&size=20"));
    time(claims, "GET /api/claims?status=OFFICIAL (partner admin, page " + DEEP_PAGE + " of 20)",
        () -> api.get(node, PARTNER, "/api/claims?status=OFFICIAL&page=" + DEEP_PAGE + "&size=20"));
    time(claims, "GET /api/claims/{id} (partner admin, random claims of the organisation)",
        () -> api.get(node, PARTNER, "/api/claims/" + organisationClaims.get(random.nextInt(organisationClaims.size()))));
    Map<String, Object> tasklistQuery = Map.of("processVariables", List.of(), "taskVariables", List.of(),
        "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")), "active", true);
    time(claims, "POST /engine-rest/filter/{Claims to validate}/list (as Tasklist: HAL, created desc, 15; " + OPEN_TASKS + " open tasks)",
        () -> tasklist(filter, tasklistQuery));
    time(claims, "POST /engine-rest/filter/{Claims to validate}/count (" + OPEN_TASKS + " open tasks)",
        () -> api.postJson(node, "validator", "/engine-rest/filter/" + filter + "/count", Map.of()));
    time(claims, "GET claims-history search (auditor, outcome=OFFICIAL, 3 months, page 0 of 20)",
        () -> cockpit(auditor, history));
  }

  /** {@code samples} requests after a warm-up of a fifth as many (at least 10); each must answer 200. */
  private void time(long claims, String read, Supplier<Api.Response> call) {
    for (int i = 0; i < Math.max(10, samples / 5); i++) {
      call.get().expect(200);
    }
    Latencies latencies = new Latencies();
    for (int i = 0; i < samples; i++) {
      Api.Response response = call.get().expect(200);
      latencies.add(response.latency());
    }
    ReadFigure figure = new ReadFigure(claims, read, latencies.percentile(50), latencies.percentile(99), latencies.count());
    System.out.println(figure);
    figures.add(figure);
  }

  /** The filter list as Tasklist asks for it: first page of 15, HAL (the cards' variables embedded). */
  private Api.Response tasklist(String filter, Map<String, Object> query) {
    return api.send(node, "validator", api.request(node, "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15")
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Api.toJson(query))),
        Map.of("Accept", "application/hal+json, application/json; q=0.5"));
  }

  private String filterId(String name) {
    for (JsonNode filter : api.get(node, "validator", "/engine-rest/filter?resourceType=Task").expect(200).json()) {
      if (name.equals(filter.get("name").asText())) {
        return filter.get("id").asText();
      }
    }
    throw new IllegalStateException("no Tasklist filter named " + name);
  }

  /** A browser session of the user, signed in on the sign-in page as Cockpit's users are. */
  private HttpClient signIn(String user) {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    try {
      String page = browser.send(HttpRequest.newBuilder(node.uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
      if (!csrf.find()) {
        throw new IllegalStateException("no CSRF token on the sign-in page");
      }
      HttpResponse<String> login = browser.send(HttpRequest.newBuilder(node.uri("/login"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user + "&_csrf=" + csrf.group(1))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
        throw new IllegalStateException(user + " could not sign in: " + login.statusCode());
      }
      return browser;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(node.name() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Api.Response cockpit(HttpClient browser, String path) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = browser.send(HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(120))
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Response(response.statusCode(), response.body(), response.headers().map(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(node.name() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
