package org.cpor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsTest extends IntegrationTest {

  @Test
  void healthIsPublic_metricsAreForAdministrators() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("jvm_memory_used_bytes")));
    mvc.perform(get("/actuator/metrics").with(httpBasic("validator", "validator"))).andExpect(status().isForbidden());
  }

  @Test
  void requestsAreMeasured_springSecuritysFiltersAreNotObservedOneByOne() throws Exception {
    mvc.perform(get("/api/claims").with(httpBasic("fabrikam-admin", "fabrikam-admin"))).andExpect(status().isOk());

    String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("admin", "admin"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/claims\"");
    assertThat(metrics).doesNotContain("spring_security_");
  }

  @Test
  void openApiDescribesThePartnerApi() throws Exception {
    mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/claims'].post").exists())
        .andExpect(jsonPath("$.paths['/api/claims/{id}/dispute'].post").exists())
        .andExpect(jsonPath("$.paths['/api/poe'].post").exists());
  }
}
