package org.cpor.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The United States federal holidays (5 U.S.C. 6103) as the holiday library gives them, on their observed days. */
class LibraryHolidaysTest {

  private static final LibraryHolidays FEDERAL = new LibraryHolidays("US", "");

  /** Every federal holiday counted in the year, as the Office of Personnel Management lists them. */
  static Stream<Arguments> federalYears() {
    return Stream.of(
        Arguments.of(2026, List.of("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03",
            "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25")),
        // Juneteenth and Christmas on a Saturday, Independence Day on a Sunday; New Year's Day 2028 is a Saturday
        Arguments.of(2027, List.of("2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05",
            "2027-09-06", "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24", "2027-12-31")),
        // no New Year's Day in 2028 (observed on 2027-12-31); Veterans Day on a Saturday
        Arguments.of(2028, List.of("2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04",
            "2028-10-09", "2028-11-10", "2028-11-23", "2028-12-25")),
        // Veterans Day on a Sunday; Inauguration Day (2029-01-20, a Saturday) is a holiday around Washington only
        Arguments.of(2029, List.of("2029-01-01", "2029-01-15", "2029-02-19", "2029-05-28", "2029-06-19", "2029-07-04",
            "2029-09-03", "2029-10-08", "2029-11-12", "2029-11-22", "2029-12-25")),
        Arguments.of(2030, List.of("2030-01-01", "2030-01-21", "2030-02-18", "2030-05-27", "2030-06-19", "2030-07-04",
            "2030-09-02", "2030-10-14", "2030-11-11", "2030-11-28", "2030-12-25")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("federalYears")
  void federalCalendar_hasEveryFederalHolidayOnItsObservedDay_andNothingElse(int year, List<String> expected) {
    assertThat(FEDERAL.inYear(year)).extracting(h -> h.date().toString()).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> namedDays() {
    return Stream.of(
        Arguments.of("Independence Day on Saturday 2026-07-04, observed Friday", "2026-07-03", "Independence Day (observed)"),
        Arguments.of("Juneteenth on Saturday 2027-06-19, observed Friday", "2027-06-18", "Juneteenth (observed)"),
        Arguments.of("Independence Day on Sunday 2027-07-04, observed Monday", "2027-07-05", "Independence Day (observed)"),
        Arguments.of("Christmas Day on Saturday 2027-12-25, observed Friday", "2027-12-24", "Christmas (observed)"),
        Arguments.of("New Year's Day on Saturday 2028-01-01, observed Friday of the year before", "2027-12-31",
            "New Year's Day (observed)"),
        Arguments.of("Veterans Day on Saturday 2028-11-11, observed Friday", "2028-11-10", "Veterans Day (observed)"),
        Arguments.of("Veterans Day on Sunday 2029-11-11, observed Monday", "2029-11-12", "Veterans Day (observed)"),
        Arguments.of("Thanksgiving 2028", "2028-11-23", "Thanksgiving Day"),
        Arguments.of("Columbus Day, which the library leaves to the states", "2028-10-09", "Columbus Day"),
        Arguments.of("Martin Luther King, Jr. Day", "2030-01-21", "Martin Luther King, Jr. Day"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedDays")
  void observedHolidays_areNamedAsObserved(String why, String day, String name) {
    assertThat(FEDERAL.on(LocalDate.parse(day))).hasValueSatisfying(h -> assertThat(h.name()).isEqualTo(name));
  }

  static Stream<Arguments> noHoliday() {
    return Stream.of(
        Arguments.of("Independence Day 2026 itself, a Saturday", "2026-07-04"),
        Arguments.of("Christmas Day 2027 itself, a Saturday", "2027-12-25"),
        Arguments.of("New Year's Day 2028 itself, a Saturday", "2028-01-01"),
        Arguments.of("the day after Thanksgiving 2028 (a state holiday in some states)", "2028-11-24"),
        Arguments.of("Christmas Eve 2028", "2028-12-24"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noHoliday")
  void daysThatAreNoFederalHoliday(String why, String day) {
    assertThat(FEDERAL.on(LocalDate.parse(day))).isEmpty();
  }

  @Test
  void theFirstAndLastYearsTheApiAccepts_areAnswered() {
    assertThat(FEDERAL.inYear(1)).extracting(h -> h.date().getYear()).containsOnly(1);
    assertThat(FEDERAL.inYear(9999)).extracting(h -> h.date().getYear()).containsOnly(9999).hasSizeGreaterThanOrEqualTo(10);
  }

  @Test
  void aSubdivisionHasTheNationalHolidaysAndItsOwn() {
    LibraryHolidays california = new LibraryHolidays("us", "CA");
    assertThat(california.description()).isEqualTo("US/ca");
    assertThat(california.inYear(2026)).extracting(h -> h.date().toString())
        .contains("2026-01-01", "2026-03-31", "2026-11-26", "2026-11-27")
        .as("observances such as Lincoln's Birthday are no days off").doesNotContain("2026-02-12");
    assertThat(new LibraryHolidays("HU", null).on(LocalDate.parse("2026-08-20"))).isPresent();
  }

  @Test
  void anUnknownCountryOrSubdivision_isRefusedAtStartNamingTheSetting() {
    assertThatThrownBy(() -> new LibraryHolidays("XX", ""))
        .hasMessageContaining("CPOR_CALENDAR_COUNTRY (cpor.calendar.country)").hasMessageContaining("'XX'");
    assertThatThrownBy(() -> new LibraryHolidays("US", "zz"))
        .hasMessageContaining("CPOR_CALENDAR_SUBDIVISION (cpor.calendar.subdivision)").hasMessageContaining("ny");
    assertThatThrownBy(() -> new LibraryHolidays("US", "ny/zz")).hasMessageContaining("nyc");
  }
}
