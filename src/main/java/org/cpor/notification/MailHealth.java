package org.cpor.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether e-mails go out, read from the notification log: DOWN while the mail server's latest answer was a failure.
 * It never talks to the mail server itself, so {@code /actuator/health} answers at once whatever the server does,
 * and it is part of neither liveness nor readiness: a node whose mail server is down still serves every request.
 */
@Component("mail")
class MailHealth implements HealthIndicator {

  private final NotificationStore store;

  MailHealth(NotificationStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    NotificationStore.Backlog backlog = store.backlog();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("waiting", backlog.waiting());
    if (backlog.oldestSince() != null) {
      details.put("oldestWaitingSince", backlog.oldestSince().toString());
    }
    return store.latestAttempt().filter(attempt -> attempt.state() != DeliveryState.SENT && attempt.lastError() != null)
        .map(failed -> Health.down().withDetails(details).withDetail("lastError", failed.lastError()).build())
        .orElseGet(() -> Health.up().withDetails(details).build());
  }
}
