package org.cpor.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.identity.Caller;
import org.cpor.partner.Organisation;
import org.springframework.stereotype.Component;

/** Instants as a partner reads them: in the organisation's time zone (else the calendar's), labelled with it. */
@Component
public class Deadlines {

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final BusinessCalendar calendar;

  Deadlines(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  public ZoneId zone(Caller caller) {
    return caller.organisation().map(Organisation::timeZone).map(ZoneId::of).orElse(calendar.zone());
  }

  public String format(Instant instant, Caller caller) {
    if (instant == null) {
      return null;
    }
    ZoneId zone = zone(caller);
    return FORMAT.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
  }

  public int businessDaysLeft(Instant deadline) {
    return calendar.businessDaysLeft(deadline);
  }
}
