package org.cpor.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Clients that drive claims to a stop, the way users do, against nodes that may die at any moment: a partner submits
 * (with an {@code Idempotency-Key}, the same on every retry) and answers information requests or withdraws, the
 * validator decides through {@code /engine-rest}, an administrator makes an opt-out window end now. Each step first
 * reads the claim's status through the API and does what that status asks for, so a step whose answer was lost is
 * never done twice by mistake: its effect is simply seen on the next read. A connection error or a 5xx is tried again
 * on the next node after a short pause.
 */
final class ClaimDriver {

  /** Where a claim waits, or ends. */
  enum Stop { VALIDATION, INFORMATION_REQUESTED, CUSTOMER_WINDOW, OFFICIAL, REJECTED, WITHDRAWN }

  /** How a submission's retry was answered. */
  enum Retried { NOT_RETRIED, RETRY_CREATED_OR_RETURNED_IT, RETRY_REFUSED_AS_DUPLICATE_FOUND_BY_TENANT }

  /** One claim and what its client knows of it. */
  static final class DrivenClaim {
    final int number;
    final Claims.Partner partner;
    final Map<String, Object> body;
    final String idempotencyKey = UUID.randomUUID().toString();
    volatile String poeId;
    volatile String id;
    volatile boolean answered201;
    volatile int submitAttempts;
    volatile Retried retried = Retried.NOT_RETRIED;
    volatile String status;
    volatile String problem;

    DrivenClaim(String run, int number) {
      this.number = number;
      this.partner = Claims.partnerOf(number);
      this.body = Claims.body(run, number);
    }

    String tenant() {
      return (String) body.get("customerTenantId");
    }

    String customerEmail() {
      return (String) ((Map<?, ?>) body.get("customerContact")).get("email");
    }
  }

  private final Cluster cluster;
  private final Api api;
  final AtomicLong connectionErrors = new AtomicLong();
  final AtomicLong serverErrors = new AtomicLong();
  final AtomicLong actions = new AtomicLong();
  final List<String> serverErrorExamples = new CopyOnWriteArrayList<>();
  final Map<String, AtomicLong> unexpected = new ConcurrentHashMap<>();

  ClaimDriver(Cluster cluster, Api api) {
    this.cluster = cluster;
    this.api = api;
  }

