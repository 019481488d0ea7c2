package org.cpor.calendar;

import java.util.List;

/** Administrators' additions and removals as the calendar reads them. */
interface Adjustments {

  /** Raised by every change; equal revisions mean equal adjustments. */
  long revision();

  List<HolidayAdjustment> inYear(int year);
}
