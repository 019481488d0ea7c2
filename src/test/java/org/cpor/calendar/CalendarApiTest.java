package org.cpor.calendar;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

class CalendarApiTest extends IntegrationTest {

  @Autowired HolidayStore holidays;

  @AfterEach
  void removeTestHoliday() {
    holidays.delete(java.time.LocalDate.parse("2027-08-02"));
    for (String day : List.of("2028-11-23", "2028-11-24", "2028-12-25")) {
      holidays.delete(LocalDate.parse(day));
    }
  }

  private List<String> days(int year) throws Exception {
    return StreamSupport.stream(read("/api/calendar/holidays?year=" + year, "validator").spliterator(), false)
        .map(h -> h.get("date").asText()).toList();
  }

  private org.springframework.test.web.servlet.ResultActions putHoliday(String day, String body, String user) throws Exception {
    return mvc.perform(put("/api/calendar/holidays/" + day).with(httpBasic(user, user))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  @Test
  void theHolidayLibrary_givesEveryYearWithObservedDays() throws Exception {
    assertThat(days(2028)).containsExactly("2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04",
        "2028-10-09", "2028-11-10", "2028-11-23", "2028-12-25");
    assertThat(days(2027)).contains("2027-12-24", "2027-12-31").hasSize(12);
    assertThat(days(2041)).contains("2041-11-28").hasSize(11);
    mvc.perform(get("/api/calendar/holidays?year=2027").with(httpBasic("validator", "validator")))
        .andExpect(jsonPath("$[?(@.date == '2027-12-31')].name").value("New Year's Day (observed)"));
  }

  @Test
  void administratorsRemoveALibraryHoliday_andRestoreIt_eachChangeRecorded() throws Exception {
    mvc.perform(delete("/api/calendar/holidays/2028-11-23").with(httpBasic("admin", "admin"))).andExpect(status().isNoContent());
    assertThat(days(2028)).doesNotContain("2028-11-23").hasSize(9);
    mvc.perform(get("/api/calendar/adjustments").with(httpBasic("admin", "admin")))
        .andExpect(jsonPath("$[?(@.date == '2028-11-23')].kind").value("REMOVED"))
        .andExpect(jsonPath("$[?(@.date == '2028-11-23')].name").value("Thanksgiving Day"));
    mvc.perform(delete("/api/calendar/holidays/2028-11-23").with(httpBasic("admin", "admin")))
        .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value("No holiday on 2028-11-23"));

    putHoliday("2028-11-24", "{\"name\": \"  Day after Thanksgiving \"}", "admin").andExpect(status().isOk())
        .andExpect(jsonPath("$.date").value("2028-11-24")).andExpect(jsonPath("$.name").value("Day after Thanksgiving"));
    putHoliday("2028-12-25", "{\"name\": \"Christmas Day\"}", "admin").andExpect(status().isOk());
    mvc.perform(get("/api/calendar/holidays?year=2028").with(httpBasic("fabrikam-user", "fabrikam-user")))
        .andExpect(jsonPath("$[?(@.date == '2028-11-24')].name").value("Day after Thanksgiving"))
        .andExpect(jsonPath("$[?(@.date == '2028-12-25')].name").value("Christmas Day"));

    putHoliday("2028-11-23", "{\"name\": \"Thanksgiving Day\"}", "admin").andExpect(status().isOk());
    assertThat(days(2028)).contains("2028-11-23", "2028-11-24").hasSize(11);
    JsonNode adjustments = read("/api/calendar/adjustments", "admin");
    assertThat(adjustments.findValuesAsText("date")).as("the library's holiday restored leaves nothing to store")
        .contains("2028-11-24", "2028-12-25").doesNotContain("2028-11-23");

    JsonNode changes = read("/api/admin/changes", "admin");
    List<JsonNode> holidayChanges = StreamSupport.stream(changes.spliterator(), false)
        .filter(c -> c.get("entity").asText().equals("HOLIDAY")).limit(4).toList();
    assertThat(holidayChanges).extracting(c -> c.get("entityId").asText())
        .containsExactly("2028-11-23", "2028-12-25", "2028-11-24", "2028-11-23");
    assertThat(holidayChanges).allSatisfy(c -> assertThat(c.get("actor").asText()).isEqualTo("admin"));
    assertThat(holidayChanges.get(3).get("change").asText()).isEqualTo("no holiday (before: Thanksgiving Day; holiday library: Thanksgiving Day)");
    assertThat(holidayChanges.get(1).get("change").asText())
        .isEqualTo("holiday: Christmas Day (before: Christmas; holiday library: Christmas)");
    assertThat(holidayChanges.get(0).get("change").asText())
        .isEqualTo("holiday: Thanksgiving Day (before: no holiday; holiday library: Thanksgiving Day)");
  }

  @Test
  void badHolidayChanges_areRefusedNamingTheField_andChangeNothing() throws Exception {
    long before = jdbc.sql("select count(*) from admin_changes").query(Long.class).single();
    putHoliday("0000-12-25", "{\"name\": \"Year zero\"}", "admin")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
    mvc.perform(delete("/api/calendar/holidays/0000-12-25").with(httpBasic("admin", "admin")))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
    putHoliday("2028-13-01", "{\"name\": \"x\"}", "admin")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("date"));
    putHoliday("2028-11-24", "{\"name\": \"" + "x".repeat(121) + "\"}", "admin")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
    putHoliday("2028-11-24", "{}", "admin")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
    mvc.perform(delete("/api/calendar/holidays/2028-11-22").with(httpBasic("admin", "admin"))).andExpect(status().isNotFound());
    mvc.perform(get("/api/calendar/adjustments").with(httpBasic("validator", "validator"))).andExpect(status().isForbidden());

    assertThat(days(2028)).doesNotContain("2028-11-24");
    assertThat(jdbc.sql("select count(*) from admin_changes").query(Long.class).single()).isEqualTo(before);
  }

