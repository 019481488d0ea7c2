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
}
