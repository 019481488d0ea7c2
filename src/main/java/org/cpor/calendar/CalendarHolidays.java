package org.cpor.calendar;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The holidays the business-day calendar skips: the holiday library's, with administrators' additions and removals
 * on top. Kept per year in memory, so counting business days reads no database. A change made on this node is seen
 * as soon as it commits; a change made on another node once the calendar's revision has been read again, at most
 * {@code refreshInterval} later.
 */
class CalendarHolidays implements Holidays {

  /** Years kept at once: deadlines need two or three, readers of the calendar may ask for any. */
  private static final int YEARS_KEPT = 32;

  private record Built(long revision, long checkedAt, Map<Integer, NavigableMap<LocalDate, String>> years) {}

  private final LibraryHolidays library;
  private final Adjustments adjustments;
  private final long refreshNanos;
  private final LongSupplier nanoTime;

  private volatile Built built;
  /** Counts this node's changes: a calendar whose revision was read before one of them is not kept. */
  private long forgotten;

  CalendarHolidays(LibraryHolidays library, Adjustments adjustments, Duration refreshInterval, LongSupplier nanoTime) {
    this.library = library;
    this.adjustments = adjustments;
    this.refreshNanos = refreshInterval.toNanos();
    this.nanoTime = nanoTime;
  }

  @Override
  public boolean isHoliday(LocalDate day) {
    return year(day.getYear()).containsKey(day);
  }

  /** The year's holidays by date. */
  List<Holiday> inYear(int year) {
    List<Holiday> holidays = new ArrayList<>();
    year(year).forEach((day, name) -> holidays.add(new Holiday(day, name)));
    return holidays;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void changed(HolidaysChanged change) {
    synchronized (this) {
      forgotten++;
      built = null;
    }
  }

  private NavigableMap<LocalDate, String> year(int year) {
    Built current = current();
    NavigableMap<LocalDate, String> days = current.years().get(year);
    if (days == null) {
      days = build(year);
      current.years().put(year, days);
    }
    return days;
  }

  private Built current() {
    Built current = built;
    long now = nanoTime.getAsLong();
    if (current != null && now - current.checkedAt() < refreshNanos) {
      return current;
    }
    long before;
    synchronized (this) {
      before = forgotten;
    }
    long revision = adjustments.revision();
    Built fresh = current != null && current.revision() == revision
        ? new Built(revision, now, current.years())
        : new Built(revision, now, Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Integer, NavigableMap<LocalDate, String>> eldest) {
            return size() > YEARS_KEPT;
          }
        }));
    synchronized (this) {
      if (forgotten == before) {
        built = fresh;
      }
    }
    return fresh;
  }

  private NavigableMap<LocalDate, String> build(int year) {
    NavigableMap<LocalDate, String> days = new TreeMap<>();
    library.inYear(year).forEach(holiday -> days.put(holiday.date(), holiday.name()));
    for (HolidayAdjustment adjustment : adjustments.inYear(year)) {
      if (adjustment.kind() == HolidayAdjustment.Kind.ADDED) {
        days.put(adjustment.date(), adjustment.name());
      } else {
        days.remove(adjustment.date());
      }
    }
    return Collections.unmodifiableNavigableMap(days);
  }
}
