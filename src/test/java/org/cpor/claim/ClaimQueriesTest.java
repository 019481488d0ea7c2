package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpor.support.SqlStatements.touching;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpor.support.IntegrationTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
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

  /**
   * A request reads each thing once: no query of the product's own tables runs again unless the request wrote to what
   * it reads in between (a submission reads its claim again once the process has moved it on). The engine's
   * statements are its own.
   */
  @Test
  void eachRequest_runsEachOfTheProductsQueriesOnce() throws Exception {
    claimsInEveryState();
    String rejected = submitForNewTenant("INTUNE");
    validate(rejected, "REJECTED", "INSUFFICIENT_POE", "Not signed");
    String asked = submitForNewTenant("INTUNE");
    validate(asked, "INFORMATION_REQUESTED", "MISSING_POE", "Which file?");
    Map<String, Object> body = claimBody(Map.of("customerTenantId", ADATUM, "customerDomain", "adatum.hu"));

    Map<String, List<String>> requests = new java.util.LinkedHashMap<>();
    requests.put("the portal's list", sql.during(() -> mvc.perform(get("/portal/claims").with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isOk())));
    requests.put("the portal's list of claims needing action", sql.during(() -> mvc.perform(get("/portal/claims?view=action")
        .with(httpBasic("fabrikam-admin", "fabrikam-admin"))).andExpect(status().isOk())));
    requests.put("the portal's page of a rejected claim", sql.during(() -> mvc.perform(get("/portal/claims/" + rejected)
        .with(httpBasic("fabrikam-admin", "fabrikam-admin"))).andExpect(status().isOk())));
    requests.put("the portal's page of a claim with a question", sql.during(() -> mvc.perform(get("/portal/claims/" + asked)
        .with(httpBasic("fabrikam-admin", "fabrikam-admin"))).andExpect(status().isOk())));
    requests.put("the API's claim", sql.during(() -> read("/api/claims/" + asked, "fabrikam-admin")));
    requests.put("a submission", sql.during(() -> postJson("/api/claims", body, "fabrikam-admin").andExpect(status().isCreated())));
    requests.put("a dispute", sql.during(() -> postJson("/api/claims/" + rejected + "/dispute",
        Map.of("justification", "Signed now"), "fabrikam-admin").andExpect(status().isOk())));

    Map<String, Map<String, Long>> repeats = new java.util.LinkedHashMap<>();
    requests.forEach((request, statements) -> {
      if (!repeated(statements).isEmpty()) {
        repeats.put(request, repeated(statements));
      }
    });
    assertThat(repeats).as("queries run more than once, by request").isEmpty();
  }

  /** The product's queries (not the engine's) that ran again with nothing written to their tables in between. */
  private static Map<String, Long> repeated(List<String> statements) {
    Map<String, Long> repeats = new java.util.TreeMap<>();
    Map<String, Integer> lastRun = new java.util.HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      String statement = statements.get(i).toLowerCase(java.util.Locale.ROOT);
      if (!statement.startsWith("select") || statement.contains("act_")) {
        continue;
      }
      Integer before = lastRun.put(statement, i);
      if (before != null && statements.subList(before + 1, i).stream().map(s -> s.toLowerCase(java.util.Locale.ROOT))
          .filter(s -> !s.startsWith("select")).noneMatch(write -> tables(write).stream().anyMatch(tables(statement)::contains))) {
        repeats.merge(statements.get(i), 1L, Long::sum);
      }
    }
    return repeats;
  }

  /** The tables a statement names; a claim's workloads are read and written as part of the claim. */
  private static Set<String> tables(String statement) {
    Set<String> tables = new java.util.HashSet<>();
    Matcher table = Pattern.compile("\\b(?:from|join|update|into)\\s+([a-z_]+)").matcher(statement);
    while (table.find()) {
      tables.add(table.group(1).equals("claim_workloads") ? "claims" : table.group(1));
    }
    return tables;
  }
}
