package org.cpor.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The public holidays of the configured country (and subdivision) as the holiday library Jollyday gives them, on the
 * days they are observed: a holiday moved off a weekend counts on the weekday it moved to, even in another year
 * (New Year's Day 2028, a Saturday, is observed on Friday 2027-12-31).
 *
 * <p>The United States without a subdivision is the federal calendar of 5 U.S.C. 6103. Jollyday's national US
 * calendar has ten of its eleven holidays: it leaves Columbus Day (the second Monday in October) to the states, so it
 * is added here.
 */
class LibraryHolidays {

  static final String COUNTRY = "CPOR_CALENDAR_COUNTRY (cpor.calendar.country)";
  static final String SUBDIVISION = "CPOR_CALENDAR_SUBDIVISION (cpor.calendar.subdivision)";

  private final HolidayManager manager;
  private final String[] subdivision;
  private final boolean usFederal;
  private final String description;

  LibraryHolidays(String country, String subdivision) {
    String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    if (!HolidayManager.getSupportedCalendarCodes().contains(code)) {
      throw new IllegalStateException(COUNTRY + ": '" + country + "' is not a country of the holiday library;"
          + " use an ISO 3166 code such as US, GB, DE or HU");
    }
    this.manager = HolidayManager.getInstance(ManagerParameters.create(code));
    this.subdivision = subdivision == null || subdivision.isBlank() ? new String[0]
        : subdivision.strip().toLowerCase(Locale.ROOT).split("/");
    CalendarHierarchy level = manager.getCalendarHierarchy();
    for (String part : this.subdivision) {
      CalendarHierarchy next = level.getChildren().get(part);
      if (next == null) {
        throw new IllegalStateException(SUBDIVISION + ": '" + subdivision + "' is not a subdivision of " + code
            + "; known there: " + new TreeMap<>(level.getChildren()).keySet());
      }
      level = next;
    }
    this.usFederal = "US".equals(code) && this.subdivision.length == 0;
    this.description = code + (this.subdivision.length == 0 ? "" : "/" + String.join("/", this.subdivision));
  }

  /** The calendar's name, such as {@code US} or {@code US/ny}. */
  String description() {
    return description;
  }

  /** The year's holidays by the day they are observed on; a day with two holidays names both. */
  List<Holiday> inYear(int year) {
    Map<LocalDate, Set<String>> days = new TreeMap<>();
    // a year's days may hold a holiday of the next year moved back (New Year's Day on a Saturday), so ask around it
    for (de.focus_shift.jollyday.core.Holiday holiday : library(LocalDate.of(year - 1, 12, 1), LocalDate.of(year + 1, 1, 31))) {
      if (holiday.getDate().getYear() == year && holiday.getType() != HolidayType.OBSERVANCE) {
        String name = holiday.getDescription(Locale.ENGLISH) + (holiday.getObservedDate().isPresent() ? " (observed)" : "");
        days.computeIfAbsent(holiday.getDate(), d -> new LinkedHashSet<>()).add(name);
      }
    }
    if (usFederal && year >= 1971) {
      // the Uniform Monday Holiday Act's date, in force since 1971
      LocalDate columbusDay = LocalDate.of(year, 10, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.MONDAY));
      days.computeIfAbsent(columbusDay, d -> new LinkedHashSet<>()).add("Columbus Day");
    }
    List<Holiday> holidays = new ArrayList<>(days.size());
    days.forEach((day, names) -> holidays.add(new Holiday(day, String.join(" / ", names))));
    return holidays;
  }

  /** The library's holiday on that day, if any. */
  Optional<Holiday> on(LocalDate day) {
    return inYear(day.getYear()).stream().filter(h -> h.date().equals(day)).findFirst();
  }

  private synchronized Set<de.focus_shift.jollyday.core.Holiday> library(LocalDate from, LocalDate to) {
    // one caller at a time: the library's thread safety is not documented, and each call takes well under a millisecond
    return manager.getHolidays(from, to, subdivision);
  }
}
