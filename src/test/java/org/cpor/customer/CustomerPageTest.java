package org.cpor.customer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The customer's pages behind the signed link. */
class CustomerPageTest extends IntegrationTest {

  @Autowired CustomerLinks links;

  private String notifiedClaim() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    return claimId;
  }

  @Test
  void page_showsPartnerTenantWorkloadsAccessAndDeadline() throws Exception {
    String claimId = notifiedClaim();
    mvc.perform(get("/customer/associations/" + links.token(claimId))).andExpect(status().isOk())
        .andExpect(content().string(containsString("Fabrikam")))
        .andExpect(content().string(containsString(CONTOSO)))
        .andExpect(content().string(containsString("Microsoft Teams")))
        .andExpect(content().string(containsString("usage and sold-seat data")))
        .andExpect(content().string(containsString("2026-12-09 14:30 (UTC)")))
        .andExpect(content().string(containsString("/decline")));
  }

  @Test
  void page_switchesToHungarian() throws Exception {
    String claimId = notifiedClaim();
    mvc.perform(get("/customer/associations/" + links.token(claimId)).param("lang", "hu")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Partnerkapcsolati kérelem")))
        .andExpect(content().string(containsString("lang=\"hu\"")));
  }

  @Test
  void confirmationPage_postsTheDeclineWithCsrfProtection() throws Exception {
    String claimId = notifiedClaim();
    String token = links.token(claimId);
    mvc.perform(get("/customer/associations/" + token + "/decline")).andExpect(status().isOk())
        .andExpect(content().string(containsString("method=\"post\"")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));
    mvc.perform(post("/customer/associations/" + token + "/decline")).andExpect(status().isForbidden());
    Assertions.assertThat(statusOf(claimId)).isEqualTo("APPROVED");
  }

  @Test
  void alteredToken_isNotFoundAndChangesNothing() throws Exception {
    String claimId = notifiedClaim();
    String token = links.token(claimId);
    String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
    mvc.perform(get("/customer/associations/" + altered)).andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("Fabrikam"))));
    mvc.perform(post("/customer/associations/" + altered + "/decline").with(csrf())).andExpect(status().isNotFound());
    Assertions.assertThat(statusOf(claimId)).isEqualTo("APPROVED");
    Assertions.assertThat(claim(claimId).customerDeclinedAt()).isNull();
  }

  @Test
  void linkBeforeTheCustomerIsNotified_isNotFound() throws Exception {
    String claimId = submit(Map.of());
    mvc.perform(get("/customer/associations/" + links.token(claimId))).andExpect(status().isNotFound());
  }
}
