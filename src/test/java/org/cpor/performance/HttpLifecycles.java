package org.cpor.performance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpor.reliability.Api;
import org.cpor.reliability.Claims;
import org.cpor.reliability.Node;

/**
 * Claim lifecycles over HTTP, as users drive them: the partner uploads the PoE ({@code POST /api/poe}) and submits
 * ({@code POST /api/claims}); the validator finds the claim's validation task ({@code GET /engine-rest/task}) and
 * approves it ({@code POST /engine-rest/task/{id}/complete}); the node's job executor notifies the customer; the
 * customer's opt-out window elapses ({@code GET /engine-rest/job?activityId=BoundaryEvent_OptOutWindowElapsed},
 * {@code POST /engine-rest/job/{id}/execute}, as an administrator); the partner reads the claim until it is OFFICIAL
 * ({@code GET /api/claims/{id}}). Each of {@code clients} threads repeats lifecycles back to back.
 */
final class HttpLifecycles {

  static final String POE = "POST /api/poe";
  static final String SUBMIT = "POST /api/claims";
  static final String FIND_TASK = "GET /engine-rest/task";
  static final String COMPLETE = "POST /engine-rest/task/{id}/complete";
  static final String FIND_TIMER = "GET /engine-rest/job";
  static final String EXECUTE_TIMER = "POST /engine-rest/job/{id}/execute";
  static final String READ = "GET /api/claims/{id}";
  static final List<String> CALLS = List.of(POE, SUBMIT, FIND_TASK, COMPLETE, FIND_TIMER, EXECUTE_TIMER, READ);

  /** Pause between two looks at something the job executor does (the customer's notification). */
  private static final long POLL_MILLIS = 20;
  private static final Duration GIVE_UP = Duration.ofSeconds(60);

  private final Node node;
  private final Api api = new Api(Duration.ofSeconds(60));
  private final String jdbcUrl;
  private final String dbUser;
  private final String dbPassword;

  /** {@code jdbcUrl} is the node's PostgreSQL database (for its statistics), or null on H2. */
  HttpLifecycles(Node node, String jdbcUrl, String dbUser, String dbPassword) {
    this.node = node;
    this.jdbcUrl = jdbcUrl;
    this.dbUser = dbUser;
    this.dbPassword = dbPassword;
  }

  /** {@code clients} threads for {@code warmup} (not measured), then for {@code measured}. */
  LifecycleRun run(String what, int clients, Duration warmup, Duration measured) {
    return LifecycleRun.drive(what, clients, warmup, measured, () -> LifecycleRun.start(node.pid(), jdbcUrl, dbUser, dbPassword),
        (window, number) -> lifecycle(window, number));
  }

  /** One claim from submission to OFFICIAL; each call's latency goes to the window when it is measured. */
  private void lifecycle(LifecycleRun.Window window, int number) {
    Claims.Partner partner = Claims.partnerOf(number);
    Map<String, Object> body = new LinkedHashMap<>(Claims.body("bench", number));

    String poeId = measure(window, POE, api.uploadPoe(node, partner.admin()), 201).json().get("id").asText();
    body.put("poeIds", List.of(poeId));
    String claimId = measure(window, SUBMIT, api.postJson(node, partner.admin(), "/api/claims", body), 201).json().get("id").asText();

    JsonNode task = awaitOne(window, FIND_TASK, "validator", "/engine-rest/task?processInstanceBusinessKey=" + claimId
        + "&taskDefinitionKey=" + Api.VALIDATION_TASK);
    measure(window, COMPLETE, api.completeValidation(node, task.get("id").asText(), "APPROVED", null, null), 204);

    JsonNode timer = awaitOne(window, FIND_TIMER, "admin", "/engine-rest/job?processInstanceId=" + task.get("processInstanceId").asText()
        + "&activityId=" + Api.OPT_OUT_TIMER);
    measure(window, EXECUTE_TIMER, api.postJson(node, "admin", "/engine-rest/job/" + timer.get("id").asText() + "/execute", Map.of()), 204);

    long giveUp = System.nanoTime() + GIVE_UP.toNanos();
    while (!"OFFICIAL".equals(measure(window, READ, api.claim(node, partner.admin(), claimId), 200).json().get("status").asText())) {
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("claim " + claimId + " not OFFICIAL after " + GIVE_UP);
      }
      Node.sleep(POLL_MILLIS);
    }
  }

  /** The first element of a list the node answers, asked again until there is one (something asynchronous is due). */
  private JsonNode awaitOne(LifecycleRun.Window window, String call, String user, String pathAndQuery) {
    long giveUp = System.nanoTime() + GIVE_UP.toNanos();
    while (true) {
      JsonNode list = measure(window, call, api.get(node, user, pathAndQuery), 200).json();
      if (!list.isEmpty()) {
        return list.get(0);
      }
      if (System.nanoTime() > giveUp) {
        throw new IllegalStateException("nothing at " + pathAndQuery + " after " + GIVE_UP);
      }
      Node.sleep(POLL_MILLIS);
    }
  }

  private Api.Response measure(LifecycleRun.Window window, String call, Api.Response response, int expected) {
    if (window != null) {
      window.call(call).add(response.latency());
    }
    return response.expect(expected);
  }
}
