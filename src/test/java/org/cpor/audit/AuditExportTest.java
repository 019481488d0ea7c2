package org.cpor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class AuditExportTest extends IntegrationTest {

  private List<CSVRecord> export(String query, String user) throws Exception {
    String csv = mvc.perform(get("/api/audit/claims.csv" + query).with(httpBasic(user, user))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
  }

  @Test
  void export_hasEveryEventOfEveryClaimWithItsDecision() throws Exception {
    String claimId = submit(Map.of("comment", "line one\nline two, with \"quotes\""));
    validate(claimId, "REJECTED", "OTHER", "Not, \"really\"");

    List<CSVRecord> rows = export("", "auditor");

    assertThat(rows).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("claimId")).isEqualTo(claimId);
      assertThat(r.get("decisionOutcome")).isEqualTo("REJECTED");
      assertThat(r.get("decisionComment")).isEqualTo("Not, \"really\"");
    });
    assertThat(rows).extracting(r -> r.get("eventType")).contains("SUBMITTED", "DECIDED", "REJECTED");
    assertThat(rows.get(0).get("eventActor")).isEqualTo("fabrikam-admin");
  }

  @Test
  void export_isLimitedToThePeriod_andToAuditorsAndAdministrators() throws Exception {
    submit(Map.of());
    assertThat(export("?from=2026-12-02&to=2026-12-02", "admin")).isNotEmpty();
    assertThat(export("?from=2026-12-03", "auditor")).isEmpty();
    assertThat(export("?to=2026-12-01", "auditor")).isEmpty();
    mvc.perform(get("/api/audit/claims.csv").with(httpBasic("validator", "validator"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/audit/claims.csv").with(httpBasic("fabrikam-admin", "fabrikam-admin"))).andExpect(status().isForbidden());
    mvc.perform(get("/api/audit/claims.csv?from=2026-12-05&to=2026-12-01").with(httpBasic("auditor", "auditor")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void export_keepsAFormulaAPartnerTyped_asText() throws Exception {
    String claimId = submit(Map.of("name", "=HYPERLINK(\"http://evil.example\",\"x\")"));
    validate(claimId, "REJECTED", "OTHER", "@SUM(A1:A9)");

    List<CSVRecord> rows = export("", "auditor");

    assertThat(rows).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("claimName")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
      assertThat(r.get("decisionComment")).isEqualTo("'@SUM(A1:A9)");
      assertThat(r.get("claimId")).isEqualTo(claimId);
    });
  }

  /** Claims submitted on 2026-11-02, each with two timeline events and two decisions, written as the store would. */
  private void storedClaims(int count) {
    for (int i = 0; i < count; i++) {
      String id = String.format("00000000-0000-0000-0000-%012d", i);
      java.sql.Timestamp at = java.sql.Timestamp.from(java.time.Instant.parse("2026-11-02T10:00:00Z").plusSeconds(i));
      jdbc.sql("""
          insert into claims (id, name, partner_id, organisation_id, program, customer_tenant_id, customer_domain,
            customer_contact_name, customer_contact_title, customer_contact_email, customer_contact_language,
            partner_contact_name, partner_contact_email, incentive_opt_out, status, submitted_at, submitted_by)
          values (?, ?, '4567890', 'fabrikam', 'OSU_M365', ?, 'contoso.com', 'Ada', 'CIO', 'ada@contoso.com', 'en',
            'Grace', 'grace@fabrikam.example', false, 'REJECTED', ?, 'fabrikam-admin')""")
          .params(id, "Claim " + i, CONTOSO, at).update();
      jdbc.sql("insert into claim_workloads (claim_id, code) values (?, 'TEAMS'), (?, 'INTUNE')").params(id, id).update();
      jdbc.sql("""
          insert into claim_decisions (claim_id, outcome, reasons, comment, decided_at, decided_by)
          values (?, 'INFORMATION_REQUESTED', 'MISSING_POE', 'Which file?', ?, 'validator'),
                 (?, 'REJECTED', 'OTHER', ?, ?, 'validator')""").params(id, at, id, "No " + i, at).update();
      jdbc.sql("""
          insert into claim_timeline (claim_id, occurred_at, actor, type, detail)
          values (?, ?, 'fabrikam-admin', 'SUBMITTED', 'OSU_M365'), (?, ?, 'validator', 'REJECTED', 'OTHER')""")
          .params(id, at, id, at).update();
    }
  }

  @Test
  void exportOf100Claims_runsAFewStatements_andHasEveryEventWithTheLatestDecision() throws Exception {
    storedClaims(100);

    List<String> statements = sql.during(() -> export("?from=2026-11-02&to=2026-11-02", "auditor"));
    List<CSVRecord> rows = export("?from=2026-11-02&to=2026-11-02", "auditor");

    assertThat(statements).hasSizeLessThanOrEqualTo(12);
    assertThat(rows).hasSize(200);
    assertThat(rows.get(0).get("claimId")).isEqualTo("00000000-0000-0000-0000-000000000000");
    assertThat(rows.get(199).get("claimId")).isEqualTo("00000000-0000-0000-0000-000000000099");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("decisionOutcome")).isEqualTo("REJECTED");
      assertThat(r.get("decisionComment")).isEqualTo("No " + Integer.parseInt(r.get("claimId").substring(24)));
      assertThat(r.get("workloads")).isEqualTo("INTUNE TEAMS");
    });
    assertThat(rows).extracting(r -> r.get("eventType")).containsOnly("SUBMITTED", "REJECTED");
    assertThat(rows.get(0).get("eventType")).isEqualTo("SUBMITTED");
  }
}
