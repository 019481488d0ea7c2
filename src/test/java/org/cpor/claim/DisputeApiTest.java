package org.cpor.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import org.cpor.customer.CustomerDeclines;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules of a dispute: once, within 30 calendar days, never a customer's decline. */
class DisputeApiTest extends IntegrationTest {

  @Autowired CustomerDeclines customerDeclines;

  private String rejected() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "REJECTED", "WRONG_PARTNER_ID_OR_PROGRAM", "Wrong program");
    return claimId;
  }

  @Test
  void afterThirtyDays_isAConflict() throws Exception {
    String claimId = rejected();
    setTime(NOW.plus(Duration.ofDays(30)).plusSeconds(1));
    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", "late"), "fabrikam-admin")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("30 calendar days")));
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
  }

  @Test
  void withoutJustification_isABadRequest() throws Exception {
    String claimId = rejected();
    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", " "), "fabrikam-admin")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("justification"));
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
  }

  @Test
  void openClaim_cannotBeDisputed() throws Exception {
    String claimId = submit(Map.of());
    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", "why not"), "fabrikam-admin")
        .andExpect(status().isConflict());
  }

  @Test
  void customersDecline_cannotBeDisputed() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    // the customer declines through the link (its page flow is tested with the process)
    customerDeclines.decline(claimId);
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", "the customer was wrong"), "fabrikam-admin")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot be disputed")));
  }

  @Test
  void incentivesUser_mayNotDispute() throws Exception {
    String claimId = rejected();
    postJson("/api/claims/" + claimId + "/dispute", Map.of("justification", "please"), "fabrikam-user")
        .andExpect(status().isForbidden());
  }
}
