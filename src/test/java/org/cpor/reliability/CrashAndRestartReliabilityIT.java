package org.cpor.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cpor.reliability.ClaimDriver.DrivenClaim;
import org.cpor.reliability.ClaimDriver.Stop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 4. Nodes crash: while clients drive claims into every wait state (validation, information requested, the customer's
 * window, official), a node is killed with SIGKILL at random moments and started again, at least
 * {@code -Dreliability.kills} (default 10) times; then every claim is driven to its end (OFFICIAL, REJECTED or
 * WITHDRAWN). The clients retry on connection errors, with an {@code Idempotency-Key} on submissions. Afterwards: every
 * claim a client was answered 201 for exists with a status, timeline and process state that agree (no claim without its
 * process instance, no instance without its claim), no tenant+workload has two ACTIVE associations, every customer of an
 * approved claim was notified at least once, and every e-mail sent twice is listed with the kill that explains it.
 * {@code -Dreliability.crashClaims} claims (default 500). The job lock time is shortened to
 * {@code -Dreliability.crashLockTimeMillis} (default 60000; the product's default is 5 minutes) so that the jobs a killed
 * node held are taken over within a minute.
 */
class CrashAndRestartReliabilityIT {

  private static final String RUN = "crash";
  private static final int CLIENTS = 8;

  /** Claim {@code i} waits at one of the four wait states while nodes are killed, then ends as planned here. */
  static Stop waitState(DrivenClaim claim) {
    return switch (claim.number % 4) {
      case 0 -> Stop.VALIDATION;
      case 1 -> Stop.INFORMATION_REQUESTED;
      case 2 -> Stop.CUSTOMER_WINDOW;
      default -> Stop.OFFICIAL;
    };
  }

  static Stop end(DrivenClaim claim) {
    boolean even = claim.number / 4 % 2 == 0;
    return switch (claim.number % 4) {
      case 0 -> even ? Stop.REJECTED : Stop.OFFICIAL;
      case 2 -> even ? Stop.WITHDRAWN : Stop.OFFICIAL;
      default -> Stop.OFFICIAL;
    };
  }

  @Test
  @Timeout(value = 40, unit = java.util.concurrent.TimeUnit.MINUTES)
  void nodesKilledAtRandom_everyClaimEndsConsistently_noDoubleAssociation_everyCustomerNotified() throws InterruptedException {
    int count = Settings.number("reliability.crashClaims", 500);
    int minimumKills = Settings.number("reliability.kills", 10);
    String lockTime = Settings.text("reliability.crashLockTimeMillis", "60000");
    Figures figures = new Figures("4-crash", "4. Crash and restart: " + count + " claims, nodes killed (SIGKILL) at least " + minimumKills + " times");
    Database database = Database.fresh(RUN);
    Api api = new Api(Duration.ofSeconds(30));
    List<DrivenClaim> claims = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      claims.add(new DrivenClaim(RUN, i));
    }
    try (MailServer mail = MailServer.started();
        Cluster cluster = Cluster.of(RUN, 2, database, mail, List.of("--camunda.bpm.job-execution.lock-time-in-millis=" + lockTime))) {
      cluster.startOneAfterAnother();
      ClaimDriver driver = new ClaimDriver(cluster, api);
      java.util.concurrent.atomic.AtomicBoolean waitStatesReached = new java.util.concurrent.atomic.AtomicBoolean();
      NodeKiller killer = new NodeKiller(cluster, minimumKills, waitStatesReached::get, 20261129L);
      Thread chaos = new Thread(killer, "node-killer");
      chaos.start();

      Instant driving = Instant.now();
      List<DrivenClaim> notWaiting = driver.drive(claims, CrashAndRestartReliabilityIT::waitState, CLIENTS, Duration.ofMinutes(20));
      waitStatesReached.set(true);
      figures.check("claims driven into their wait state while nodes were killed", (count - notWaiting.size()) + " of " + count + " in "
          + Figures.format(Duration.between(driving, Instant.now())) + " " + tally(claims), notWaiting.isEmpty());
      long killsWhileWaiting = killer.kills().size();

      // the killer goes on until it has killed often enough; the claims are driven to their end meanwhile
      Instant ending = Instant.now();
      List<DrivenClaim> notEnded = driver.drive(claims, CrashAndRestartReliabilityIT::end, CLIENTS, Duration.ofMinutes(15));
      chaos.join(Duration.ofMinutes(15).toMillis());
      killer.stop();
      chaos.join();
      figures.add("kills while claims went into their wait states / to their end", killsWhileWaiting + " / " + (killer.kills().size() - killsWhileWaiting));
      for (Node node : cluster.nodes()) {
        if (!node.isHealthy()) {
          node.kill();
          node.startAndAwaitHealthy();
        }
      }
      if (!notEnded.isEmpty()) {
        notEnded = driver.drive(notEnded, CrashAndRestartReliabilityIT::end, CLIENTS, Duration.ofMinutes(5));
      }
      figures.check("claims driven to their end", (count - notEnded.size()) + " of " + count + " in "
          + Figures.format(Duration.between(ending, Instant.now())) + " " + tally(claims), notEnded.isEmpty());
      notEnded.stream().limit(5).forEach(c -> figures.note("not ended: claim #" + c.number + " " + c.id + " " + c.status + " " + c.problem));

      killFigures(killer, figures);
      clientFigures(claims, driver, figures);
      checkStore(claims, database, figures);
      checkAssociations(database, figures);
      checkNotifications(claims, mail, database, killer, figures);
    } finally {
      figures.publish();
    }
    figures.assertChecksPass();
  }

  private static String tally(List<DrivenClaim> claims) {
    return claims.stream().collect(Collectors.groupingBy(c -> String.valueOf(c.status), TreeMap::new, Collectors.counting())).toString();
  }

  private static void killFigures(NodeKiller killer, Figures figures) {
    List<NodeKiller.Kill> kills = killer.kills();
    Latencies restarts = new Latencies();
    kills.stream().filter(k -> k.restart() != null).forEach(k -> restarts.add(k.restart()));
    figures.check("nodes killed with SIGKILL and started again", kills.size() + " kills " + kills.stream()
        .collect(Collectors.groupingBy(NodeKiller.Kill::node, TreeMap::new, Collectors.counting())) + "; back to healthy: " + restarts.summary(),
        kills.size() >= Settings.number("reliability.kills", 10));
    List<NodeKiller.Kill> failed = kills.stream().filter(k -> k.failure() != null).toList();
    figures.check("restarts that failed", failed.size(), failed.isEmpty());
    failed.stream().limit(3).forEach(k -> figures.note("restart of " + k.node() + " after the kill at " + k.at() + " failed: " + k.failure()));
  }

  private static void clientFigures(List<DrivenClaim> claims, ClaimDriver driver, Figures figures) {
    figures.add("client calls that met a dead node: cut by a kill, or sent before the balancer noticed (retried on the next node)", driver.connectionErrors.get());
    figures.check("5xx answers", driver.serverErrors.get() + (driver.serverErrorExamples.isEmpty() ? "" : ", e.g. " + driver.serverErrorExamples.get(0)),
        driver.serverErrors.get() == 0);
    driver.serverErrorExamples.stream().limit(5).forEach(e -> figures.note("answer: " + e));
    figures.add("unexpected observations (status seen, refusals)", new TreeMap<>(driver.unexpected));
    Map<ClaimDriver.Retried, Long> retried = new EnumMap<>(ClaimDriver.Retried.class);
    claims.forEach(c -> retried.merge(c.retried, 1L, Long::sum));
    figures.add("submissions by how their retry went (Idempotency-Key sent on every attempt)", retried);
    long lost201 = retried.getOrDefault(ClaimDriver.Retried.RETRY_REFUSED_AS_DUPLICATE_FOUND_BY_TENANT, 0L);
    figures.check("submissions whose first attempt was stored but whose retry was refused 409 (the Idempotency-Key was not honoured)",
        lost201, lost201 == 0);
  }

  /** Every claim answered 201 exists; status, timeline and process instance agree; no instance without its claim. */
  private static void checkStore(List<DrivenClaim> claims, Database database, Figures figures) {
    Set<String> stored = Set.copyOf(database.jdbc().sql("select id from claims").query(String.class).list());
    long answered = claims.stream().filter(c -> c.answered201).count();
    long missing = claims.stream().filter(c -> c.answered201 && !stored.contains(c.id)).count();
    figures.check("claims answered 201 that exist in the store", (answered - missing) + " of " + answered, missing == 0);
    long duplicates = database.count("select count(*) from (select customer_tenant_id from claims group by customer_tenant_id having count(*) > 1) d");
    figures.check("claims stored twice for one submission (same tenant)", duplicates, duplicates == 0);
    long wrongEnd = claims.stream().filter(c -> c.id != null && !end(c).name().equals(database.jdbc()
        .sql("select status from claims where id = ?").param(c.id).query(String.class).optional().orElse("MISSING"))).count();
    figures.check("claims whose stored status is the end they were driven to", (claims.size() - wrongEnd) + " of " + claims.size(), wrongEnd == 0);

    long running = database.count("select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null");
    figures.check("process instances still running (every claim has ended)", running, running == 0);
    long withoutInstance = database.count("select count(*) from claims c where not exists (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = c.id)");
    long withoutClaim = database.count("select count(*) from ACT_HI_PROCINST p where not exists (select 1 from claims c where c.id = p.BUSINESS_KEY_)");
    figures.check("claims without a process instance / instances without a claim (by business key)", withoutInstance + " / " + withoutClaim,
        withoutInstance == 0 && withoutClaim == 0);
    List<Map<String, Object>> ends = database.rows("""
        select c.status, p.END_ACT_ID_ as end_event, count(*) as claims from claims c join ACT_HI_PROCINST p on p.BUSINESS_KEY_ = c.id
        group by c.status, p.END_ACT_ID_ order by c.status, p.END_ACT_ID_""");
    // a withdrawal ends the instance in the event subprocess, which Camunda records as the instance's end activity
    Map<String, String> expectedEnd = Map.of("OFFICIAL", "EndEvent_AssociationOfficial", "REJECTED", "EndEvent_ClaimRejected",
        "WITHDRAWN", "SubProcess_ClaimWithdrawn");
    boolean endsAgree = ends.stream().allMatch(r -> expectedEnd.get(String.valueOf(r.get("status"))) != null
        && expectedEnd.get(String.valueOf(r.get("status"))).equals(r.get("end_event")));
    figures.check("claim status and the end event of its process instance agree", ends.stream()
        .map(r -> r.get("status") + "@" + r.get("end_event") + "=" + r.get("claims")).toList(), endsAgree);
    long instancesTwice = database.count("select count(*) from (select BUSINESS_KEY_ from ACT_HI_PROCINST group by BUSINESS_KEY_ having count(*) > 1) d");
    figures.check("claims with more than one process instance (no dispute was made)", instancesTwice, instancesTwice == 0);
    List<Map<String, Object>> timelines = database.rows("""
        select c.status,
          sum(case when (select count(*) from claim_timeline t where t.claim_id = c.id and t.type = 'SUBMITTED') = 1 then 0 else 1 end) as submitted_not_once,
          sum(case when (select count(*) from claim_timeline t where t.claim_id = c.id and t.type = c.status) = 1 then 0 else 1 end) as end_not_once
        from claims c group by c.status order by c.status""");
    boolean timelinesAgree = timelines.stream().allMatch(r -> ((Number) r.get("submitted_not_once")).longValue() == 0
        && ((Number) r.get("end_not_once")).longValue() == 0);
    figures.check("timelines: SUBMITTED once and the end (OFFICIAL, REJECTED, WITHDRAWN) once", timelines.stream()
        .map(r -> r.get("status") + ": " + r.get("submitted_not_once") + " without one SUBMITTED, " + r.get("end_not_once") + " without one " + r.get("status"))
        .toList(), timelinesAgree);
  }

  private static void checkAssociations(Database database, Figures figures) {
    long doubled = database.count("select count(*) from (select tenant_id, workload from associations where status = 'ACTIVE' "
        + "group by tenant_id, workload having count(*) > 1) d");
    figures.check("tenant+workload with two ACTIVE associations", doubled, doubled == 0);
    long officialWithoutOne = database.count("select count(*) from claims c where c.status = 'OFFICIAL' and "
        + "(select count(*) from associations a where a.claim_id = c.id and a.status = 'ACTIVE') <> 1");
    figures.check("OFFICIAL claims without exactly one ACTIVE association", officialWithoutOne, officialWithoutOne == 0);
  }

  /** Every approved claim's customer was notified at least once; every e-mail sent twice is listed with the kill before it. */
  private static void checkNotifications(List<DrivenClaim> claims, MailServer mail, Database database, NodeKiller killer, Figures figures) {
    // partner e-mails go out after their commit, by the outbox: give it half a minute to send what is due
    Poll.until(Duration.ofSeconds(30), () -> database.count("select count(*) from notifications where state = 'PENDING'") == 0);
    Map<String, Long> counts = mail.countsByRecipientAndKind();
    List<DrivenClaim> approved = claims.stream().filter(c -> end(c) != Stop.REJECTED).toList();
    long notNotified = approved.stream().filter(c -> counts.getOrDefault(c.customerEmail() + " CUSTOMER_ASSOCIATION_REQUEST", 0L) == 0).count();
    figures.check("customers of approved claims notified at least once", (approved.size() - notNotified) + " of " + approved.size(), notNotified == 0);
    long deadlineMissing = database.count("select count(*) from claims where status in ('OFFICIAL', 'WITHDRAWN') and opt_out_deadline_at is null");
    figures.check("approved claims without customerNotifiedAt/optOutDeadline", deadlineMissing, deadlineMissing == 0);

    Map<String, Long> twiceByKind = new TreeMap<>();
    List<String> explained = new ArrayList<>();
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      if (entry.getValue() > 1) {
        String[] recipientAndKind = entry.getKey().split(" ");
        twiceByKind.merge(recipientAndKind[1], 1L, Long::sum);
        List<Instant> times = mail.received(m -> m.recipient().equals(recipientAndKind[0]) && m.kind().equals(recipientAndKind[1]))
            .stream().map(MailServer.Mail::receivedAt).sorted().toList();
        NodeKiller.Kill kill = killer.lastBefore(times.get(times.size() - 1));
        explained.add(entry.getKey() + " ×" + entry.getValue() + " at " + times + "; last kill before: "
            + (kill == null ? "none" : kill.node() + " at " + kill.at()));
      }
    }
    figures.add("e-mails sent more than once, by kind (recipients)", twiceByKind.isEmpty() ? "none" : twiceByKind);
    explained.stream().limit(10).forEach(e -> figures.note("sent twice: " + e));
    long customerTwice = twiceByKind.getOrDefault("CUSTOMER_ASSOCIATION_REQUEST", 0L);
    figures.add("customers notified twice (explained above by a kill between sending and recording)", customerTwice);
    List<Map<String, Object>> states = database.rows("select kind, state, count(*) as n from notifications group by kind, state order by kind, state");
    figures.add("notification log by kind and state", states.stream().map(r -> r.get("kind") + "/" + r.get("state") + "=" + r.get("n")).toList());
  }
}
