package org.cpor.calendar;

import java.time.LocalDate;

/** What administrators say about a day, over the holiday library: a holiday of that name, or none. */
record HolidayAdjustment(LocalDate date, Kind kind, String name) {

  enum Kind {
    /** A holiday of this name on that day, whatever the library says. */
    ADDED,
    /** The library's holiday of this name does not count. */
    REMOVED
  }
}
