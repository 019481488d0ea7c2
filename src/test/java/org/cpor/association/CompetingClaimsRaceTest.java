package org.cpor.association;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.runtime.Job;
import org.cpor.identity.Groups;
import org.cpor.partner.Organisation;
import org.cpor.partner.PartnerDirectory;
import org.cpor.partner.PartnerLocation;
import org.cpor.support.IntegrationTest;
import org.cpor.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Twenty organisations' claims for one tenant and workload become official at the same moment, their windows' timers
 * run by eight threads at once (job executors of several nodes): each becomes official once, one association stays
 * ACTIVE, every other one ends SUPERSEDED, and no timer fails on another's association.
 */
class CompetingClaimsRaceTest extends IntegrationTest {

  private static final int COMPETITORS = 20;
  private static final String WINDOW = "BoundaryEvent_OptOutWindowElapsed";
  /** Fewer than the suite's ten connections: in the suite an e-mail is sent on the committing thread, with a second. */
  private static final int EXECUTORS = 8;

  @Autowired PartnerDirectory partners;

  @AfterEach
  void removeCompetitors() {
    for (int i = 0; i < COMPETITORS; i++) {
      String org = organisation(i);
      identity.deleteUser(org + "-admin");
      identity.deleteGroup("partner-" + org);
      identity.deleteGroup("partner-" + org + "-admins");
    }
    TestData.reset(jdbc, runtime);
    jdbc.sql("delete from partner_locations where organisation_id like 'competitor-%'").update();
    jdbc.sql("delete from organisations where id like 'competitor-%'").update();
  }

  @Test
  void twentyCompetingClaimsBecomingOfficialAtOnce_leaveOneActiveAssociation_andEachClaimOfficialOnce() throws Exception {
    List<String> claimIds = new ArrayList<>();
    for (int i = 0; i < COMPETITORS; i++) {
      String user = competitor(i);
      String claimId = submitAs(user, Map.of("partnerId", partnerId(i), "workloads", List.of(Map.of("code", "TEAMS")),
          "partnerContact", Map.of("name", "Contact " + i, "email", "contact@" + organisation(i) + ".example")));
      validate(claimId, "APPROVED", null, null);
      management.executeJob(job(claimId).getId());
      claimIds.add(claimId);
    }
    List<Job> windows = claimIds.stream().map(id -> timer(id, WINDOW)).toList();
    setTime(windows.stream().map(Job::getDuedate).max(Comparator.naturalOrder()).orElseThrow().toInstant());
    mail.purgeEmailFromAllMailboxes();

    List<Throwable> failures = atOnce(windows.stream().map(Job::getId).toList());

    assertThat(failures).isEmpty();
    assertThat(management.createJobQuery().activityId(WINDOW).count()).isZero();
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(jdbc.sql("select count(*) from associations where tenant_id = ? and workload = 'TEAMS' and status = 'ACTIVE'")
        .param(CONTOSO).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from associations where tenant_id = ? and workload = 'TEAMS' and end_reason = 'SUPERSEDED'")
        .param(CONTOSO).query(Long.class).single()).isEqualTo(COMPETITORS - 1);
    for (String claimId : claimIds) {
      assertThat(jdbc.sql("select count(*) from claim_timeline where claim_id = ? and type = 'OFFICIAL'").param(claimId)
          .query(Long.class).single()).as(claimId).isEqualTo(1);
      assertThat(claim(claimId).officialAt()).isNotNull();
    }
    for (int i = 0; i < COMPETITORS; i++) {
      assertThat(subjectsOfKind("contact@" + organisation(i) + ".example", "ASSOCIATION_OFFICIAL")).hasSize(1);
    }
  }

  private List<String> subjectsOfKind(String recipient, String kind) throws Exception {
    List<String> subjects = new ArrayList<>();
    for (var message : mail.getReceivedMessagesForDomain(recipient)) {
      if (kind.equals(message.getHeader("X-CPOR-Notification", null))) {
        subjects.add(message.getSubject());
      }
    }
    return subjects;
  }

  private static String organisation(int i) {
    return String.format("competitor-%02d", i);
  }

  private static String partnerId(int i) {
    return String.valueOf(8800000 + i);
  }

  /** An organisation with an enrolled PartnerID and an Incentives admin who signs in with its ID as password. */
  private String competitor(int i) {
    String org = organisation(i);
    partners.saveIfAbsent(new Organisation(org, "Competitor " + i, null));
    partners.saveIfAbsent(new PartnerLocation(partnerId(i), org, true));
    for (String group : List.of("partner-" + org, "partner-" + org + "-admins")) {
      identity.saveGroup(identity.newGroup(group));
    }
    var user = identity.newUser(org + "-admin");
    user.setPassword(org + "-admin");
    user.setEmail("admin@" + org + ".example");
    identity.saveUser(user);
    for (String group : List.of("partner-" + org, "partner-" + org + "-admins", Groups.INCENTIVES_ADMINS)) {
      identity.createMembership(org + "-admin", group);
    }
    return org + "-admin";
  }

  private List<Throwable> atOnce(List<String> jobIds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(EXECUTORS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (String jobId : jobIds) {
        runs.add(pool.submit(() -> {
          start.await();
          management.executeJob(jobId);
          return null;
        }));
      }
      start.countDown();
      List<Throwable> failures = new ArrayList<>();
      for (Future<?> run : runs) {
        try {
          run.get();
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }
}
