package org.cpor.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Business days of DOMAIN.md: weekends and the calendar's holidays are skipped, counted in one
 * configured time zone.
 */
public class BusinessCalendar {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Clock clock;
  private final ZoneId zone;
  private final Holidays holidays;

  public BusinessCalendar(Clock clock, ZoneId zone, Holidays holidays) {
    this.clock = clock;
    this.zone = zone;
    this.holidays = holidays;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The zone an organisation reads times in: its own when it has one, else the calendar's. */
  public ZoneId zoneOf(String ownTimeZone) {
    return ownTimeZone != null ? ZoneId.of(ownTimeZone) : zone;
  }

  /** A time as people read it: local date and time in the zone, labelled with the zone. */
  public static String label(Instant instant, ZoneId zone) {
    return instant == null ? null : LABEL.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
  }

  public Instant now() {
    return clock.instant();
  }

  /**
   * The same local time on the n-th business day after {@code start}; a start on a non-business day
   * counts as 00:00 of the next business day.
   */
  public Instant addBusinessDays(Instant start, int days) {
    LocalDateTime local = LocalDateTime.ofInstant(start, zone);
    if (!isBusinessDay(local.toLocalDate())) {
      local = nextBusinessDay(local.toLocalDate()).atStartOfDay();
    }
    LocalDate day = local.toLocalDate();
    for (int i = 0; i < days; i++) {
      day = nextBusinessDay(day);
    }
    // ZonedDateTime.of moves a local time that falls into a daylight-saving gap forward
    return ZonedDateTime.of(day, local.toLocalTime(), zone).toInstant();
  }

  public Instant addBusinessDaysFromNow(int days) {
    return addBusinessDays(now(), days);
  }

  /** Business days left until the deadline: days whose start is still ahead, counted from today. */
  public int businessDaysLeft(Instant deadline) {
    LocalDate today = LocalDate.ofInstant(now(), zone);
    LocalDate last = LocalDate.ofInstant(deadline, zone);
    int left = 0;
    for (LocalDate day = today; day.isBefore(last); day = day.plusDays(1)) {
      if (isBusinessDay(day.plusDays(1))) {
        left++;
      }
    }
    return deadline.isAfter(now()) ? Math.max(left, 0) : 0;
  }

  public boolean isBusinessDay(LocalDate day) {
    DayOfWeek dayOfWeek = day.getDayOfWeek();
    return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
  }

  private LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }
}