  /**
   * Drives every claim to its stop with {@code clients} threads; answers the claims that did not get there within
   * {@code timeout}.
   */
  List<DrivenClaim> drive(List<DrivenClaim> claims, Function<DrivenClaim, Stop> stop, int clients, Duration timeout) {
    DelayQueue<Turn> queue = new DelayQueue<>();
    claims.forEach(c -> queue.add(new Turn(c, Instant.now())));
    Instant deadline = Instant.now().plus(timeout);
    List<DrivenClaim> done = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      pool.submit(() -> {
        while (done.size() < claims.size() && Instant.now().isBefore(deadline)) {
          Turn turn;
          try {
            turn = queue.poll(1, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            return;
          }
          if (turn == null) {
            continue;
          }
          Duration wait;
          try {
            wait = advance(turn.claim, stop.apply(turn.claim));
          } catch (RuntimeException e) {
            turn.claim.problem = e.toString();
            wait = Duration.ofSeconds(2);
          }
          if (wait == null) {
            done.add(turn.claim);
          } else {
            queue.add(new Turn(turn.claim, Instant.now().plus(wait)));
          }
        }
      });
    }
    pool.shutdown();
    try {
      pool.awaitTermination(timeout.toSeconds() + 60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow();
    List<DrivenClaim> notThere = new ArrayList<>(claims);
    notThere.removeAll(done);
    return notThere;
  }

  /** One step towards the stop; null when the claim is there, else how long to wait before the next look. */
  private Duration advance(DrivenClaim claim, Stop stop) {
    if (claim.id == null) {
      return submit(claim) ? Duration.ZERO : Duration.ofSeconds(1);
    }
    Api.Response read = call(node -> api.claim(node, claim.partner.admin(), claim.id));
    if (read == null || read.status() != 200) {
      return Duration.ofSeconds(1);
    }
    JsonNode view = read.json();
    String status = view.get("status").asText();
    claim.status = status;
    switch (status) {
      case "UNDER_REVIEW":
        if (stop == Stop.VALIDATION) {
          return null;
        }
        String outcome = stop == Stop.INFORMATION_REQUESTED ? "INFORMATION_REQUESTED" : stop == Stop.REJECTED ? "REJECTED" : "APPROVED";
        return decide(claim, outcome);
      case "PARTNER_ACTION_REQUIRED":
        if (stop == Stop.INFORMATION_REQUESTED) {
          return null;
        }
        act(node -> api.postJson(node, claim.partner.admin(), "/api/claims/" + claim.id + "/information",
            Map.of("comment", "The signed PoE is attached")));
        return Duration.ZERO;
      case "APPROVED":
        if (view.get("optOutDeadline").isNull()) {
          return Duration.ofSeconds(2);
        }
        if (stop == Stop.CUSTOMER_WINDOW) {
          return null;
        }
        if (stop == Stop.WITHDRAWN) {
          act(node -> api.postJson(node, claim.partner.admin(), "/api/claims/" + claim.id + "/withdrawal",
              Map.of("reason", "The customer asked us to withdraw")));
          return Duration.ZERO;
        }
        endWindowNow(claim);
        return Duration.ofSeconds(3);
      case "OFFICIAL", "REJECTED", "WITHDRAWN":
        if (status.equals(stop.name())) {
          return null;
        }
        unexpected.computeIfAbsent(status + " instead of " + stop, k -> new AtomicLong()).incrementAndGet();
        claim.problem = "ended " + status + " instead of " + stop;
        return null;
      default:
        // SUBMITTED (the validation task does not exist yet) or anything else: look again
        unexpected.computeIfAbsent("seen " + status, k -> new AtomicLong()).incrementAndGet();
        return Duration.ofSeconds(1);
    }
  }

  /**
   * The partner submits: PoE first (once), then the claim with the Idempotency-Key, both retried until answered. A
   * 409 on a retry means an earlier attempt was stored but its answer lost: the client finds its claim by tenant.
   */
  private boolean submit(DrivenClaim claim) {
    Node node = cluster.next();
    try {
      if (claim.poeId == null) {
        Api.Response upload = api.uploadPoe(node, claim.partner.admin());
        if (upload.status() != 201) {
          serverError(upload, "PoE upload");
          return false;
        }
        claim.poeId = upload.json().get("id").asText();
      }
      Map<String, Object> body = new java.util.LinkedHashMap<>(claim.body);
      body.put("poeIds", List.of(claim.poeId));
      claim.submitAttempts++;
      Api.Response created = api.postJson(node, claim.partner.admin(), "/api/claims", body, Map.of("Idempotency-Key", claim.idempotencyKey));
      if (created.status() == 201 || created.status() == 200) {
        claim.id = created.json().get("id").asText();
        claim.answered201 = created.status() == 201;
        claim.retried = claim.submitAttempts > 1 ? Retried.RETRY_CREATED_OR_RETURNED_IT : Retried.NOT_RETRIED;
        return true;
      }
      if (created.status() == 409 && claim.submitAttempts > 1) {
        JsonNode found = api.get(node, claim.partner.admin(), "/api/claims?tenantId=" + claim.tenant()).expect(200).json().get("items");
        if (found.size() > 0) {
          claim.id = found.get(0).get("id").asText();
          claim.retried = Retried.RETRY_REFUSED_AS_DUPLICATE_FOUND_BY_TENANT;
          return true;
        }
      }
      serverError(created, "submission");
      return false;
    } catch (Api.Unreachable e) {
      connectionErrors.incrementAndGet();
      Node.sleep(300);
      return false;
    }
  }

  /** What {@link #decide} answers when the claim has no validation task (as opposed to null: no answer). */
  private static final Api.Response NO_TASK = new Api.Response(0, "", Map.of(), Duration.ZERO);

  /** The validator completes the claim's validation task, when it has one. */
  private Duration decide(DrivenClaim claim, String outcome) {
    Api.Response completed = call(node -> {
      String task = api.validationTask(node, claim.id);
      if (task == null) {
        return NO_TASK;
      }
      return switch (outcome) {
        case "INFORMATION_REQUESTED" -> api.completeValidation(node, task, outcome, "MISSING_POE", "Please attach the customer-signed PoE");
        case "REJECTED" -> api.completeValidation(node, task, outcome, "INSUFFICIENT_POE", "The PoE is not signed by the customer");
        default -> api.completeValidation(node, task, outcome, null, null);
      };
    });
    actions.incrementAndGet();
    if (completed == NO_TASK) {
      // the consistency rule says this cannot be seen: UNDER_REVIEW means the task exists
      unexpected.computeIfAbsent("UNDER_REVIEW without a validation task", k -> new AtomicLong()).incrementAndGet();
      return Duration.ofSeconds(1);
    }
    return completed != null && completed.is2xx() ? Duration.ZERO : Duration.ofSeconds(1);
  }

  /** An administrator makes the claim's opt-out window end now (its timer's due date). */
  private void endWindowNow(DrivenClaim claim) {
    call(node -> {
      JsonNode instance = api.processInstance(node, claim.id);
      if (instance == null) {
        return null;
      }
      List<JsonNode> timers = api.jobs(node, "activityId=" + Api.OPT_OUT_TIMER + "&processInstanceId=" + instance.get("id").asText());
      if (timers.isEmpty()) {
        return null;
      }
      Instant due = Api.fromEngineDate(timers.get(0).get("dueDate").asText());
      return due.isAfter(Instant.now()) ? api.setDueDate(node, timers.get(0).get("id").asText(), Instant.now()) : null;
    });
    actions.incrementAndGet();
  }

  private void act(Function<Node, Api.Response> action) {
    call(action);
    actions.incrementAndGet();
  }

  /**
   * One call on the next node; a connection error or a 5xx is counted and answered with null (the caller looks at
   * the claim again). Other answers are returned.
   */
  private Api.Response call(Function<Node, Api.Response> action) {
    Node node = cluster.next();
    try {
      Api.Response response = action.apply(node);
      if (response != null && response.status() >= 500) {
        serverError(response, "call");
        return null;
      }
      return response;
    } catch (Api.Unreachable e) {
      connectionErrors.incrementAndGet();
      Node.sleep(300);
      return null;
    } catch (Api.UnexpectedStatus e) {
      serverError(e.response, "lookup");
      return null;
    }
  }

  private void serverError(Api.Response response, String what) {
    if (response.status() >= 500) {
      serverErrors.incrementAndGet();
    } else {
      unexpected.computeIfAbsent(what + " answered " + response.status(), k -> new AtomicLong()).incrementAndGet();
    }
    if (serverErrorExamples.size() < 10) {
      serverErrorExamples.add(what + ": " + response.status() + " " + Api.abbreviate(response.body()));
    }
    Node.sleep(300);
  }

  private record Turn(DrivenClaim claim, Instant at) implements Delayed {
    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(Instant.now(), at).toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
