package org.cpor.calendar;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
