package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.runtime.Job;
import org.cpor.support.OtherNode;
import org.cpor.support.TestData;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A partner withdraws a claim while a validator approves it. Whoever comes second must not get a 500 nor lose
 * what they did: the partner gets 200 (withdrawn) or 409 with the claim's current status, and the claim ends in
 * one consistent state.
 */
class WithdrawalRaceTest extends org.cpor.support.IntegrationTest {

  private static final int ROUNDS = 12;

  @Autowired DataSource dataSource;

  record Round(int withdrawalStatus, JsonNode withdrawalAnswer, String validatorOutcome, String finalStatus,
      boolean processRunning, List<String> customerMail) {}

  @Test
  void withdrawalRacingAnApproval_answers200or409AndEndsConsistent() throws Exception {
    List<Round> rounds = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < ROUNDS; i++) {
        TestData.reset(jdbc, runtime);
        mail.purgeEmailFromAllMailboxes();
        // the partner sets off up to 45 ms after the validator in some rounds: both orders happen
        rounds.add(race(pool, submit(Map.of()), (i % 4) * 15));
      }
    } finally {
      pool.shutdownNow();
    }
    for (Round round : rounds) {
      String said = round.toString();
      assertThat(round.withdrawalStatus()).as(said).isIn(200, 409);
      if (round.withdrawalStatus() == 200) {
        assertThat(round.finalStatus()).as(said).isEqualTo("WITHDRAWN");
        assertThat(round.withdrawalAnswer().get("status").asText()).as(said).isEqualTo("WITHDRAWN");
      } else {
        assertThat(round.withdrawalAnswer().get("type").asText()).as(said).isEqualTo("urn:cpor:problem:conflict");
        assertThat(round.withdrawalAnswer().get("status").asInt()).as(said).isEqualTo(409);
        assertThat(round.withdrawalAnswer().get("claimStatus").asText()).as(said).isEqualTo(round.finalStatus());
        assertThat(round.finalStatus()).as(said).isNotEqualTo("WITHDRAWN");
      }
      if ("WITHDRAWN".equals(round.finalStatus())) {
        assertThat(round.processRunning()).as(said).isFalse();
        assertThat(round.customerMail()).as(said).isEmpty();
      } else {
        assertThat(round.finalStatus()).as(said).isEqualTo("APPROVED");
        assertThat(round.validatorOutcome()).as(said).isEqualTo("completed");
      }
    }
  }

  /**
   * The customer's notification step and a withdrawal at the same moment: the customer is e-mailed only about a claim
   * still APPROVED at that moment, and an e-mail that went out is always recorded (never sent by a step that then lost
   * its race and rolled back, leaving a claim whose link answers 404).
   */
  @Test
  void withdrawalRacingTheCustomersNotification_emailsTheCustomerOnlyWhenTheClaimRecordsIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int i = 0; i < ROUNDS; i++) {
        TestData.reset(jdbc, runtime);
        mail.purgeEmailFromAllMailboxes();
        String claimId = submit(Map.of());
        validate(claimId, "APPROVED", null, null);
        String jobId = job(claimId).getId();
        long delay = (i % 3) * 10L;
        CountDownLatch start = new CountDownLatch(1);
        Future<?> step = pool.submit(() -> {
          start.await();
          management.executeJob(jobId);
          return null;
        });
        Future<MockHttpServletResponse> withdrawal = pool.submit(() -> {
          start.await();
          Thread.sleep(delay);
          return mvc.perform(post("/api/claims/" + claimId + "/withdrawal").with(httpBasic("fabrikam-admin", "fabrikam-admin"))
              .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
        });
        start.countDown();
        int answered = withdrawal.get(60, TimeUnit.SECONDS).getStatus();
        try {
          step.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException lostTheRace) {
          // the step of a claim withdrawn first fails, and is gone with the claim's process
        }
        var claim = claim(claimId);
        String said = "round " + i + ": withdrawal " + answered + ", claim " + claim.status() + ", notified " + claim.customerNotifiedAt();
        assertThat(answered).as(said).isIn(200, 409);
        assertThat(mailTo("ada@contoso.com")).as(said).hasSize(claim.customerNotifiedAt() == null ? 0 : 1);
        assertThat(claim.status().name()).as(said).isIn("WITHDRAWN", "APPROVED");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withdrawingAClaimNoLongerOpen_isAConflictTellingItsStatus() throws Exception {
    String claimId = submit(Map.of());
    postJson("/api/claims/" + claimId + "/withdrawal", Map.of(), "fabrikam-admin");
    MockHttpServletResponse again = mvc.perform(post("/api/claims/" + claimId + "/withdrawal")
        .with(httpBasic("fabrikam-admin", "fabrikam-admin")).contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andReturn().getResponse();
    assertThat(again.getStatus()).isEqualTo(409);
    JsonNode problem = json.readTree(again.getContentAsString());
    assertThat(problem.get("claimStatus").asText()).isEqualTo("WITHDRAWN");
    assertThat(problem.get("detail").asText()).contains("WITHDRAWN");
  }

  /**
   * Just after an approval the job executor of another node locks the customer-notification job (it raises the
   * job's revision) while the partner's withdrawal is ending the process: the withdrawal's engine write loses.
   * The partner's withdrawal must still be done, not answered 500 and forgotten.
   */
  @Test
  void withdrawalWhileAnotherNodeLocksTheNotificationJob_isDoneNotLost() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    Job notification = job(claimId);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (OtherNode otherNode = OtherNode.acquiring(dataSource, jdbc, notification.getId(), NOW)) {
      Future<MockHttpServletResponse> withdrawal = pool.submit(() -> mvc.perform(post("/api/claims/" + claimId + "/withdrawal")
          .with(httpBasic("fabrikam-admin", "fabrikam-admin")).contentType(MediaType.APPLICATION_JSON)
          .content("{\"reason\":\"The customer moved on\"}")).andReturn().getResponse());
      otherNode.awaitBlocked(withdrawal);
      otherNode.commit();
      MockHttpServletResponse answer = withdrawal.get(60, TimeUnit.SECONDS);

      assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(200);
      assertThat(json.readTree(answer.getContentAsString()).get("status").asText()).isEqualTo("WITHDRAWN");
    } finally {
      pool.shutdownNow();
    }
    assertThat(statusOf(claimId)).isEqualTo("WITHDRAWN");
    assertThat(instance(claimId)).as("the process has ended").isNull();
    assertThat(management.createJobQuery().count()).as("no customer notification is left to send").isZero();
    assertThat(read("/api/claims/" + claimId + "/timeline", "fabrikam-admin").findValuesAsText("type"))
        .containsOnlyOnce("WITHDRAWN");
    assertThat(subjectsTo("ada@contoso.com")).isEmpty();
  }

  private Round race(ExecutorService pool, String claimId, long withdrawalDelayMillis) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    Future<MockHttpServletResponse> withdrawal = pool.submit(() -> {
      start.await();
      Thread.sleep(withdrawalDelayMillis);
      return mvc.perform(post("/api/claims/" + claimId + "/withdrawal").with(httpBasic("fabrikam-admin", "fabrikam-admin"))
          .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"The customer moved on\"}")).andReturn().getResponse();
    });
    Future<String> approval = pool.submit(() -> {
      start.await();
      try {
        validate(claimId, "APPROVED", null, null);
        return "completed";
      } catch (RuntimeException e) {
        // the validator's side (Tasklist, /engine-rest) is answered elsewhere; here only what happened counts
        return e.getClass().getSimpleName();
      }
    });
    start.countDown();
    MockHttpServletResponse answer = withdrawal.get(60, TimeUnit.SECONDS);
    String validatorOutcome = approval.get(60, TimeUnit.SECONDS);
    // whatever the engine has left to do runs now, as the job executor would
    for (Job job : management.createJobQuery().list()) {
      management.executeJob(job.getId());
    }
    return new Round(answer.getStatus(), json.readTree(answer.getContentAsString()), validatorOutcome, statusOf(claimId),
        instance(claimId) != null, subjectsTo("ada@contoso.com"));
  }

  /**
   * Another organisation's admin asking to change a claim finds nothing (404) at once, even while the claim's own
   * organisation holds its row: a change locks only a claim that is the caller's to change.
   */
  @Test
  void anotherOrganisationsChange_findsNothing_andNeverWaitsOnTheClaimsRow() throws Exception {
    String claimId = submit(Map.of());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (java.sql.Connection owner = dataSource.getConnection()) {
      owner.setAutoCommit(false);
      try (java.sql.PreparedStatement lock = owner.prepareStatement("select id from claims where id = ? for update")) {
        lock.setString(1, claimId);
        lock.executeQuery().close();
      }
      Future<MockHttpServletResponse> other = pool.submit(() -> mvc.perform(post("/api/claims/" + claimId + "/withdrawal")
          .with(httpBasic("northwind-admin", "northwind-admin")).contentType(MediaType.APPLICATION_JSON)
          .content("{\"reason\":\"Not ours\"}")).andReturn().getResponse());
      // answered while the owner still holds the row (a wait for it would end in the database's lock timeout)
      assertThat(other.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(404);
      owner.rollback();
    } finally {
      pool.shutdownNow();
    }
    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
  }
}
