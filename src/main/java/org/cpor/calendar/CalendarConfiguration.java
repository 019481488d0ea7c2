package org.cpor.calendar;

import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

  @Bean
  LibraryHolidays libraryHolidays(CalendarProperties properties) {
    return new LibraryHolidays(properties.country(), properties.subdivision());
  }

  @Bean
  CalendarHolidays calendarHolidays(LibraryHolidays library, HolidayStore store, CalendarProperties properties) {
    return new CalendarHolidays(library, store, properties.refreshInterval(), System::nanoTime);
  }

  @Bean
  BusinessCalendar businessCalendar(Clock clock, CalendarHolidays holidays, LibraryHolidays library, CalendarProperties properties) {
    log.info("Business days are counted in {} and skip the public holidays of {} (holiday library Jollyday) as administrators"
        + " changed them; other nodes' changes are seen within {}", properties.zone(), library.description(), properties.refreshInterval());
    return new BusinessCalendar(clock, ZoneId.of(properties.zone()), holidays);
  }
}
