package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The total of a claim list is read from counts kept with every change of a claim, not by counting the claims: it
 * stays the number of claims the list finds through every status change, correction of workloads and concurrent
 * change, and a change made from a stale read of a claim is refused rather than miscounted.
 */
class ClaimCountsTest extends IntegrationTest {

  @Autowired ClaimCounts counts;

  private String submitForNewTenant(String user, String partnerId, List<String> workloads) throws Exception {
    String tenant = UUID.randomUUID().toString();
    return submitAs(user, Map.of("partnerId", partnerId, "customerTenantId", tenant, "customerDomain", "t" + tenant.substring(0, 8) + ".example",
        "workloads", workloads.stream().map(code -> Map.of("code", code)).toList()));
  }

  private String submitForNewTenant(String... workloads) throws Exception {
    return submitForNewTenant("fabrikam-admin", "4567890", List.of(workloads));
  }

  @Test
  void listTotals_areTheNumbersOfClaimsTheListsFind_throughEveryChangeOfTheClaims() throws Exception {
    submitForNewTenant("TEAMS");
    submitForNewTenant("TEAMS", "INTUNE");
    validate(submitForNewTenant("INTUNE"), "REJECTED", "OTHER", "No");
    String asked = submitForNewTenant("TEAMS", "EXCHANGE_ONLINE");
    validate(asked, "INFORMATION_REQUESTED", "MISSING_POE", "Which file?");
    String official = submitForNewTenant("INTUNE", "TEAMS");
    validate(official, "APPROVED", null, null);
    management.executeJob(job(official).getId());
    runWhenDue(timer(official, "BoundaryEvent_OptOutWindowElapsed"));
    String withdrawn = submitForNewTenant("TEAMS");
    postJson("/api/claims/" + withdrawn + "/withdrawal", Map.of("reason", "Customer changed plans"), "fabrikam-admin")
        .andExpect(status().isOk());
    submitForNewTenant("northwind-admin", "7654321", List.of("TEAMS"));
    // the partner answers the request and corrects the workloads: EXCHANGE_ONLINE out, INTUNE in
    postJson("/api/claims/" + asked + "/information", Map.of("comment", "Intune, not Exchange",
        "workloads", List.of(Map.of("code", "TEAMS"), Map.of("code", "INTUNE"))), "fabrikam-admin").andExpect(status().isOk());
    assertThat(List.of(statusOf(official), statusOf(withdrawn), statusOf(asked))).containsExactly("OFFICIAL", "WITHDRAWN", "UNDER_REVIEW");

    for (String user : List.of("fabrikam-admin", "validator")) {
      String organisation = user.equals("validator") ? "" : " and c.organisation_id = 'fabrikam'";
      assertTotal(user, "", "select count(*) from claims c where 1 = 1" + organisation);
      for (ClaimStatus status : ClaimStatus.values()) {
        assertTotal(user, "status=" + status, "select count(*) from claims c where c.status = '" + status + "'" + organisation);
      }
      for (String workload : List.of("TEAMS", "INTUNE", "EXCHANGE_ONLINE")) {
        assertTotal(user, "workload=" + workload, "select count(*) from claims c join claim_workloads w on w.claim_id = c.id "
            + "where w.code = '" + workload + "'" + organisation);
        assertTotal(user, "workload=" + workload + "&status=UNDER_REVIEW", "select count(*) from claims c join claim_workloads w "
            + "on w.claim_id = c.id where w.code = '" + workload + "' and c.status = 'UNDER_REVIEW'" + organisation);
      }
    }
    assertThat(read("/api/claims?workload=EXCHANGE_ONLINE", "fabrikam-admin").get("total").asLong()).as("the corrected claim left").isZero();
  }

  private void assertTotal(String user, String query, String truth) throws Exception {
    var list = sql.recorded(() -> read("/api/claims?" + query, user));
    long total = list.result().get("total").asLong();
    List<String> statements = list.statements();
    assertThat(total).as(user + ": total of /api/claims?" + query).isEqualTo(jdbc.sql(truth).query(Long.class).single());
    assertThat(statements).as("the total is not counted over the claims").noneMatch(s -> s.toLowerCase().contains("count(*) from claims"));
  }

  @Test
  void aStatusChangeFromAStaleReadOfTheClaim_isRefused_andChangesNothing() throws Exception {
    String claimId = submitForNewTenant("TEAMS");
    Claim stale = claims.get(claimId);
    postJson("/api/claims/" + claimId + "/withdrawal", Map.of("reason", "Customer changed plans"), "fabrikam-admin")
        .andExpect(status().isOk());

    assertThatThrownBy(() -> claims.updateStatus(stale, ClaimStatus.APPROVED)).isInstanceOf(OptimisticLockingFailureException.class)
        .hasMessageContaining(claimId);

    assertThat(statusOf(claimId)).isEqualTo("WITHDRAWN");
    assertThat(counts.count("fabrikam", ClaimStatus.WITHDRAWN, null, null)).isEqualTo(1);
    assertThat(counts.count("fabrikam", ClaimStatus.APPROVED, null, null)).isZero();
    assertThat(counts.count("fabrikam", stale.status(), null, null)).isZero();
  }

  @Test
  void claimsOfOneOrganisationChangedAtOnce_areEachCountedOnce() throws Exception {
    List<String> claimIds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      claimIds.add(submitForNewTenant("TEAMS", "INTUNE"));
    }
    ExecutorService partners = Executors.newFixedThreadPool(claimIds.size());
    try {
      List<Callable<Integer>> withdrawals = claimIds.stream().<Callable<Integer>>map(id -> () -> postJson("/api/claims/" + id + "/withdrawal",
          Map.of("reason", "Customer changed plans"), "fabrikam-admin").andReturn().getResponse().getStatus()).toList();
      for (Future<Integer> answer : partners.invokeAll(withdrawals)) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      partners.shutdownNow();
    }

    assertThat(read("/api/claims?status=WITHDRAWN", "fabrikam-admin").get("total").asLong()).isEqualTo(8);
    assertThat(read("/api/claims?status=WITHDRAWN&workload=INTUNE", "fabrikam-admin").get("total").asLong()).isEqualTo(8);
    assertThat(read("/api/claims?status=UNDER_REVIEW", "fabrikam-admin").get("total").asLong()).isZero();
  }
}
