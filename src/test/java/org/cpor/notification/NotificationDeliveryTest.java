package org.cpor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A mail server that is down holds nothing back and loses nothing. */
class NotificationDeliveryTest extends IntegrationTest {

  @Autowired NotificationOutbox outbox;
  @Autowired NotificationStore store;
  @Autowired Notifications notifications;

  private void mailServerDown() {
    mailLine.down();
  }

  private void mailServerUp() {
    mailLine.up();
  }

  @Test
  void partnerMailWhileServerDown_claimIsSubmittedAndTheMailIsSentLater() throws Exception {
    mailServerDown();
    String claimId = submit(Map.of());

    assertThat(statusOf(claimId)).isEqualTo("UNDER_REVIEW");
    Notification received = store.latestOfKind(claimId, NotificationKind.CLAIM_RECEIVED).orElseThrow();
    assertThat(received.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(received.attempts()).isEqualTo(1);
    assertThat(received.lastError()).isNotBlank();
    assertThat(received.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));

    mailServerUp();
    assertThat(outbox.sendDue()).as("not due yet").isZero();
    setTime(received.nextAttemptAt());
    assertThat(outbox.sendDue()).isEqualTo(1);

    Notification sent = store.find(received.id()).orElseThrow();
    assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(subjectsTo("grace@fabrikam-partner.com")).containsExactly("Claim received: Contoso Teams rollout");
  }

  @Test
  void partnerMailFailingEveryAttempt_isMarkedFailedAfterTheLastOne() throws Exception {
    mailServerDown();
    String claimId = submit(Map.of());
    for (int i = 0; i < 5; i++) {
      setTime(NOW.plus(Duration.ofHours(i + 1)));
      outbox.sendDue();
    }
    Notification failed = store.latestOfKind(claimId, NotificationKind.CLAIM_RECEIVED).orElseThrow();
    assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);
  }

  @Test
  void customerNotificationFailing_becomesAnIncidentAndTheClaimShowsIt() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    mailServerDown();

    Job job = job(claimId);
    for (int attempt = 0; attempt < 5; attempt++) {
      String jobId = job.getId();
      assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("could not be sent");
      job = job(claimId);
      if (job.getRetries() > 0) {
        setTime(job.getDuedate().toInstant());
      }
    }

    assertThat(job.getRetries()).isZero();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance(claimId).getId()).count()).isEqualTo(1);
    JsonNode claim = read("/api/claims/" + claimId, "fabrikam-user");
    assertThat(claim.get("status").asText()).isEqualTo("APPROVED");
    assertThat(claim.get("optOutDeadline").isNull()).isTrue();
    assertThat(claim.get("alerts").get(0).asText()).isEqualTo("CUSTOMER_NOTIFICATION_FAILING");
    assertThat(store.ofClaim(claimId)).filteredOn(n -> n.kind() == NotificationKind.CUSTOMER_ASSOCIATION_REQUEST)
        .hasSize(5).allSatisfy(n -> assertThat(n.state()).isEqualTo(DeliveryState.FAILED));

    // an operator fixes the mail server and retries the incident's job
    mailServerUp();
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());

    assertThat(claim(claimId).optOutDeadlineAt()).isNotNull();
    assertThat(mailTo("ada@contoso.com")).hasSize(1);
    assertThat(read("/api/claims/" + claimId, "fabrikam-user").get("alerts")).isEmpty();
  }

  @Test
  void customerNotificationSentButStepRetried_sendsNoSecondEmail() throws Exception {
    String claimId = submit(Map.of());
    validate(claimId, "APPROVED", null, null);
    Instant first = notifications.sendToCustomerOnce(claim(claimId), Map.of("declineUrl", "x", "optOutDeadline", NOW));
    setTime(NOW.plus(Duration.ofMinutes(10)));

    management.executeJob(job(claimId).getId());

    assertThat(mailTo("ada@contoso.com")).hasSize(1);
    assertThat(claim(claimId).customerNotifiedAt()).isEqualTo(first);
  }
}
