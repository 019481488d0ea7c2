package org.cpor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The local mailbox exists in the embedded default run only: no profile, H2 and no mail server. */
class LocalMailboxConditionTest {

  @ParameterizedTest(name = "profiles [{0}], {1}, mail host [{2}]: {3}")
  @CsvSource(delimiter = '|', value = {
      "''       | jdbc:h2:file:./data/cpor-dev   | ''        | true",
      "''       | jdbc:h2:mem:cpor               | ''        | true",
      "''       | jdbc:h2:file:./data/cpor-dev   | smtp.mail | false",
      "''       | jdbc:postgresql://db:5432/cpor | ''        | false",
      "postgres | jdbc:postgresql://db:5432/cpor | ''        | false",
      "postgres | jdbc:h2:mem:cpor               | ''        | false",
      "prod     | jdbc:postgresql://db:5432/cpor | ''        | false",
      "test     | jdbc:h2:mem:cpor-test          | ''        | false"})
  void mailboxExists_onlyInTheEmbeddedDefaultRunWithoutMailServer(String profiles, String url, String mailHost, boolean exists) {
    new ApplicationContextRunner()
        .withBean(NotificationStore.class, () -> mock(NotificationStore.class))
        .withUserConfiguration(MailboxController.class)
        .withPropertyValues("spring.profiles.active=" + profiles, "spring.datasource.url=" + url, "spring.mail.host=" + mailHost)
        .run(context -> assertThat(context.getBeansOfType(MailboxController.class)).hasSize(exists ? 1 : 0));
  }
}
