package org.cpor.notification;

import java.time.Instant;

/** One e-mail of the notification log, with its delivery state. */
record Notification(long id, String claimId, NotificationKind kind, String recipient, String language,
    String subject, String body, Instant createdAt, DeliveryState state, int attempts, Instant nextAttemptAt,
    Instant sentAt, String lastError) {}
