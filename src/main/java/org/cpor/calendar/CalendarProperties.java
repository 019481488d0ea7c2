package org.cpor.calendar;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cpor.calendar}: the time zone business days are counted in; the country (ISO 3166 code) and optional
 * subdivision whose public holidays the holiday library gives; how soon a node sees a holiday change made on another.
 */
@ConfigurationProperties("cpor.calendar")
record CalendarProperties(String zone, String country, String subdivision, Duration refreshInterval) {

  CalendarProperties {
    zone = zone == null || zone.isBlank() ? "UTC" : zone.strip();
    country = country == null || country.isBlank() ? "US" : country.strip();
    subdivision = subdivision == null ? "" : subdivision.strip();
    refreshInterval = refreshInterval == null ? Duration.ofSeconds(5) : refreshInterval;
    if (refreshInterval.isNegative()) {
      throw new IllegalStateException("CPOR_CALENDAR_REFRESH_INTERVAL (cpor.calendar.refresh-interval) must not be negative");
    }
  }
}
