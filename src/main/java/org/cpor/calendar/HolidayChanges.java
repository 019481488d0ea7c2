package org.cpor.calendar;

import java.time.LocalDate;
import java.util.Optional;
import org.cpor.changelog.AdminChanges;
import org.cpor.web.InvalidInputException;
import org.cpor.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators make a day a holiday or no holiday, over what the holiday library says; each change is recorded
 * with the other changes of administrators. Only the difference from the library is stored, so a day set back to
 * the library's holiday follows the library again. Deadlines computed before a change keep their dates.
 */
@Service
@Transactional
class HolidayChanges {

  static final String ENTITY = "HOLIDAY";

  private final LibraryHolidays library;
  private final HolidayStore store;
  private final AdminChanges changes;

  HolidayChanges(LibraryHolidays library, HolidayStore store, AdminChanges changes) {
    this.library = library;
    this.store = store;
    this.changes = changes;
  }

  /** The day is a holiday of this name: added, renamed, or a removed library holiday restored. */
  Holiday put(LocalDate day, String name, String actor) {
    checkYear(day);
    store.lock();
    Optional<String> before = current(day);
    Optional<Holiday> fromLibrary = library.on(day);
    if (fromLibrary.filter(h -> h.name().equals(name)).isPresent()) {
      store.delete(day);
    } else {
      store.put(new Holiday(day, name));
    }
    changes.record(actor, ENTITY, day.toString(), "holiday: " + name + " (before: " + before.orElse("no holiday")
        + (fromLibrary.isPresent() ? "; holiday library: " + fromLibrary.get().name() : "") + ")");
    return new Holiday(day, name);
  }

  /** The day is no holiday: an addition withdrawn, or the library's holiday removed. */
  void remove(LocalDate day, String actor) {
    checkYear(day);
    store.lock();
    String before = current(day).orElseThrow(() -> new NotFoundException("No holiday on " + day));
    Optional<Holiday> fromLibrary = library.on(day);
    if (fromLibrary.isPresent()) {
      store.remove(fromLibrary.get());
    } else {
      store.delete(day);
    }
    changes.record(actor, ENTITY, day.toString(), "no holiday (before: " + before
        + (fromLibrary.isPresent() ? "; holiday library: " + fromLibrary.get().name() : "") + ")");
  }

  /** The holiday on that day as it stands in the database, not in a node's cache. */
  private Optional<String> current(LocalDate day) {
    Optional<HolidayAdjustment> adjustment = store.on(day);
    if (adjustment.isPresent()) {
      return adjustment.filter(a -> a.kind() == HolidayAdjustment.Kind.ADDED).map(HolidayAdjustment::name);
    }
    return library.on(day).map(Holiday::name);
  }

  private static void checkYear(LocalDate day) {
    if (day.getYear() < 1 || day.getYear() > 9999) {
      throw new InvalidInputException("date", "must be a day of the years 1 to 9999");
    }
  }
}
