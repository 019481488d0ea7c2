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

  private final BusinessCalendar calendar;

  Deadlines(BusinessCalendar calendar) {
    this.calendar = calendar;
  }

  public ZoneId zone(Caller caller) {
    return calendar.zoneOf(caller.organisation().map(Organisation::timeZone).orElse(null));
  }

  public String format(Instant instant, Caller caller) {
    return BusinessCalendar.label(instant, zone(caller));
  }

  public int businessDaysLeft(Instant deadline) {
    return calendar.businessDaysLeft(deadline);
  }
}
