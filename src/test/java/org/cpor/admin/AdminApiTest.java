package org.cpor.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.cpor.claim.Finding;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Onboarding a partner through the admin API, as the prod profile must. */
class AdminApiTest extends IntegrationTest {

  private ResultActions putJson(String url, Object body, String user) throws Exception {
    return mvc.perform(put(url).with(httpBasic(user, user)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)));
  }

  @Test
  void anAdministratorOnboardsAPartnerWhoThenSubmitsAClaim() throws Exception {
    putJson("/api/admin/organisations/tailspin", Map.of("name", "Tailspin Toys", "timeZone", "Europe/Budapest"), "admin")
        .andExpect(status().isOk()).andExpect(jsonPath("$.timeZone").value("Europe/Budapest"));
    putJson("/api/admin/organisations/tailspin/partner-ids/3456789", Map.of("enrolled", true), "admin").andExpect(status().isOk());
    if (identity.createUserQuery().userId("tailspin-admin").count() == 0) {
      User user = identity.newUser("tailspin-admin");
      user.setPassword("tailspin-admin");
      user.setEmail("admin@tailspin.example");
      identity.saveUser(user);
    }
    putJson("/api/admin/organisations/tailspin/members/tailspin-admin", Map.of("role", "INCENTIVES_ADMIN"), "admin")
        .andExpect(status().isNoContent());
    putJson("/api/admin/tenants/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        Map.of("contactLanguage", "en", "domains", List.of("Wingtiptoys.com")), "admin").andExpect(status().isOk())
        .andExpect(jsonPath("$.domains[0]").value("wingtiptoys.com"));

    String claimId = submitAs("tailspin-admin", Map.of("partnerId", "3456789", "customerTenantId", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "customerDomain", "wingtiptoys.com"));

    assertThat(claim(claimId).organisationId()).isEqualTo("tailspin");
    assertThat(claims.findings(claimId)).extracting(Finding::code).doesNotContain("TENANT_NOT_VERIFIED");
    assertThat(tasks.createTaskQuery().count()).isPositive();
    assertThat(jdbc.sql("select count(*) from act_ru_filter where name_ = ?").param("My organisation's requests (Tailspin Toys)")
        .query(Long.class).single()).isEqualTo(1);
    JsonNode changes = read("/api/admin/changes", "admin");
    assertThat(changes.findValuesAsText("entity")).contains("ORGANISATION", "PARTNER_ID", "MEMBER", "TENANT");
    assertThat(changes.get(0).get("actor").asText()).isEqualTo("admin");
  }

  @Test
  void workloadCatalogueIsManaged() throws Exception {
    putJson("/api/admin/workloads/OSU_M365/VIVA_ENGAGE", Map.of("name", "Viva Engage"), "admin").andExpect(status().isNoContent());
    assertThat(read("/api/admin/workloads/OSU_M365", "admin").findValuesAsText("code")).contains("VIVA_ENGAGE");
    mvc.perform(delete("/api/admin/workloads/OSU_M365/VIVA_ENGAGE").with(httpBasic("admin", "admin"))).andExpect(status().isNoContent());
    assertThat(read("/api/admin/workloads/OSU_M365", "admin").findValuesAsText("code")).doesNotContain("VIVA_ENGAGE");
  }

  @Test
  void savingAgainChangesWhatIsThere_andAddsNothing() throws Exception {
    String tenant = "cccccccc-dddd-eeee-ffff-000000000000";
    for (String name : List.of("Adventure Works", "Adventure Works Ltd")) {
      putJson("/api/admin/organisations/adventure", Map.of("name", name, "timeZone", "Europe/Budapest"), "admin")
          .andExpect(status().isOk());
    }
    for (boolean enrolled : List.of(true, false)) {
      putJson("/api/admin/organisations/adventure/partner-ids/5678901", Map.of("enrolled", enrolled), "admin")
          .andExpect(status().isOk());
    }
    for (String language : List.of("en", "hu")) {
      putJson("/api/admin/tenants/" + tenant, Map.of("contactLanguage", language, "domains", List.of("adventure-works.com")),
          "admin").andExpect(status().isOk());
    }
    for (String name : List.of("Viva Pulse", "Microsoft Viva Pulse")) {
      putJson("/api/admin/workloads/OSU_M365/VIVA_PULSE", Map.of("name", name), "admin").andExpect(status().isNoContent());
    }

    assertThat(jdbc.sql("select name, time_zone from organisations where id = 'adventure'")
        .query((rs, n) -> rs.getString("name") + " / " + rs.getString("time_zone")).list())
        .containsExactly("Adventure Works Ltd / Europe/Budapest");
    assertThat(jdbc.sql("select enrolled from partner_locations where partner_id = '5678901'").query(Boolean.class).list())
        .containsExactly(false);
    assertThat(jdbc.sql("select contact_language from tenants where tenant_id = ?").param(tenant).query(String.class).list())
        .containsExactly("hu");
    assertThat(jdbc.sql("select name from workloads where program = 'OSU_M365' and code = 'VIVA_PULSE'").query(String.class).list())
        .containsExactly("Microsoft Viva Pulse");
    mvc.perform(delete("/api/admin/workloads/OSU_M365/VIVA_PULSE").with(httpBasic("admin", "admin"))).andExpect(status().isNoContent());
  }

  @Test
  void badInputIsNamed_andNobodyElseMayChangeReferenceData() throws Exception {
    putJson("/api/admin/organisations/Bad Id", Map.of("name", "", "timeZone", "Mars/Olympus"), "admin")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("id", "name", "timeZone")));
    putJson("/api/admin/organisations/fabrikam-admins", Map.of("name", "Fabrikam admins"), "admin")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"))
        .andExpect(jsonPath("$.errors[0].message").value("must not end in -admins"));
    assertThat(jdbc.sql("select count(*) from organisations where id = 'fabrikam-admins'").query(Long.class).single()).isZero();
    putJson("/api/admin/tenants/not-a-guid", Map.of("contactLanguage", "de", "domains", List.of("contoso.com")), "admin")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("tenantId", "contactLanguage", "domains")));
    putJson("/api/admin/organisations/northwind/partner-ids/4567890", Map.of("enrolled", true), "admin").andExpect(status().isConflict());
    putJson("/api/admin/organisations/fabrikam/members/northwind-admin", Map.of("role", "INCENTIVES_USER"), "admin")
        .andExpect(status().isConflict());
    putJson("/api/admin/organisations/nobody/partner-ids/1234567", Map.of("enrolled", true), "admin").andExpect(status().isNotFound());
    for (String user : List.of("validator", "auditor", "fabrikam-admin")) {
      putJson("/api/admin/organisations/evil", Map.of("name", "Evil"), user).andExpect(status().isForbidden());
      mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/admin/changes")
          .with(httpBasic(user, user))).andExpect(status().isForbidden());
    }
    assertThat(jdbc.sql("select count(*) from organisations where id = 'evil'").query(Long.class).single()).isZero();
  }
}
