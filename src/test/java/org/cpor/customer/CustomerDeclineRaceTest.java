package org.cpor.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.cpor.support.IntegrationTest;
import org.cpor.support.OtherNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The customer declines while another node's job executor is locking the opt-out window's timer: the engine
 * refuses the decline's first write. The decline is still recorded, not answered with an error page.
 */
class CustomerDeclineRaceTest extends IntegrationTest {

  @Autowired CustomerLinks links;
  @Autowired DataSource dataSource;

  private ExecutorService pool;

  @BeforeEach
  void customerThread() {
    pool = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stopCustomerThread() {
    pool.shutdownNow();
  }

  private String notifiedClaim() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    return claimId;
  }

  private Future<MockHttpServletResponse> decline(String claimId) {
    return pool.submit(() -> mvc.perform(post("/customer/associations/" + links.token(claimId) + "/decline").with(csrf()))
        .andReturn().getResponse());
  }

  @Test
  void declineWhileAnotherNodeLocksTheWindowTimer_isRecorded() throws Exception {
    String claimId = notifiedClaim();
    MockHttpServletResponse page;
    try (OtherNode otherNode = OtherNode.acquiring(dataSource, jdbc, timer(claimId, "BoundaryEvent_OptOutWindowElapsed").getId(), NOW)) {
      Future<MockHttpServletResponse> decline = decline(claimId);
      otherNode.awaitBlocked(decline);
      otherNode.commit();
      page = decline.get(60, TimeUnit.SECONDS);
    }

    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString()).contains("You have declined this request");
    assertThat(statusOf(claimId)).isEqualTo("REJECTED");
    assertThat(claims.latestDecision(claimId).orElseThrow().reasons()).containsExactly("CUSTOMER_DECLINED");
    assertThat(instance(claimId)).as("the process has ended").isNull();
    assertThat(subjectsTo("grace@fabrikam-partner.com")).anyMatch(s -> s.toLowerCase().contains("declined"));
  }
}
