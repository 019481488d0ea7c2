package org.cpor.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import org.cpor.web.InvalidInputException;
import org.cpor.web.NotFoundException;
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

  private final HolidayStore holidays;
  private final BusinessCalendar calendar;

  CalendarController(HolidayStore holidays, BusinessCalendar calendar) {
    this.holidays = holidays;
    this.calendar = calendar;
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
    return holidays.inYear(year != null ? year : Year.now(calendar.zone()).getValue());
  }

  record HolidayName(@NotBlank @Size(max = 120) String name) {}

  @PutMapping("/holidays/{date}")
  @PreAuthorize("hasAuthority('camunda-admin')")
  Holiday put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @Valid @RequestBody HolidayName body) {
    Holiday holiday = new Holiday(date, body.name().strip());
    holidays.put(holiday);
    return holiday;
  }

  @DeleteMapping("/holidays/{date}")
  @PreAuthorize("hasAuthority('camunda-admin')")
  ResponseEntity<Void> delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    if (!holidays.delete(date)) {
      throw new NotFoundException("No holiday on " + date);
    }
    return ResponseEntity.noContent().build();
  }
}
