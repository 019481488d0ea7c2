package org.cpor.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2. Many customers' opt-out windows end at the same moment while both nodes' job executors run: every claim becomes
 * OFFICIAL exactly once, with exactly one ACTIVE association for its tenant and workload, no e-mail goes out twice, and
 * both nodes share the work. The claims do not compete: each names a tenant of its own. The windows are made to end
 * together the way an administrator can: {@code PUT /engine-rest/job/{id}/duedate} on every
 * {@code BoundaryEvent_OptOutWindowElapsed} timer, all to one instant a little ahead.
 * Size: {@code -Dreliability.timerClaims} (default 1000).
 */
class OptOutWindowsFallDueTogetherReliabilityIT {

  private static final String RUN = "timers";
  private static final int CLIENTS = 8;

  @Test
  @Timeout(value = 40, unit = java.util.concurrent.TimeUnit.MINUTES)
  void manyWindowsEndingTogether_eachClaimBecomesOfficialOnce_onBothNodes_withoutSecondEmails() {
    int count = Settings.number("reliability.timerClaims", 1000);
    Figures figures = new Figures("2-timers", "2. " + count + " opt-out windows fall due together (two nodes, both job executors on)");
    Database database = Database.fresh(RUN);
    Api api = new Api();
    try (MailServer mail = MailServer.started(); Cluster cluster = Cluster.of(RUN, 2, database, mail, List.of())) {
      cluster.startOneAfterAnother().forEach(s -> figures.add(s.node().name() + " healthy after", s.time()));

      Latencies submits = new Latencies();
      Instant submitting = Instant.now();
      List<String> claimIds = Parallel.map(CLIENTS, count, i -> {
        Api.Response created = api.submit(cluster.next(), Claims.partnerOf(i).admin(), Claims.body(RUN, i), null).expect(201);
        submits.add(created.latency());
        return created.json().get("id").asText();
      });
      figures.add("claims submitted (" + CLIENTS + " clients, round-robin)", count + " in " + Figures.format(Duration.between(submitting, Instant.now()))
          + "; " + submits.summary());

      Latencies approvals = new Latencies();
      Instant approving = Instant.now();
      Parallel.map(CLIENTS, count, i -> {
        Node node = cluster.next();
        String task = api.validationTask(node, claimIds.get(i));
        approvals.add(api.completeValidation(node, task, "APPROVED", null, null).expect(204).latency());
        return null;
      });
      Instant approved = Instant.now();
      figures.add("claims approved by the validator (engine REST)", count + " in " + Figures.format(Duration.between(approving, approved))
          + "; completion " + approvals.summary());

      boolean notified = Poll.until(Duration.ofMinutes(10), () ->
          database.count("select count(*) from claims where opt_out_deadline_at is not null") == count);
      figures.check("every customer notified (optOutDeadline set), after the last approval",
          database.count("select count(*) from claims where opt_out_deadline_at is not null") + " of " + count + " after "
              + Figures.format(Duration.between(approved, Instant.now())), notified);

      List<JsonNode> timers = api.jobs(cluster.node(0), "activityId=" + Api.OPT_OUT_TIMER);
      figures.check("opt-out timers waiting", timers.size(), timers.size() == count);
      // a common due moment far enough ahead for every due date to be moved first: moving one costs less than a
      // third of an approval, so a third of the approvals' time plus 5 s is ahead of the last move
      Instant due = Instant.now().plusSeconds(5).plus(Duration.between(approving, approved).dividedBy(3));
      Instant setting = Instant.now();
      Parallel.map(CLIENTS, timers.size(), i -> api.setDueDate(cluster.next(), timers.get(i).get("id").asText(), due).expect(204));
      Instant set = Instant.now();
      figures.check("due dates moved by an administrator (PUT /engine-rest/job/{id}/duedate), before they fall due",
          timers.size() + " in " + Figures.format(Duration.between(setting, set)) + ", " + Figures.format(Duration.between(set, due))
              + " before the common due moment", set.isBefore(due));

      boolean official = Poll.until(Duration.ofMinutes(15), () -> database.count("select count(*) from claims where status = 'OFFICIAL'") == count);
      Instant allOfficial = Instant.now();
      figures.check("every claim OFFICIAL, after the due moment", database.count("select count(*) from claims where status = 'OFFICIAL'")
          + " of " + count + " after " + Figures.format(Duration.between(due, allOfficial)), official);
      timerFigures(database, due, figures);

      checkClaimsThroughTheApi(api, cluster, claimIds, figures);
      checkOfficialOnce(database, count, figures);
      checkAssociations(api, cluster, database, claimIds, figures);
      checkEmails(mail, count, figures);
      checkInstancesEnded(database, count, figures);
    } finally {
      figures.publish();
    }
    figures.assertChecksPass();
  }

