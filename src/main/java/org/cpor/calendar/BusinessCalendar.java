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

  BusinessCalendar(Clock clock, ZoneId zone, Holidays holidays) {
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

  private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE yyyy-MM-dd", java.util.Locale.ENGLISH);

  /**
   * A time as a partner reads it, with the weekday and the zone; a midnight says which day it starts, and which is
   * the last full day before it, since a bare "00:00" reads as either end of the day.
   */
  public static String readable(Instant instant, ZoneId zone) {
    if (instant == null) {
      return null;
    }
    ZonedDateTime local = instant.atZone(zone);
    String text = READABLE.format(local) + " (" + zone.getId() + ")";
    if (local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
      text += ", the start of that day: the last full day is " + DAY.format(local.minusDays(1));
    }
    return text;
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

  /** Business time from now until a deadline; see {@link #businessTimeBetween}. */
  public BusinessTime businessTimeLeft(Instant deadline) {
    return businessTimeBetween(now(), deadline);
  }

  /**
   * The business time a party really has between two instants: the parts of business days (in the calendar's zone)
   * that lie between them, weekends and holidays skipped. A whole business day counts as one day, the parts of days
   * at either end add up as hours (a request at Wednesday 14:30, due 14 business days later at 14:30, leaves 14 whole days, as the
   * rule promises; on the Sunday before a window that ends at Monday 00:00 a week later, five).
   */
  BusinessTime businessTimeBetween(Instant from, Instant until) {
    if (!until.isAfter(from)) {
      return BusinessTime.NONE;
    }
    int days = 0;
    java.time.Duration parts = java.time.Duration.ZERO;
    for (LocalDate day = LocalDate.ofInstant(from, zone); !day.atStartOfDay(zone).toInstant().isAfter(until); day = day.plusDays(1)) {
      if (!isBusinessDay(day)) {
        continue;
      }
      Instant start = day.atStartOfDay(zone).toInstant();
      Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
      Instant partStart = start.isBefore(from) ? from : start;
      Instant partEnd = end.isAfter(until) ? until : end;
      if (partStart.equals(start) && partEnd.equals(end)) {
        days++;
      } else if (partEnd.isAfter(partStart)) {
        parts = parts.plus(java.time.Duration.between(partStart, partEnd));
      }
    }
    days += (int) parts.toDays();
    return new BusinessTime(days, parts.minusDays(parts.toDays()));
  }

  /** Whole business days and the hours beyond them. */
  public record BusinessTime(int days, java.time.Duration rest) {
    static final BusinessTime NONE = new BusinessTime(0, java.time.Duration.ZERO);

    public boolean over() {
      return days == 0 && rest.isZero();
    }

    /** "5 business days left", "1 business day and 3 hours left", "less than an hour left", "no time left". */
    public String text() {
      long hours = rest.toHours();
      if (days == 0) {
        return hours > 0 ? plural(hours, "hour") + " left" : rest.isZero() ? "no time left" : "less than an hour left";
      }
      return plural(days, "business day") + (hours > 0 ? " and " + plural(hours, "hour") : "") + " left";
    }

    private static String plural(long n, String word) {
      return n + " " + word + (n == 1 ? "" : "s");
    }
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
