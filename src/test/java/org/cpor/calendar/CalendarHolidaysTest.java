package org.cpor.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.cpor.calendar.HolidayAdjustment.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The library's federal holidays with administrators' additions and removals, and how the calendar keeps them. */
class CalendarHolidaysTest {

  private static final LibraryHolidays FEDERAL = new LibraryHolidays("US", "");

  /** Administrators' adjustments as another node's database would hold them, counting reads. */
  static final class FakeAdjustments implements Adjustments {
    final List<HolidayAdjustment> rows = new ArrayList<>();
    long revision;
    int revisionReads;
    int yearReads;

    FakeAdjustments with(String day, Kind kind, String name) {
      rows.add(new HolidayAdjustment(LocalDate.parse(day), kind, name));
      revision++;
      return this;
    }

    @Override
    public long revision() {
      revisionReads++;
      return revision;
    }

    @Override
    public List<HolidayAdjustment> inYear(int year) {
      yearReads++;
      return rows.stream().filter(a -> a.date().getYear() == year).toList();
    }
  }

  private final AtomicLong nanos = new AtomicLong();

  private CalendarHolidays holidays(Adjustments adjustments) {
    return new CalendarHolidays(FEDERAL, adjustments, Duration.ofSeconds(5), nanos::get);
  }

  private static BusinessCalendar calendar(Holidays holidays) {
    return new BusinessCalendar(Clock.fixed(Instant.parse("2028-11-01T00:00:00Z"), ZoneOffset.UTC), ZoneId.of("UTC"), holidays);
  }

  /** The adjustments of every row below, on days of 2028 and 2030. */
  private static FakeAdjustments adjusted() {
    return new FakeAdjustments()
        .with("2028-11-24", Kind.ADDED, "Day after Thanksgiving")
        .with("2028-11-23", Kind.REMOVED, "Thanksgiving Day")
        .with("2028-12-25", Kind.ADDED, "Christmas Day")
        .with("2030-10-14", Kind.REMOVED, "Columbus Day")
        .with("2030-03-05", Kind.ADDED, "Company day");
  }

