package org.cpor.portal;

import java.time.Instant;
import java.time.ZoneId;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.identity.Caller;
import org.cpor.partner.Organisation;
import org.springframework.stereotype.Component;

/** Instants as a partner reads them: in the organisation's time zone (else the calendar's), labelled with it. */
@Component
public class Deadlines {

  private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private static final java.util.regex.Pattern INSTANT =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

  private final BusinessCalendar calendar;

  Deadlines(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  public ZoneId zone(Caller caller) {
    return calendar.zoneOf(caller.organisation().map(Organisation::timeZone).orElse(null));
  }

  public String format(Instant instant, Caller caller) {
    return BusinessCalendar.readable(instant, zone(caller));
  }

  /** A time in a list whose heading names the zone. */
  public String time(Instant instant, Caller caller) {
    return instant == null ? "" : TIME.format(instant.atZone(zone(caller)));
  }

  /** A text with the instants it names ({@code due by 2026-12-22T14:30:00Z}) written as {@link #format} writes them. */
  public String text(String text, Caller caller) {
    if (text == null) {
      return null;
    }
    return INSTANT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(format(Instant.parse(m.group()), caller)));
  }

  /** What the partner (or the customer) still has until the deadline, in words: "3 business days and 4 hours left". */
  public String left(Instant deadline) {
    return calendar.businessTimeLeft(deadline).text();
  }
}
