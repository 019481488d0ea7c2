package org.cpor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BusinessCalendarTest {

  private static final Set<LocalDate> HOLIDAYS = Set.of(
      LocalDate.parse("2026-11-26"), // Thanksgiving, a Thursday
      LocalDate.parse("2026-12-25"), // Christmas, a Friday
      LocalDate.parse("2027-01-01"), // New Year, a Friday
      LocalDate.parse("2027-01-18"), // Martin Luther King Jr. Day, a Monday
      LocalDate.parse("2027-03-31"), // a Wednesday, to cross a month end
      LocalDate.parse("2026-10-26")); // a Monday after the end of summer time in Europe

  private static BusinessCalendar calendar(String zone) {
    return new BusinessCalendar(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC), ZoneId.of(zone), HOLIDAYS::contains);
  }

  static Stream<Arguments> fiveBusinessDays() {
    return Stream.of(
        Arguments.of("Wednesday 14:30 to the next Wednesday 14:30", "UTC", "2026-12-02T14:30:00Z", 5, "2026-12-09T14:30:00Z"),
        Arguments.of("across a weekend", "UTC", "2026-12-04T09:00:00Z", 5, "2026-12-11T09:00:00Z"),
        Arguments.of("Saturday counts as Monday 00:00", "UTC", "2026-12-05T16:45:00Z", 5, "2026-12-14T00:00:00Z"),
        Arguments.of("Sunday counts as Monday 00:00", "UTC", "2026-12-06T23:59:00Z", 5, "2026-12-14T00:00:00Z"),
        Arguments.of("Thanksgiving Thursday is skipped", "UTC", "2026-11-25T10:00:00Z", 5, "2026-12-03T10:00:00Z"),
        Arguments.of("sent on a holiday counts from the next business day", "UTC", "2026-11-26T15:00:00Z", 5, "2026-12-04T00:00:00Z"),
        Arguments.of("Thursday before a holiday Monday", "UTC", "2027-01-14T10:15:00Z", 5, "2027-01-22T10:15:00Z"),
        Arguments.of("Christmas Friday is skipped", "UTC", "2026-12-23T08:00:00Z", 5, "2026-12-31T08:00:00Z"),
        Arguments.of("New Year's Day is skipped across the year end", "UTC", "2026-12-28T08:00:00Z", 5, "2027-01-05T08:00:00Z"),
        Arguments.of("across a month end with a holiday", "UTC", "2027-03-29T12:00:00Z", 3, "2027-04-02T12:00:00Z"),
        Arguments.of("fourteen business days", "UTC", "2026-12-02T14:30:00Z", 14, "2026-12-22T14:30:00Z"),
        Arguments.of("zero days from a business day is the same instant", "UTC", "2026-12-02T14:30:00Z", 0, "2026-12-02T14:30:00Z"),
        Arguments.of("Budapest: local time kept across the end of summer time", "Europe/Budapest",
            "2026-10-22T12:30:00Z", 5, "2026-10-30T13:30:00Z"),
        Arguments.of("Budapest: a late evening is still the same local day", "Europe/Budapest",
            "2026-12-04T22:30:00Z", 1, "2026-12-07T22:30:00Z"),
        Arguments.of("Budapest: local time kept across the start of summer time", "Europe/Budapest",
            "2027-03-26T08:00:00Z", 1, "2027-03-29T07:00:00Z"),
        Arguments.of("Los Angeles: local time kept across the start of daylight saving", "America/Los_Angeles",
            "2027-03-12T17:00:00Z", 1, "2027-03-15T16:00:00Z"),
        Arguments.of("Los Angeles: Friday evening local is Saturday in UTC", "America/Los_Angeles",
            "2026-12-05T03:00:00Z", 1, "2026-12-08T03:00:00Z"),
        Arguments.of("Los Angeles: 02:30 on the Monday after the spring-forward night", "America/Los_Angeles",
            "2027-03-12T10:30:00Z", 1, "2027-03-15T09:30:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fiveBusinessDays")
  void addBusinessDays_sameLocalTimeOnTheNthBusinessDay(String why, String zone, String start, int days, String expected) {
    assertThat(calendar(zone).addBusinessDays(Instant.parse(start), days)).isEqualTo(Instant.parse(expected));
  }

  static Stream<Arguments> businessTimeLeft() {
    return Stream.of(
        Arguments.of("fresh information request: the 14 business days of the rule", "UTC",
            "2026-12-02T14:30:00Z", "2026-12-22T14:30:00Z", 14, 0, "14 business days left"),
        Arguments.of("Sunday before a window that ends at Monday 00:00 a week later: five", "UTC",
            "2026-12-06T10:00:00Z", "2026-12-14T00:00:00Z", 5, 0, "5 business days left"),
        Arguments.of("request sent on a Saturday counts from Monday 00:00: still 14, not 15", "UTC",
            "2026-12-05T16:45:00Z", "2026-12-28T00:00:00Z", 14, 0, "14 business days left"),
        Arguments.of("mid-week: whole days and the hours beyond them", "UTC",
            "2026-12-03T10:00:00Z", "2026-12-08T14:30:00Z", 3, 4, "3 business days and 4 hours left"),
        Arguments.of("the last day: hours only", "UTC",
            "2026-12-08T10:00:00Z", "2026-12-08T14:30:00Z", 0, 4, "4 hours left"),
        Arguments.of("the last minutes", "UTC",
            "2026-12-08T14:00:00Z", "2026-12-08T14:30:00Z", 0, 0, "less than an hour left"),
        Arguments.of("one day left", "UTC",
            "2026-12-07T14:30:00Z", "2026-12-08T14:30:00Z", 1, 0, "1 business day left"),
        Arguments.of("a weekend before the deadline gives nothing", "UTC",
            "2026-12-05T10:00:00Z", "2026-12-07T00:00:00Z", 0, 0, "no time left"),
        Arguments.of("deadline passed", "UTC",
            "2026-12-09T10:00:00Z", "2026-12-08T14:30:00Z", 0, 0, "no time left"),
        Arguments.of("Thanksgiving is no business day", "UTC",
            "2026-11-25T10:00:00Z", "2026-12-03T10:00:00Z", 5, 0, "5 business days left"),
        Arguments.of("Budapest: across the end of summer time and a holiday Monday", "Europe/Budapest",
            "2026-10-22T12:30:00Z", "2026-10-30T13:30:00Z", 5, 0, "5 business days left"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("businessTimeLeft")
  void businessTimeBetween_countsWhatThePartyReallyHas(String why, String zone, String from, String until, int days,
      long hours, String text) {
    BusinessCalendar.BusinessTime left = calendar(zone).businessTimeBetween(Instant.parse(from), Instant.parse(until));
    assertThat(left.days()).isEqualTo(days);
    assertThat(left.rest().toHours()).isEqualTo(hours);
    assertThat(left.text()).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readableTimes")
  void readable_namesTheWeekdayAndZone_andWhichDayAMidnightStarts(String why, String instant, String zone, String expected) {
    assertThat(BusinessCalendar.readable(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(expected);
  }

  static Stream<Arguments> readableTimes() {
    return Stream.of(
        Arguments.of("a time of day", "2026-12-22T14:30:00Z", "UTC", "Tuesday 2026-12-22 14:30 (UTC)"),
        Arguments.of("midnight names the last full day", "2026-12-14T00:00:00Z", "UTC",
            "Monday 2026-12-14 00:00 (UTC), the start of that day: the last full day is Sunday 2026-12-13"),
        Arguments.of("the organisation's zone", "2026-12-14T00:00:00Z", "Europe/Budapest", "Monday 2026-12-14 01:00 (Europe/Budapest)"));
  }
}
