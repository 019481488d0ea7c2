package org.cpor.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cpor.identity.Callers;
import org.cpor.identity.Groups;
import org.cpor.web.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
class CalendarController {

  private final CalendarHolidays holidays;
  private final HolidayStore store;
  private final HolidayChanges changes;
  private final BusinessCalendar calendar;
  private final Callers callers;

  CalendarController(CalendarHolidays holidays, HolidayStore store, HolidayChanges changes, BusinessCalendar calendar,
      Callers callers) {
    this.holidays = holidays;
    this.store = store;
    this.changes = changes;
    this.calendar = calendar;
    this.callers = callers;
  }

  @GetMapping
  Map<String, String> calendar() {
    return Map.of("zone", calendar.zone().getId());
  }

  @GetMapping("/holidays")
  List<Holiday> holidays(@RequestParam(required = false) Integer year) {
    if (year != null && (year < 1 || year > 9999)) {
      throw new InvalidInputException("year", "must be a year from 1 to 9999");
    }
    return holidays.inYear(year != null ? year : LocalDate.ofInstant(calendar.now(), calendar.zone()).getYear());
  }

  /** Administrators' additions and removals over the holiday library, every year. */
  @GetMapping("/adjustments")
  @PreAuthorize("hasAuthority('" + Groups.ADMINS + "')")
  List<HolidayAdjustment> adjustments() {
    return store.all();
  }

  record HolidayName(@NotBlank @Size(max = 120) String name) {}

  @PutMapping("/holidays/{date}")
  @PreAuthorize("hasAuthority('" + Groups.ADMINS + "')")
  Holiday put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @Valid @RequestBody HolidayName body) {
    return changes.put(date, body.name().strip(), callers.current().userId());
  }

  @DeleteMapping("/holidays/{date}")
  @PreAuthorize("hasAuthority('" + Groups.ADMINS + "')")
  ResponseEntity<Void> delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    changes.remove(date, callers.current().userId());
    return ResponseEntity.noContent().build();
  }
}
