package org.cpor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail server that is down, or accepts a connection and never answers, holds no step for ever, and the node stays
 * live and ready: the mail server is in neither probe; {@code /actuator/health} answers at once and says what is wrong.
 */
class MailOutageTest extends IntegrationTest {

  @Autowired JavaMailSenderImpl smtp;

  @Test
  void everyWaitOnTheMailServerHasATimeout() {
    Properties properties = smtp.getJavaMailProperties();
    assertThat(properties.getProperty("mail.smtp.connectiontimeout")).isEqualTo("5000");
    assertThat(properties.getProperty("mail.smtp.timeout")).isEqualTo("10000");
    assertThat(properties.getProperty("mail.smtp.writetimeout")).isEqualTo("10000");
  }

  @Test
  void aMailServerThatNeverAnswers_failsTheCustomersNotification_andHealthAnswersMeanwhile() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    mailLine.hang();
    String jobId = job(claimId).getId();

    CompletableFuture<Void> step = CompletableFuture.runAsync(() -> management.executeJob(jobId));
    // while the step waits on the mail server, the node answers
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    read("/api/claims/" + claimId, "fabrikam-user");

    assertThatThrownBy(() -> step.get(60, TimeUnit.SECONDS)).hasMessageContaining("could not be sent");
    assertThat(claim(claimId).optOutDeadlineAt()).isNull();
    assertThat(job(claimId).getRetries()).as("the step is retried on its cycle").isEqualTo(4);
    mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin")))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.components.mail.status").value("DOWN"))
        .andExpect(jsonPath("$.components.mail.details.lastError").value(org.hamcrest.Matchers.containsString("SocketTimeoutException")));
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
  }

  @Test
  void aMailServerThatIsDown_isShownToAdministrators_andLeavesLivenessAndReadinessUp() throws Exception {
    mailLine.down();
    submit(Map.of());

    mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin"))).andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.components.mail.status").value("DOWN"))
        .andExpect(jsonPath("$.components.mail.details.waiting").value(1));
    mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.components").doesNotExist());
    mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));

    mailLine.up();
    outboxRetriesNow();
    mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin"))).andExpect(status().isOk())
        .andExpect(jsonPath("$.components.mail.status").value("UP"))
        .andExpect(jsonPath("$.components.mail.details.waiting").value(0));
  }

  @Autowired NotificationOutbox outbox;

  private void outboxRetriesNow() {
    setTime(NOW.plus(Duration.ofHours(1)));
    outbox.sendDue();
  }
}