  /** An idle node looks for due jobs every 5 s (camunda.bpm.job-execution.max-wait); the rest is the machine's load. */
  private static final Duration FIRST_TIMER_LIMIT = Duration.ofSeconds(15);

  /** When the timers ran, on which node, and how many attempts failed (Camunda's job log). */
  private static void timerFigures(Database database, Instant due, Figures figures) {
    List<Map<String, Object>> byNode = database.rows("""
        select HOSTNAME_ as node, count(*) as jobs, min(TIMESTAMP_) as first, max(TIMESTAMP_) as last from ACT_HI_JOB_LOG
        where ACT_ID_ = ? and JOB_STATE_ = 2 group by HOSTNAME_ order by HOSTNAME_""", Api.OPT_OUT_TIMER);
    Map<String, Long> jobsPerNode = new HashMap<>();
    for (Map<String, Object> row : byNode) {
      jobsPerNode.put(String.valueOf(row.get("node")), ((Number) row.get("jobs")).longValue());
      figures.add("timers run by " + row.get("node") + " (first, last after the due moment)", row.get("jobs") + " ("
          + Figures.format(Duration.between(due, ((java.sql.Timestamp) row.get("first")).toInstant())) + ", "
          + Figures.format(Duration.between(due, ((java.sql.Timestamp) row.get("last")).toInstant())) + ")");
    }
    Instant first = byNode.stream().map(row -> ((java.sql.Timestamp) row.get("first")).toInstant()).min(Instant::compareTo)
        .orElse(null);
    // the nodes were idle while the due dates were moved: each looks for due jobs at least every 5 s
    figures.check("the first timer ran within " + Figures.format(FIRST_TIMER_LIMIT) + " of the due moment", first == null
        ? "none ran" : Figures.format(Duration.between(due, first)), first != null
        && Duration.between(due, first).compareTo(FIRST_TIMER_LIMIT) <= 0);
    figures.check("both nodes ran part of the timers (ACT_HI_JOB_LOG.HOSTNAME_)", jobsPerNode,
        jobsPerNode.size() == 2 && jobsPerNode.values().stream().allMatch(n -> n > 0));
    long failed = database.count("select count(*) from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 1", Api.OPT_OUT_TIMER);
    figures.add("failed timer attempts (retried by the engine)", failed);
    List<Map<String, Object>> failures = database.rows("""
        select JOB_EXCEPTION_MSG_ as message, count(*) as times from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 1
        group by JOB_EXCEPTION_MSG_ order by count(*) desc limit 3""", Api.OPT_OUT_TIMER);
    failures.forEach(f -> figures.note("failed timer attempt, " + f.get("times") + " times: " + Api.abbreviate(String.valueOf(f.get("message")))));
    Map<String, Long> notifications = database.rows("""
        select HOSTNAME_ as node, count(*) as jobs from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 2 group by HOSTNAME_""",
        Api.NOTIFY_CUSTOMER).stream().collect(Collectors.toMap(r -> String.valueOf(r.get("node")), r -> ((Number) r.get("jobs")).longValue()));
    figures.add("customer notifications (Task_NotifyCustomer) run per node", notifications);
  }

  /** What the partners read: every claim OFFICIAL with its officialAt. */
  private static void checkClaimsThroughTheApi(Api api, Cluster cluster, List<String> claimIds, Figures figures) {
    Map<String, JsonNode> read = new HashMap<>();
    for (Claims.Partner partner : Claims.PARTNERS) {
      api.allClaims(cluster.next(), partner.admin()).forEach(c -> read.put(c.get("id").asText(), c));
    }
    long official = claimIds.stream().map(read::get)
        .filter(c -> c != null && "OFFICIAL".equals(c.get("status").asText()) && !c.get("officialAt").isNull()).count();
    figures.check("claims OFFICIAL with officialAt, as partners read them (GET /api/claims)", official + " of " + claimIds.size(),
        official == claimIds.size());
  }

