package org.cpor.reliability;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The opt-out window as DOMAIN.md defines it, computed independently of the product: it ends at the same local time on
 * the n-th business day after the notification was sent; one sent on a non-business day counts as sent at 00:00 of the
 * next business day; Saturdays, Sundays and the calendar's holidays are skipped, in the calendar's time zone.
 */
record BusinessDays(ZoneId zone, Set<LocalDate> holidays) {

  Instant add(Instant sent, int days) {
    LocalDateTime local = LocalDateTime.ofInstant(sent, zone);
    if (!isBusinessDay(local.toLocalDate())) {
      local = next(local.toLocalDate()).atStartOfDay();
    }
    LocalDate day = local.toLocalDate();
    for (int i = 0; i < days; i++) {
      day = next(day);
    }
    return ZonedDateTime.of(day, local.toLocalTime(), zone).toInstant();
  }

  private boolean isBusinessDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
  }

  private LocalDate next(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
