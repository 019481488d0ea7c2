package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A submission holds its organisation's lock for its customer tenant only: while one is stored for a tenant, the
 * organisation's submissions for other tenants go on (they used to wait for the whole organisation).
 */
class SubmissionLocksTest extends IntegrationTest {

  @Autowired SubmissionLocks locks;
  @Autowired TransactionTemplate transactions;

  @Test
  void whileASubmissionForOneTenantIsStored_oneForAnotherTenantGoesOn() throws Exception {
    String heldTenant = UUID.randomUUID().toString();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
      locks.hold("fabrikam", heldTenant);
      held.countDown();
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    try {
      assertThat(held.await(30, TimeUnit.SECONDS)).as("the lock for " + heldTenant + " is held").isTrue();
      String otherTenant = UUID.randomUUID().toString();
      Map<String, Object> body = claimBody(Map.of("customerTenantId", otherTenant, "customerDomain", "t" + otherTenant.substring(0, 8) + ".example",
          "workloads", List.of(Map.of("code", "TEAMS"))));

      int status = CompletableFuture.supplyAsync(() -> {
        try {
          return postJson("/api/claims", body, "fabrikam-admin").andReturn().getResponse().getStatus();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).get(30, TimeUnit.SECONDS);

      assertThat(status).as("Fabrikam's submission for another tenant, while the lock is held").isEqualTo(201);
      assertThat(holder).as("the lock is still held").isNotDone();
    } finally {
      release.countDown();
      holder.get(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void twoSubmissionsForDifferentTenantsCitingOneFile_atOnce_oneGetsTheFile_theOtherIsRefused() throws Exception {
    String poeId = uploadPoe("fabrikam-admin", "signed-poe.pdf", PDF);
    List<Map<String, Object>> bodies = new java.util.ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String tenant = UUID.randomUUID().toString();
      bodies.add(claimBody(Map.of("customerTenantId", tenant, "customerDomain", "t" + tenant.substring(0, 8) + ".example",
          "workloads", List.of(Map.of("code", "TEAMS")), "poeIds", List.of(poeId))));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> answers = bodies.stream().map(body -> CompletableFuture.supplyAsync(() -> {
      try {
        start.await();
        return postJson("/api/claims", body, "fabrikam-admin").andReturn().getResponse().getStatus();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })).toList();
    start.countDown();
    List<Integer> statuses = new java.util.ArrayList<>();
    for (CompletableFuture<Integer> answer : answers) {
      statuses.add(answer.get(60, TimeUnit.SECONDS));
    }

    // the one that comes second is refused: 409 when it checked the file before the other attached it, 400 (already
    // attached) when after
    assertThat(statuses).hasSize(2).containsOnlyOnce(201).allMatch(status -> status == 201 || status == 409 || status == 400);
    assertThat(jdbc.sql("select count(*) from claims").query(Long.class).single()).as("claims stored").isEqualTo(1);
    assertThat(jdbc.sql("select c.customer_tenant_id from poe_files f join claims c on c.id = f.claim_id where f.id = ?")
        .param(poeId).query(String.class).single()).as("the file's claim").isIn(bodies.stream().map(b -> b.get("customerTenantId")).toList());
  }
}
