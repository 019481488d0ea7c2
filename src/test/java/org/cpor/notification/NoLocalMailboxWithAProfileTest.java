package org.cpor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.cpor.support.TestData;
import org.cpor.support.TestProfiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With a profile (test here; test and postgres in CI) and no mail server, the local mailbox does not exist: it would
 * show every customer's decline link to anyone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
class NoLocalMailboxWithAProfileTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired NotificationStore store;

  @BeforeEach
  void noClaims() {
    TestData.reset(jdbc, runtime);
  }

  @Test
  void mailbox_isNotFoundForAnyone() throws Exception {
    mvc.perform(multipart("/api/claims").file(new MockMultipartFile("poe", "poe.pdf", "application/pdf", "%PDF-1.4 x".getBytes()))
        .file(new MockMultipartFile("claim", "", "application/json", """
            {"name": "Mailbox claim", "partnerId": "4567890", "program": "OSU_M365",
             "customerTenantId": "0b6f3a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "customerDomain": "contoso.com",
             "workloads": [{"code": "INTUNE"}],
             "customerContact": {"name": "Ada", "title": "CIO", "email": "ada@contoso.com"},
             "partnerContact": {"name": "Grace Hopper", "email": "grace@fabrikam-partner.com"}}""".getBytes()))
        .with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isCreated());
    assertThat(store.latest(10)).as("an e-mail the mailbox would show").isNotEmpty();

    mvc.perform(get("/dev/mailbox")).andExpect(status().isNotFound());
    for (String user : List.of("admin", "validator", "auditor", "fabrikam-admin")) {
      mvc.perform(get("/dev/mailbox").with(httpBasic(user, user))).andExpect(status().isNotFound());
    }
  }
}
