package org.cpor.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cpor.notifications}: how often a failing e-mail is tried ({@code maxAttempts}, {@code retryDelay} growing
 * with each attempt), how often the outbox is polled, and whether sending after a commit happens on another thread.
 */
@ConfigurationProperties("cpor.notifications")
record NotificationProperties(int maxAttempts, Duration retryDelay, Duration pollInterval, boolean asynchronous) {}
