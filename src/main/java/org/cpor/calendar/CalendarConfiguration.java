package org.cpor.calendar;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CalendarConfiguration {

  @Bean
  LibraryHolidays libraryHolidays(CalendarProperties properties) {
    return new LibraryHolidays(properties.country(), properties.subdivision());
  }

  @Bean
  CalendarHolidays calendarHolidays(LibraryHolidays library, HolidayStore store, CalendarProperties properties) {
    return new CalendarHolidays(library, store, properties.refreshInterval(), System::nanoTime);
  }

  @Bean
  BusinessCalendar businessCalendar(Clock clock, CalendarHolidays holidays, CalendarProperties properties) {
    return new BusinessCalendar(clock, ZoneId.of(properties.zone()), holidays);
  }
}
