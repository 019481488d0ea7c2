package org.cpor.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deadlines of claims in the weeks of a holiday the hand-typed calendar never had: Thanksgiving 2028. */
class HolidayDeadlinesTest extends IntegrationTest {

  /** Wednesday before Thanksgiving (Thursday 2028-11-23). */
  private static final Instant SUBMITTED = Instant.parse("2028-11-22T09:00:00Z");
  private static final Instant NOTIFIED = Instant.parse("2028-11-22T14:30:00Z");
  private static final LocalDate THANKSGIVING = LocalDate.parse("2028-11-23");

  @Autowired HolidayStore store;

  @AfterEach
  void thanksgivingAsTheLibrarySays() {
    store.delete(THANKSGIVING);
  }

  private String approvedAndNotified(Map<String, Object> claim) throws Exception {
    setTime(SUBMITTED);
    String claimId = submit(claim);
    setTime(NOTIFIED);
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());
    return claimId;
  }

  @Test
  void claimSubmittedTheWednesdayBeforeThanksgiving2028_getsAnOptOutWindowThatSkipsThanksgiving() throws Exception {
    setTime(SUBMITTED);
    String claimId = submit(Map.of());
    assertThat(timer(claimId, "BoundaryEvent_ReviewSlaBreached").getDuedate().toInstant())
        .as("review SLA: Friday, Monday, Tuesday, Wednesday, Thursday").isEqualTo(Instant.parse("2028-11-30T09:00:00Z"));

    setTime(NOTIFIED);
    validate(claimId, "APPROVED", null, null);
    management.executeJob(job(claimId).getId());

    Instant deadline = Instant.parse("2028-11-30T14:30:00Z");
    assertThat(claim(claimId).optOutDeadlineAt()).isEqualTo(deadline);
    assertThat(timer(claimId, "BoundaryEvent_OptOutWindowElapsed").getDuedate().toInstant()).isEqualTo(deadline);
    assertThat(read("/api/claims/" + claimId, "fabrikam-admin").get("optOutDeadline").asText()).isEqualTo("2028-11-30T14:30:00Z");
    List<MimeMessage> toCustomer = mailTo("ada@contoso.com");
    assertThat(toCustomer).hasSize(1);
    assertThat(body(toCustomer.get(0))).contains("2028-11-30 14:30 (UTC)");

    setTime(Instant.parse("2028-11-29T14:30:00Z"));
    assertThat(statusOf(claimId)).as("five days on without the holiday, the window is still open").isEqualTo("APPROVED");
    runWhenDue(timer(claimId, "BoundaryEvent_OptOutWindowElapsed"));
    assertThat(statusOf(claimId)).isEqualTo("OFFICIAL");
    assertThat(claim(claimId).officialAt()).isEqualTo(deadline);
  }

  @Test
  void aHolidayRemovedByAnAdministrator_countsForLaterDeadlines_butNeverMovesOneAlreadyCommunicated() throws Exception {
    String before = approvedAndNotified(Map.of());

    mvc.perform(delete("/api/calendar/holidays/" + THANKSGIVING).with(httpBasic("admin", "admin"))).andExpect(status().isNoContent());
    String after = approvedAndNotified(Map.of("workloads", List.of(Map.of("code", "INTUNE"))));

    assertThat(claim(after).optOutDeadlineAt()).as("Thursday is a business day now").isEqualTo(Instant.parse("2028-11-29T14:30:00Z"));
    assertThat(claim(before).optOutDeadlineAt()).isEqualTo(Instant.parse("2028-11-30T14:30:00Z"));
    assertThat(timer(before, "BoundaryEvent_OptOutWindowElapsed").getDuedate().toInstant())
        .isEqualTo(Instant.parse("2028-11-30T14:30:00Z"));
  }

  @Autowired CalendarHolidays calendarHolidays;

  @Test
  void holidayChecksOverAYear_runAtMostOneQuery() throws Exception {
    calendarHolidays.isHoliday(LocalDate.parse("2026-12-24"));

    List<String> statements = sql.during(() -> {
      for (LocalDate day = LocalDate.parse("2031-01-01"); day.getYear() == 2031; day = day.plusDays(1)) {
        calendarHolidays.isHoliday(day);
      }
    });

    assertThat(statements).as("the year's adjustments, read once").hasSizeLessThanOrEqualTo(1);
  }
}
