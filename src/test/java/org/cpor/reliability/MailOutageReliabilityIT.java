package org.cpor.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * 5. The SMTP server fails while claims are approved: (a) it is down (nothing listens), (b) it hangs (accepts the
 * connection and never answers). In both, everything else keeps answering within a second (the API, the portal, Tasklist's
 * REST, the liveness probe) and other process steps go on; {@code Task_NotifyCustomer} is retried on its cycle
 * ({@code R5/PT5M}) and then becomes an incident in Cockpit, which an administrator speeds up the way Cockpit does it
 * (running the job, or setting retries and the due date through the engine REST API). When the server is back and the
 * incidents are retried, every customer is notified exactly once, and every opt-out deadline counts from the moment the
 * e-mail was really sent. One node; {@code -Dreliability.mailClaims} claims per case (default 5).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MailOutageReliabilityIT {

  private static final String RUN = "mail";
  private static final Duration ANSWER_LIMIT = Duration.ofSeconds(1);
  private static final int PROBES = 5;
  private static final String LOCKED_NOTIFICATIONS = "select count(*) from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_"
      + " where j.LOCK_OWNER_ is not null and d.ACT_ID_ = ?";

  private final Api api = new Api();
  /** Probes give up after 5 s: a probe that hangs is reported as such. */
  private final Api probes = new Api(Duration.ofSeconds(5));
  private Database database;
  private MailServer mail;
  private Cluster cluster;
  private Node node;
  private BusinessDays calendar;
  private int claimNumber;

  @BeforeAll
  void startOneNode() {
    database = Database.fresh(RUN);
    mail = MailServer.started();
    cluster = Cluster.of(RUN, 1, database, mail, List.of());
    cluster.startOneAfterAnother();
    node = cluster.node(0);
    calendar = calendar();
  }

  @AfterAll
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (mail != null) {
      mail.close();
    }
  }

  @Test
  @Order(1)
  @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
  void smtpServerDown_everythingElseAnswers_notificationBecomesAnIncident_andAfterRetryEveryCustomerIsNotifiedOnce() {
    outage("5a-mail-down", "5a. SMTP server down (nothing listens)", mail::stop);
  }

  @Test
  @Order(2)
  @Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
  void smtpServerHung_everythingElseAnswers_notificationBecomesAnIncident_andAfterRetryEveryCustomerIsNotifiedOnce() {
    outage("5b-mail-hung", "5b. SMTP server hung (accepts the connection, never answers)", mail::hang);
  }

  private void outage(String name, String title, Runnable begin) {
    int count = Settings.number("reliability.mailClaims", 5);
    Figures figures = new Figures(name, title + ", " + count + " claims approved during the outage");
    try {
      String bystander = approvedAndNotified();
      Browser portal = new Browser(api);
      portal.signInToPortal(node, "fabrikam-admin").expect(302);
      Browser tasklist = new Browser(api);
      tasklist.signInToTasklist(node, "validator").expect(200);

      begin.run();
      Instant outageBegan = Instant.now();
      Latencies submissions = new Latencies();
      Latencies approvals = new Latencies();
      List<String> claims = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int number = claimNumber++;
        Api.Response created = api.submit(node, Claims.partnerOf(number).admin(), Claims.body(RUN, number), null).expect(201);
        submissions.add(created.latency());
        claims.add(created.json().get("id").asText());
        approvals.add(api.approve(node, claims.get(i)).expect(204).latency());
      }
      figures.check("submissions during the outage (POST /api/poe + /api/claims) answer within 1 s", submissions.summary(),
          submissions.max().compareTo(ANSWER_LIMIT) <= 0);
      figures.check("approvals during the outage (engine REST complete) answer within 1 s", approvals.summary(),
          approvals.max().compareTo(ANSWER_LIMIT) <= 0);

      responsiveness(claims.get(0), Claims.partnerOf(claimNumber - count).admin(), portal, tasklist, figures);
      otherStepsGoOn(bystander, figures);
      retryCycleAndIncidents(claims, outageBegan, figures);
      boolean nothingSent = claims.stream().allMatch(id -> claim(id).get("optOutDeadline").isNull());
      figures.check("during the outage: claims stay APPROVED without optOutDeadline", nothingSent, nothingSent);

      recover(claims, figures);
    } finally {
      figures.publish();
    }
    figures.assertChecksPass();
  }

  /** What users and operators call during the outage: each answers, within a second, every time. */
  private void responsiveness(String claimId, String partner, Browser portal, Browser tasklist, Figures figures) {
    probe(figures, "API: GET /api/claims", 200, () -> probes.get(node, partner, "/api/claims?size=20"));
    probe(figures, "API: GET /api/claims/{id}", 200, () -> probes.get(node, partner, "/api/claims/" + claimId));
    probe(figures, "portal: /portal/claims (signed in)", 200, () -> portal.get(node, "/portal/claims"));
    probe(figures, "Tasklist's REST: GET /camunda/api/engine/engine/default/task (signed in)", 200,
        () -> tasklist.get(node, "/camunda/api/engine/engine/default/task?maxResults=15"));
    probe(figures, "engine REST: GET /engine-rest/task as validator", 200, () -> probes.get(node, "validator", "/engine-rest/task?maxResults=15"));
    probe(figures, "/actuator/health/liveness", 200, () -> probes.get(node, null, "/actuator/health/liveness"));
    figures.add("/actuator/health/readiness says", once(() -> probes.get(node, null, "/actuator/health/readiness")));
    figures.add("/actuator/health says", once(() -> probes.get(node, null, "/actuator/health")));
  }

  private void probe(Figures figures, String what, int expected, Supplier<Api.Response> call) {
    Latencies latencies = new Latencies();
    List<String> unexpected = new ArrayList<>();
    for (int i = 0; i < PROBES; i++) {
      try {
        Api.Response response = call.get();
        latencies.add(response.latency());
        if (response.status() != expected) {
          unexpected.add(Integer.toString(response.status()));
        }
      } catch (Api.Unreachable e) {
        unexpected.add("no answer within 5 s");
        latencies.add(Duration.ofSeconds(5));
      }
      Node.sleep(200);
    }
    figures.check(what + " answers " + expected + " within 1 s", "max " + latencies.max().toMillis() + " ms"
        + (unexpected.isEmpty() ? "" : ", answered " + unexpected), unexpected.isEmpty() && latencies.max().compareTo(ANSWER_LIMIT) <= 0);
  }

  private static String once(Supplier<Api.Response> call) {
    try {
      Api.Response response = call.get();
      return response.status() + " " + Api.abbreviate(response.body()) + " (" + response.latency().toMillis() + " ms)";
    } catch (Api.Unreachable e) {
      return "no answer within 5 s";
    }
  }

  /** A claim notified before the outage: its window elapses now; the job executor must still make it OFFICIAL. */
  private void otherStepsGoOn(String bystander, Figures figures) {
    JsonNode timer = api.jobs(node, "activityId=" + Api.OPT_OUT_TIMER + "&processInstanceId=" + api.processInstance(node, bystander).get("id").asText()).get(0);
    Instant due = Instant.now();
    api.setDueDate(node, timer.get("id").asText(), due).expect(204);
    boolean official = Poll.until(Duration.ofSeconds(90), () -> "OFFICIAL".equals(claim(bystander).get("status").asText()));
    figures.check("other process steps go on: a window elapsing during the outage makes its claim OFFICIAL (within 90 s)",
        official ? "OFFICIAL after " + Figures.format(Duration.between(due, Instant.now())) : "still " + claim(bystander).get("status").asText()
            + " after 90 s", official);
  }

  /**
   * The first attempt fails on its own; Cockpit's "run job" (an administrator's {@code POST /engine-rest/job/{id}/execute})
   * makes the other four, each due again 5 minutes later, then the incident.
   */
  private void retryCycleAndIncidents(List<String> claims, Instant outageBegan, Figures figures) {
    boolean failed = Poll.until(Duration.ofSeconds(60), () -> claims.stream().allMatch(id -> notifyJob(id) != null && notifyJob(id).hasNonNull("exceptionMessage")));
    Instant firstFailure = Instant.now();
    if (!failed) {
      long locked = database.count(LOCKED_NOTIFICATIONS, Api.NOTIFY_CUSTOMER);
      figures.check("Task_NotifyCustomer fails (and is retried) within 60 s of the outage", "no failure after "
          + Figures.format(Duration.between(outageBegan, Instant.now())) + ": " + locked + " notification jobs locked, "
          + mail.heldConnections() + " SMTP connections held open by the nodes", false);
      return;
    }
    // the claims' cycles side by side: against a hung server each run waits for the SMTP timeout
    List<Cycle> cycles = Parallel.map(claims.size(), claims.size(), i -> cycle(claims.get(i), firstFailure));
    List<String> cycle = cycles.stream().map(Cycle::seen).toList();
    boolean onCycle = cycles.stream().allMatch(Cycle::onCycle);
    figures.check("Task_NotifyCustomer on its cycle R5/PT5M: 4 retries after the first failure, each due 5 min later, 0 after the fifth",
        cycle.get(0) + (cycle.size() > 1 ? " (and " + (cycle.size() - 1) + " more claims)" : ""), onCycle);
    long incidents = claims.stream().filter(id -> !incidents(id).isEmpty()).count();
    figures.check("incidents in Cockpit (GET /engine-rest/incident), one per claim, at Task_NotifyCustomer", incidents + " of " + claims.size()
        + (incidents > 0 ? ": " + Api.abbreviate(incidents(claims.get(0)).get(0).get("incidentMessage").asText()) : ""), incidents == claims.size());
    long alerted = claims.stream().filter(id -> claim(id).get("alerts").toString().contains("CUSTOMER_NOTIFICATION_FAILING")).count();
    figures.check("the claims show CUSTOMER_NOTIFICATION_FAILING to the partner", alerted + " of " + claims.size(), alerted == claims.size());
  }

  /** What a claim's notification job did on its retry cycle, and whether that was the cycle R5/PT5M. */
  private record Cycle(String seen, boolean onCycle) {}

  /** The administrator runs the claim's failed notification job until its retries are used up. */
  private Cycle cycle(String id, Instant firstFailure) {
    JsonNode job = notifyJob(id);
    StringBuilder seen = new StringBuilder("retries " + job.get("retries").asInt() + " due +" + minutesAhead(job, firstFailure));
    boolean onCycle = job.get("retries").asInt() == 4 && Math.abs(minutesAhead(job, firstFailure) - 5) < 0.5;
    for (int attempt = 0; attempt < 4 && job.get("retries").asInt() > 0; attempt++) {
      Instant running = Instant.now();
      Api.Response run = api.postJson(node, "admin", "/engine-rest/job/" + job.get("id").asText() + "/execute", Map.of());
      job = notifyJob(id);
      int retries = job.get("retries").asInt();
      seen.append(", ").append(run.status()).append(" → retries ").append(retries);
      if (retries > 0) {
        seen.append(" due +").append(minutesAhead(job, running));
        onCycle &= Math.abs(minutesAhead(job, running) - 5) < 0.5;
      }
    }
    onCycle &= job.get("retries").asInt() == 0;
    return new Cycle(seen.toString(), onCycle);
  }

  /** The server comes back; the administrator retries each failed or waiting notification now. */
  private void recover(List<String> claims, Figures figures) {
    mail.start();
    Instant back = Instant.now();
    // an attempt still running (hung) ends now that its connection is closed: wait until no notification job is locked
    boolean unlocked = Poll.until(Duration.ofSeconds(60), () ->
        database.count(LOCKED_NOTIFICATIONS, Api.NOTIFY_CUSTOMER) == 0);
    figures.add("attempts still running when the server came back ended within 60 s", unlocked);
    for (String id : claims) {
      JsonNode job = notifyJob(id);
      if (job != null) {
        if (job.get("retries").asInt() == 0) {
          api.setRetries(node, job.get("id").asText(), 1).expect(204);
        }
        api.setDueDate(node, job.get("id").asText(), Instant.now()).expect(204);
      }
    }
    boolean notified = Poll.until(Duration.ofMinutes(3), () -> claims.stream().allMatch(id -> !claim(id).get("optOutDeadline").isNull()));
    figures.check("after the server is back and the administrator retried: every customer notified", notified
        ? "all " + claims.size() + " within " + Figures.format(Duration.between(back, Instant.now())) : "not all after 3 min", notified);
    long incidentsLeft = claims.stream().filter(id -> !incidents(id).isEmpty()).count();
    figures.check("incidents left", incidentsLeft, incidentsLeft == 0);

    List<String> notOnce = new ArrayList<>();
    List<String> offDeadline = new ArrayList<>();
    Duration worstGap = Duration.ZERO;
    for (String id : claims) {
      JsonNode claim = claim(id);
      String customer = claim.get("customerContact").get("email").asText();
      List<MailServer.Mail> requests = mail.received(m -> m.recipient().equals(customer) && m.kind().equals("CUSTOMER_ASSOCIATION_REQUEST"));
      if (requests.size() != 1) {
        notOnce.add(customer + " ×" + requests.size());
        continue;
      }
      if (claim.get("customerNotifiedAt").isNull()) {
        offDeadline.add(id + ": no customerNotifiedAt");
        continue;
      }
      Instant notifiedAt = Instant.parse(claim.get("customerNotifiedAt").asText());
      Instant deadline = Instant.parse(claim.get("optOutDeadline").asText());
      Duration gap = Duration.between(requests.get(0).receivedAt(), notifiedAt).abs();
      worstGap = gap.compareTo(worstGap) > 0 ? gap : worstGap;
      if (gap.compareTo(Duration.ofSeconds(2)) > 0 || notifiedAt.isBefore(back) || !deadline.equals(calendar.add(notifiedAt, 5))) {
        offDeadline.add(id + ": received " + requests.get(0).receivedAt() + ", customerNotifiedAt " + notifiedAt + ", optOutDeadline "
            + deadline + " (5 business days: " + calendar.add(notifiedAt, 5) + ")");
      }
    }
    figures.check("each customer got exactly one association request", notOnce.isEmpty() ? "all once" : notOnce, notOnce.isEmpty());
    figures.check("customerNotifiedAt is when the e-mail really arrived (after the server came back), optOutDeadline 5 business days later",
        offDeadline.isEmpty() ? "all " + claims.size() + "; largest gap to GreenMail's receive time " + worstGap.toMillis() + " ms" : offDeadline,
        offDeadline.isEmpty());
    figures.add("partner e-mails of these claims received so far (the outbox retries on its own schedule)", claims.stream()
        .map(id -> claim(id).get("partnerContact").get("email").asText())
        .mapToLong(partner -> mail.received(m -> m.recipient().equals(partner)).size()).sum());
  }

  private String approvedAndNotified() {
    int number = claimNumber++;
    String id = api.submit(node, Claims.partnerOf(number).admin(), Claims.body(RUN, number), null).expect(201).json().get("id").asText();
    api.approve(node, id).expect(204);
    if (!Poll.until(Duration.ofMinutes(2), () -> !claim(id).get("optOutDeadline").isNull())) {
      throw new IllegalStateException("claim " + id + " was not notified within 2 minutes");
    }
    return id;
  }

  private JsonNode claim(String id) {
    return api.claim(node, "admin", id).expect(200).json();
  }

  /** The claim's Task_NotifyCustomer job (the asynchronous continuation before it), or null. */
  private JsonNode notifyJob(String claimId) {
    JsonNode instance = api.processInstance(node, claimId);
    if (instance == null) {
      return null;
    }
    List<JsonNode> jobs = api.jobs(node, "activityId=" + Api.NOTIFY_CUSTOMER + "&processInstanceId=" + instance.get("id").asText());
    return jobs.isEmpty() ? null : jobs.get(0);
  }

  private List<JsonNode> incidents(String claimId) {
    JsonNode instance = api.processInstance(node, claimId);
    List<JsonNode> incidents = new ArrayList<>();
    if (instance != null) {
      api.get(node, "admin", "/engine-rest/incident?processInstanceId=" + instance.get("id").asText()).expect(200).json().forEach(incidents::add);
    }
    return incidents;
  }

  private static double minutesAhead(JsonNode job, Instant from) {
    return job.get("dueDate").isNull() ? Double.NaN
        : Math.round(Duration.between(from, Api.fromEngineDate(job.get("dueDate").asText())).toSeconds() / 6.0) / 10.0;
  }

  /** The product's calendar as its API tells it: zone and holidays of this year and the next. */
  private BusinessDays calendar() {
    ZoneId zone = ZoneId.of(api.get(node, "admin", "/api/calendar").expect(200).json().get("zone").asText());
    Set<LocalDate> holidays = new HashSet<>();
    int year = LocalDate.now(zone).getYear();
    for (int y = year; y <= year + 1; y++) {
      api.get(node, "admin", "/api/calendar/holidays?year=" + y).expect(200).json().forEach(h -> holidays.add(LocalDate.parse(h.get("date").asText())));
    }
    return new BusinessDays(zone, holidays);
  }
}
