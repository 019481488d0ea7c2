package org.cpor.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cpor.identity.Callers;
import org.cpor.identity.Groups;
import org.cpor.web.ApiDocs;
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

  @Tag(name = ApiDocs.CALENDAR)
  @Operation(summary = "Read the time zone business days are counted in")
  @ApiResponse(responseCode = "200", description = "{zone}")
  @GetMapping
  Map<String, String> calendar() {
    return Map.of("zone", calendar.zone().getId());
  }

  @Tag(name = ApiDocs.CALENDAR)
  @Operation(summary = "List a year's holidays that business days skip (default: this year)")
  @ApiResponse(responseCode = "200", description = "The holidays: date and name")
  @ApiResponse(responseCode = "400", description = "year is not a whole number from 1 to 9999")
  @GetMapping("/holidays")
  List<Holiday> holidays(@RequestParam(required = false) Integer year) {
    if (year != null && (year < 1 || year > 9999)) {
      throw new InvalidInputException("year", "must be a year from 1 to 9999");
    }
    return holidays.inYear(year != null ? year : LocalDate.ofInstant(calendar.now(), calendar.zone()).getYear());
  }

  /** Administrators' additions and removals over the holiday library, every year. */
  @Tag(name = ApiDocs.ADMINISTRATOR)
  @Operation(summary = "List administrators' additions to and removals from the holiday library, every year")
  @ApiResponse(responseCode = "200", description = "Each change: date, kind (ADDED or REMOVED), name")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @GetMapping("/adjustments")
  @PreAuthorize("hasAuthority('" + Groups.ADMINS + "')")
  List<HolidayAdjustment> adjustments() {
    return store.all();
  }

  record HolidayName(@NotBlank @Size(max = 120) String name) {}

  @Tag(name = ApiDocs.ADMINISTRATOR)
  @Operation(summary = "Make a day a holiday of that name (add, rename, or restore a library holiday)")
  @ApiResponse(responseCode = "200", description = "The holiday as the calendar has it now")
  @ApiResponse(responseCode = "400", description = "date is not YYYY-MM-DD of the years 1–9999, or the name is missing or "
      + "over 120 characters")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @PutMapping("/holidays/{date}")
  @PreAuthorize("hasAuthority('" + Groups.ADMINS + "')")
  Holiday put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @Valid @RequestBody HolidayName body) {
    return changes.put(date, body.name().strip(), callers.current().userId());
  }

  @Tag(name = ApiDocs.ADMINISTRATOR)
  @Operation(summary = "Make a day no holiday (withdraw an addition or remove a library holiday)")
  @ApiResponse(responseCode = "204", description = "The day is no holiday")
  @ApiResponse(responseCode = "400", description = "date is not YYYY-MM-DD of the years 1–9999")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @ApiResponse(responseCode = "404", description = "the day is no holiday")
  @DeleteMapping("/holidays/{date}")
  @PreAuthorize("hasAuthority('" + Groups.ADMINS + "')")
  ResponseEntity<Void> delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    changes.remove(date, callers.current().userId());
    return ResponseEntity.noContent().build();
  }
}
