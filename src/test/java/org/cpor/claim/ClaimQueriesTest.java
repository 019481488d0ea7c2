package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpor.support.SqlStatements.touching;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/** How many SQL statements the claims API runs: a fixed few per request, whatever the number of claims it shows. */
class ClaimQueriesTest extends IntegrationTest {

  /** A claim for a tenant of its own (not in the tenant directory), so that none competes with another. */
  private String submitForNewTenant(String workload) throws Exception {
    String tenant = UUID.randomUUID().toString();
    return submit(Map.of("customerTenantId", tenant, "customerDomain", "t" + tenant.substring(0, 8) + ".example",
        "workloads", List.of(Map.of("code", workload))));
  }

  /** 24 claims of Fabrikam in every state a list shows differently: decided, asked for information, approved, competing. */
  private void claimsInEveryState() throws Exception {
    for (int i = 0; i < 20; i++) {
      submitForNewTenant("TEAMS");
    }
    validate(submitForNewTenant("INTUNE"), "REJECTED", "OTHER", "No");
    validate(submitForNewTenant("INTUNE"), "INFORMATION_REQUESTED", "MISSING_POE", "Which file?");
    validate(submitForNewTenant("INTUNE"), "APPROVED", null, null);
    submitAs("northwind-admin", Map.of("partnerId", "7654321"));
    submit(Map.of());
  }

  @Test
  void listPage_runsTheSameFewStatements_whateverThePageSize() throws Exception {
    claimsInEveryState();

    List<String> pageOf5 = sql.during(() -> read("/api/claims?size=5", "fabrikam-admin"));
    List<String> pageOf20 = sql.during(() -> read("/api/claims?size=20", "fabrikam-admin"));
    List<String> everyClaim = sql.during(() -> read("/api/claims?size=100", "fabrikam-admin"));
    List<String> staffPageOf20 = sql.during(() -> read("/api/claims?size=20", "validator"));

    // one query per kind of data: the page, its count, workloads, associations, files, findings, decisions, open
    // requests, the catalogue, failing notifications (two), and the caller's groups and organisation
    assertThat(List.of(pageOf5, pageOf20, everyClaim, staffPageOf20)).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(14));
    assertThat(touching(pageOf20, "claim_workloads")).as("the page's workloads, in one query").isEqualTo(1);
  }

  @Test
  void claimDetail_runsAFewStatements_whateverItsWorkloadsAndFindings() throws Exception {
    List<Map<String, String>> six = List.of(Map.of("code", "TEAMS"), Map.of("code", "EXCHANGE_ONLINE"),
        Map.of("code", "SHAREPOINT_ONLINE"), Map.of("code", "ONEDRIVE"), Map.of("code", "INTUNE"), Map.of("code", "COPILOT"));
    submitAs("northwind-admin", Map.of("partnerId", "7654321", "workloads", six));
    String claimId = submit(Map.of("workloads", six));
    validate(claimId, "INFORMATION_REQUESTED", "MISSING_POE", "Which file?");

    List<String> detail = sql.during(() -> read("/api/claims/" + claimId, "fabrikam-admin"));
    List<String> staffDetail = sql.during(() -> read("/api/claims/" + claimId, "validator"));

    assertThat(detail).as("a partner's read of a claim with six workloads, each competing").hasSizeLessThanOrEqualTo(12);
    assertThat(staffDetail).as("a validator's").hasSizeLessThanOrEqualTo(12);
  }

  @Test
  void submission_runsTheChecksQueriesOnce() throws Exception {
    String competitor = submitAs("northwind-admin", Map.of("partnerId", "7654321"));
    Map<String, Object> body = claimBody(Map.of());

    var submission = sql.recorded(() -> postJson("/api/claims", body, "fabrikam-admin").andReturn().getResponse());

    assertThat(submission.result().getStatus()).isEqualTo(201);
    List<String> statements = submission.statements();
    assertThat(statements.stream().filter(s -> s.startsWith("select") && s.contains("from associations where active_key")))
        .as("the active associations of the claim's tenant and workloads").hasSize(1);
    assertThat(statements.stream().filter(s -> s.startsWith("select") && s.contains("join claim_workloads")))
        .as("the open claims for the claim's tenant and workloads").hasSize(1);
    // reference data and the claim, asked for by the rules, the checks, the process, the task's display and the
    // e-mail: read once per transaction (the rules check the body before the submission's transaction begins)
    assertThat(touching(statements, "workloads")).as("the workload catalogue (was 7)").isLessThanOrEqualTo(3);
    assertThat(statements.stream().filter(s -> s.startsWith("select * from claims where id = ?")))
        .as("the new claim, read again in the submission and for the answer (was 5)").hasSizeLessThanOrEqualTo(2);
    // what the checks found is what it was: the competitor in the findings and on the validator's task
    String claimId = json.readTree(submission.result().getContentAsString()).get("id").asText();
    assertThat(claims.findings(claimId)).extracting(Finding::code).containsExactly("COMPETING_CLAIM", "COMPETING_CLAIM");
    assertThat(tasks.getVariableLocal(task(claimId, "Task_ValidateClaim").getId(), "competingClaims").toString())
        .contains("open claim " + competitor);
  }
}