  /** The OFFICIAL step happened once per claim: one OFFICIAL event in each claim's timeline. */
  private static void checkOfficialOnce(Database database, int count, Figures figures) {
    long once = database.count("select count(*) from (select claim_id from claim_timeline where type = 'OFFICIAL' group by claim_id having count(*) = 1) c");
    long more = database.count("select count(*) from (select claim_id from claim_timeline where type = 'OFFICIAL' group by claim_id having count(*) > 1) c");
    figures.check("claims made OFFICIAL exactly once (timeline event OFFICIAL)", once + " once, " + more + " more than once", once == count && more == 0);
  }

  /** Exactly one ACTIVE association per claim's tenant and workload, read through the API and in the store. */
  private static void checkAssociations(Api api, Cluster cluster, Database database, List<String> claimIds, Figures figures) {
    List<JsonNode> active = new ArrayList<>();
    for (Claims.Partner partner : Claims.PARTNERS) {
      active.addAll(api.allAssociations(cluster.next(), partner.admin(), "ACTIVE"));
    }
    Map<String, Long> perTenantWorkload = active.stream()
        .collect(Collectors.groupingBy(a -> a.get("tenantId").asText() + "/" + a.get("workload").asText(), Collectors.counting()));
    Map<String, Long> perClaim = active.stream().collect(Collectors.groupingBy(a -> a.get("claimId").asText(), Collectors.counting()));
    long claimsWithOne = claimIds.stream().filter(id -> perClaim.getOrDefault(id, 0L) == 1).count();
    figures.check("one ACTIVE association per claim's tenant and workload (GET /api/associations)", active.size() + " active, "
        + claimsWithOne + " of " + claimIds.size() + " claims with exactly one, tenant+workload with more than one: "
        + perTenantWorkload.values().stream().filter(n -> n > 1).count(),
        claimsWithOne == claimIds.size() && perTenantWorkload.values().stream().allMatch(n -> n == 1));
    long doubled = database.count("select count(*) from (select tenant_id, workload from associations where status = 'ACTIVE' "
        + "group by tenant_id, workload having count(*) > 1) d");
    figures.check("tenant+workload with two ACTIVE associations in the store", doubled, doubled == 0);
  }

  /** Each partner and customer got each of their e-mails exactly once (header X-CPOR-Notification names the kind). */
  private static void checkEmails(MailServer mail, int count, Figures figures) {
    List<String> kinds = List.of("CLAIM_RECEIVED", "APPROVED_CUSTOMER_NOTIFIED", "ASSOCIATION_OFFICIAL", "CUSTOMER_ASSOCIATION_REQUEST");
    Instant waiting = Instant.now();
    boolean all = Poll.until(Duration.ofMinutes(5), Duration.ofSeconds(2), () -> mail.received().size() >= kinds.size() * count);
    Map<String, Long> counts = mail.countsByRecipientAndKind();
    long missing = 0;
    for (int i = 0; i < count; i++) {
      for (String kind : kinds) {
        String recipient = kind.startsWith("CUSTOMER") ? Claims.customerEmail(RUN, i) : Claims.partnerEmail(RUN, i);
        if (!counts.containsKey(recipient + " " + kind)) {
          missing++;
        }
      }
    }
    List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey() + " ×" + e.getValue()).toList();
    figures.add("e-mails received (partner: received, approved, official; customer: request)", mail.received().size() + " (all there "
        + (all ? Figures.format(Duration.between(waiting, Instant.now())) + " after the last claim became official" : "only after waiting 5 min") + ")");
    figures.check("e-mails missing", missing, missing == 0);
    figures.check("e-mails sent twice (same recipient and kind)", twice.size() + (twice.isEmpty() ? "" : ": " + twice.subList(0, Math.min(5, twice.size()))),
        twice.isEmpty());
  }

  /** Every instance ended at EndEvent_AssociationOfficial; nothing left running. */
  private static void checkInstancesEnded(Database database, int count, Figures figures) {
    long running = database.count("select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null");
    long endedOfficial = database.count("select count(*) from ACT_HI_PROCINST where END_ACT_ID_ = 'EndEvent_AssociationOfficial'");
    figures.check("process instances ended at EndEvent_AssociationOfficial, none running", endedOfficial + " ended, " + running + " running",
        endedOfficial == count && running == 0);
  }
}
