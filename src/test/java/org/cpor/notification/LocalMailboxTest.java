package org.cpor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embedded default run (no profile, H2, no mail server): e-mails stay in the log and show at /dev/mailbox, and
 * the customer links are signed with the development key. A database and an engine of its own: the engines of one
 * JVM share Camunda's registry, which the REST API reads.
 */
@SpringBootTest(properties = {
    // no profile, whatever SPRING_PROFILES_ACTIVE says (CI adds postgres)
    "spring.profiles.active=",
    "spring.datasource.url=jdbc:h2:mem:cpor-embedded-default-run;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=embeddedDefaultRun",
    "camunda.bpm.job-execution.enabled=false",
    "cpor.notifications.asynchronous=false"})
@AutoConfigureMockMvc
class LocalMailboxTest {

  @Autowired MockMvc mvc;
  @Autowired NotificationStore store;
  @Autowired Environment environment;

  @Test
  void emailsAreKeptAndShownInTheLocalMailbox() throws Exception {
    assertThat(environment.getActiveProfiles()).as("the embedded default run").isEmpty();
    mvc.perform(multipart("/api/claims").file(new MockMultipartFile("poe", "poe.pdf", "application/pdf", "%PDF-1.4 x".getBytes()))
        .file(new MockMultipartFile("claim", "", "application/json", """
            {"name": "Mailbox claim", "partnerId": "4567890", "program": "OSU_M365",
             "customerTenantId": "0b6f3a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "customerDomain": "contoso.com",
             "workloads": [{"code": "INTUNE"}],
             "customerContact": {"name": "Ada", "title": "CIO", "email": "ada@contoso.com"},
             "partnerContact": {"name": "Grace <Hopper>", "email": "grace@fabrikam-partner.com"}}""".getBytes()))
        .with(httpBasic("fabrikam-admin", "fabrikam-admin")))
        .andExpect(status().isCreated());

    assertThat(store.latest(10)).singleElement().satisfies(n -> assertThat(n.state()).isEqualTo(DeliveryState.SENT));
    mvc.perform(get("/dev/mailbox")).andExpect(status().isOk())
        .andExpect(content().string(containsString("Claim received: Mailbox claim")))
        .andExpect(content().string(containsString("grace@fabrikam-partner.com")))
        .andExpect(content().string(containsString("Hello Grace &lt;Hopper&gt;")));
  }

  @Test
  void customerLinksAreSignedWithTheDevelopmentKey() {
    assumeThat(System.getenv("CPOR_CUSTOMER_LINK_KEY")).as("no key in this machine's environment").isNull();
    assertThat(environment.getProperty("cpor.customer-links.signing-key")).isEqualTo("local-development-key-change-me-in-production");
  }
}
