package org.cpor.calendar;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfiguration {

  @Bean
  BusinessCalendar businessCalendar(Clock clock, HolidayStore holidays, @Value("${cpor.calendar.zone:UTC}") String zone) {
    return new BusinessCalendar(clock, ZoneId.of(zone), holidays);
  }
}