  static Stream<Arguments> days() {
    return Stream.of(
        Arguments.of("a library holiday nobody changed", "2028-07-04", "Independence Day"),
        Arguments.of("an observed library holiday nobody changed", "2028-11-10", "Veterans Day (observed)"),
        Arguments.of("a day added next to a library holiday", "2028-11-24", "Day after Thanksgiving"),
        Arguments.of("a library holiday removed", "2028-11-23", null),
        Arguments.of("a library holiday renamed", "2028-12-25", "Christmas Day"),
        Arguments.of("Columbus Day removed in 2030 only", "2030-10-14", null),
        Arguments.of("Columbus Day of 2029 untouched", "2029-10-08", "Columbus Day"),
        Arguments.of("a day added where the library has none", "2030-03-05", "Company day"),
        Arguments.of("an ordinary weekday", "2030-03-06", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("days")
  void additionsAndRemovals_standOverTheLibrary(String why, String day, String name) {
    CalendarHolidays holidays = holidays(adjusted());
    LocalDate date = LocalDate.parse(day);
    assertThat(holidays.isHoliday(date)).isEqualTo(name != null);
    assertThat(holidays.inYear(date.getYear())).filteredOn(h -> h.date().equals(date)).extracting(Holiday::name)
        .isEqualTo(name == null ? List.of() : List.of(name));
  }

  static Stream<Arguments> deadlines() {
    return Stream.of(
        Arguments.of("Wednesday before Thanksgiving 2028, the library alone", false, "2028-11-22T14:30:00Z", 5, "2028-11-30T14:30:00Z"),
        Arguments.of("Thanksgiving removed, the day after added", true, "2028-11-22T14:30:00Z", 5, "2028-11-30T14:30:00Z"),
        Arguments.of("Thanksgiving removed: Thursday counts", true, "2028-11-22T14:30:00Z", 1, "2028-11-23T14:30:00Z"),
        Arguments.of("the added Friday is skipped", true, "2028-11-23T09:00:00Z", 1, "2028-11-27T09:00:00Z"),
        Arguments.of("sent on the added Friday counts from Monday 00:00", true, "2028-11-24T16:00:00Z", 1, "2028-11-28T00:00:00Z"),
        Arguments.of("across observed Christmas and New Year's Day 2027", false, "2027-12-22T10:00:00Z", 5, "2027-12-30T10:00:00Z"),
        Arguments.of("New Year's Day 2028 observed on Friday 2027-12-31", false, "2027-12-28T10:00:00Z", 3, "2028-01-03T10:00:00Z"),
        Arguments.of("sent on observed New Year's Day counts from Monday 00:00", false, "2027-12-31T15:00:00Z", 1, "2028-01-04T00:00:00Z"),
        Arguments.of("Juneteenth 2027 observed on Friday", false, "2027-06-17T12:00:00Z", 1, "2027-06-21T12:00:00Z"),
        Arguments.of("Independence Day 2027 observed on Monday", false, "2027-07-02T12:00:00Z", 1, "2027-07-06T12:00:00Z"),
        Arguments.of("Veterans Day 2028 observed on Friday", false, "2028-11-08T12:00:00Z", 2, "2028-11-13T12:00:00Z"),
        Arguments.of("Veterans Day 2029 observed on Monday", false, "2029-11-09T12:00:00Z", 1, "2029-11-13T12:00:00Z"),
        Arguments.of("Columbus Day 2030", false, "2030-10-11T12:00:00Z", 1, "2030-10-15T12:00:00Z"),
        Arguments.of("Columbus Day 2030 removed", true, "2030-10-11T12:00:00Z", 1, "2030-10-14T12:00:00Z"),
        Arguments.of("Thanksgiving 2030", false, "2030-11-27T12:00:00Z", 1, "2030-11-29T12:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deadlines")
  void businessDays_skipTheLibrarysHolidaysAsAdjusted(String why, boolean adjustedCalendar, String start, int days, String expected) {
    BusinessCalendar calendar = calendar(holidays(adjustedCalendar ? adjusted() : new FakeAdjustments()));
    assertThat(calendar.addBusinessDays(Instant.parse(start), days)).isEqualTo(Instant.parse(expected));
  }

  @Test
  void countingBusinessDays_readsTheDatabaseOncePerYear_notPerDay() {
    FakeAdjustments adjustments = adjusted();
    BusinessCalendar calendar = calendar(holidays(adjustments));

    calendar.addBusinessDays(Instant.parse("2028-11-22T14:30:00Z"), 250);
    calendar.addBusinessDays(Instant.parse("2028-02-01T14:30:00Z"), 60);

    assertThat(adjustments.yearReads).as("2028 and 2029").isEqualTo(2);
    assertThat(adjustments.revisionReads).isEqualTo(1);
  }

  @Test
  void aChangeOnAnotherNode_isSeenOnceTheRevisionIsReadAgain_atMostTheRefreshIntervalLater() {
    FakeAdjustments adjustments = new FakeAdjustments();
    CalendarHolidays holidays = holidays(adjustments);
    LocalDate thanksgiving = LocalDate.parse("2028-11-23");
    assertThat(holidays.isHoliday(thanksgiving)).isTrue();

    adjustments.with("2028-11-23", Kind.REMOVED, "Thanksgiving Day");
    nanos.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(holidays.isHoliday(thanksgiving)).as("within the refresh interval").isTrue();
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(holidays.isHoliday(thanksgiving)).as("after it").isFalse();
    assertThat(adjustments.yearReads).isEqualTo(2);

    nanos.addAndGet(Duration.ofSeconds(60).toNanos());
    assertThat(holidays.isHoliday(thanksgiving)).isFalse();
    assertThat(adjustments.yearReads).as("an unchanged revision keeps the years").isEqualTo(2);
    assertThat(adjustments.revisionReads).isEqualTo(3);
  }

  @Test
  void aChangeOnThisNode_isSeenAsSoonAsItCommits() {
    FakeAdjustments adjustments = new FakeAdjustments();
    CalendarHolidays holidays = holidays(adjustments);
    LocalDate companyDay = LocalDate.parse("2028-08-07");
    assertThat(holidays.isHoliday(companyDay)).isFalse();

    adjustments.with("2028-08-07", Kind.ADDED, "Company day");
    holidays.changed(new HolidaysChanged());

    assertThat(holidays.isHoliday(companyDay)).isTrue();
  }
}
