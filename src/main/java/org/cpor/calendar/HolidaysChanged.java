package org.cpor.calendar;

/** Administrators changed the holidays: calendars built before the change are out of date once it commits. */
record HolidaysChanged() {}
