package org.cpor.calendar;

import java.time.LocalDate;

/** The days the business-day calendar skips besides weekends. */
@FunctionalInterface
interface Holidays {
  boolean isHoliday(LocalDate day);
}