  @Test
  void anySignedInUserReadsTheHolidaysAndZone() throws Exception {
    mvc.perform(get("/api/calendar/holidays?year=2026").with(httpBasic("fabrikam-user", "fabrikam-user")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].date").value("2026-01-01"))
        .andExpect(jsonPath("$[?(@.date == '2026-11-26')].name").value("Thanksgiving Day"))
        .andExpect(jsonPath("$.length()").value(11));
    mvc.perform(get("/api/calendar").with(httpBasic("validator", "validator"))).andExpect(jsonPath("$.zone").value("UTC"));
    mvc.perform(get("/api/calendar")).andExpect(status().isUnauthorized());
  }

  @Test
  void administratorsManageHolidays() throws Exception {
    mvc.perform(put("/api/calendar/holidays/2027-08-02").with(httpBasic("admin", "admin"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Company day\"}"))
        .andExpect(status().isOk());
    mvc.perform(get("/api/calendar/holidays?year=2027").with(httpBasic("admin", "admin")))
        .andExpect(jsonPath("$[?(@.date == '2027-08-02')].name").value("Company day"));
    mvc.perform(delete("/api/calendar/holidays/2027-08-02").with(httpBasic("admin", "admin"))).andExpect(status().isNoContent());
    mvc.perform(delete("/api/calendar/holidays/2027-08-02").with(httpBasic("admin", "admin"))).andExpect(status().isNotFound());
  }

  @Test
  void othersMayNotChangeHolidays() throws Exception {
    mvc.perform(put("/api/calendar/holidays/2027-08-02").with(httpBasic("validator", "validator"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Company day\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/calendar/holidays/2026-12-25").with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isForbidden());
    mvc.perform(put("/api/calendar/holidays/2027-08-02").with(httpBasic("admin", "admin"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"\"}"))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
    mvc.perform(put("/api/calendar/holidays/not-a-date").with(httpBasic("admin", "admin"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}"))
        .andExpect(status().isBadRequest());
  }
}
