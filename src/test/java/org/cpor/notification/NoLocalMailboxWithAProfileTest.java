package org.cpor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.cpor.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With a profile (test here; test and postgres in CI) the local mailbox does not exist: it would show every customer's
 * decline link to anyone. (Without a mail server too: {@link LocalMailboxConditionTest}.)
 */
class NoLocalMailboxWithAProfileTest extends IntegrationTest {

  @Autowired NotificationStore store;

  @Test
  void mailbox_isNotFoundForAnyone() throws Exception {
    submit(Map.of());
    assertThat(store.latest(10)).as("an e-mail the mailbox would show").isNotEmpty();

    mvc.perform(get("/dev/mailbox")).andExpect(status().isNotFound());
    for (String user : List.of("admin", "validator", "auditor", "fabrikam-admin")) {
      mvc.perform(get("/dev/mailbox").with(httpBasic(user, user))).andExpect(status().isNotFound());
    }
  }
}
