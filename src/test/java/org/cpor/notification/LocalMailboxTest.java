package org.cpor.notification;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.RuntimeService;
import org.cpor.support.TestData;
import org.cpor.support.TestProfiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Without a mail server (the embedded default run) e-mails stay in the log and show at /dev/mailbox. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles(resolver = TestProfiles.class)
class LocalMailboxTest {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired NotificationStore store;

  @BeforeEach
  void noClaims() {
    TestData.reset(jdbc, runtime);
  }

  @Test
  void emailsAreKeptAndShownInTheLocalMailbox() throws Exception {
    mvc.perform(multipart("/api/claims").file(new MockMultipartFile("poe", "poe.pdf", "application/pdf", "%PDF-1.4 x".getBytes()))
        .file(new MockMultipartFile("claim", "", "application/json", """
            {"name": "Mailbox claim", "partnerId": "4567890", "program": "OSU_M365",
             "customerTenantId": "0b6f3a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "customerDomain": "contoso.com",
             "workloads": [{"code": "INTUNE"}],
             "customerContact": {"name": "Ada", "title": "CIO", "email": "ada@contoso.com"},
             "partnerContact": {"name": "Grace <Hopper>", "email": "grace@fabrikam-partner.com"}}""".getBytes()))
        .with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isCreated());

    org.assertj.core.api.Assertions.assertThat(store.latest(10)).singleElement()
        .satisfies(n -> org.assertj.core.api.Assertions.assertThat(n.state()).isEqualTo(DeliveryState.SENT));
    mvc.perform(get("/dev/mailbox")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Claim received: Mailbox claim")))
        .andExpect(content().string(containsString("grace@fabrikam-partner.com")))
        .andExpect(content().string(containsString("Hello Grace &lt;Hopper&gt;")));
  }
}
