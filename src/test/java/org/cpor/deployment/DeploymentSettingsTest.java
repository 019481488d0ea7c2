package org.cpor.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * No usable default secret: which runs may start with which link key and first administrator. The rules on a mock
 * environment; then real start-ups that read the product's application*.yaml with this check as their only bean.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeploymentSettingsTest {

  private static final String H2 = "jdbc:h2:file:./data/cpor-dev";
  private static final String POSTGRES = "jdbc:postgresql://db:5432/cpor";
  private static final String OWN_KEY = "a-key-nobody-else-knows-0123";

  private static MockEnvironment run(String profiles, String url, String key) {
    MockEnvironment environment = new MockEnvironment();
    if (!profiles.isEmpty()) {
      environment.setActiveProfiles(profiles.split(","));
    }
    environment.setProperty("spring.datasource.url", url);
    if (key != null) {
      environment.setProperty("cpor.customer-links.signing-key", key);
    }
    return environment;
  }

  private static MockEnvironment prod(String user, String password) {
    MockEnvironment environment = run("prod,postgres", POSTGRES, OWN_KEY);
    if (user != null) {
      environment.setProperty("camunda.bpm.admin-user.id", user);
    }
    if (password != null) {
      environment.setProperty("camunda.bpm.admin-user.password", password);
    }
    return environment;
  }

  // --- the customer link key ------------------------------------------------------------------------------------

  @Test
  void embeddedDefaultRun_mayUseTheDevelopmentKey() {
    assertThat(DeploymentSettings.problems(run("", H2, DeploymentSettings.DEVELOPMENT_KEY))).isEmpty();
    assertThat(DeploymentSettings.problems(run("", "jdbc:h2:mem:cpor", DeploymentSettings.DEVELOPMENT_KEY))).isEmpty();
  }

  @ParameterizedTest(name = "profiles [{0}] on {1}: {3}")
  @CsvSource(delimiter = '|', nullValues = "NONE", value = {
      "postgres      | jdbc:postgresql://db:5432/cpor | NONE                                          | is not set",
      "postgres      | jdbc:postgresql://db:5432/cpor | ''                                            | is not set",
      "postgres      | jdbc:postgresql://db:5432/cpor | '   '                                         | is not set",
      // application-prod.yaml before: an environment variable that is not set
      "postgres      | jdbc:postgresql://db:5432/cpor | ${CPOR_CUSTOMER_LINK_KEY}                     | is not set",
      "postgres      | jdbc:postgresql://db:5432/cpor | local-development-key-change-me-in-production | published development key",
      "postgres      | jdbc:postgresql://db:5432/cpor | change-this-key-for-anything-but-a-demo       | published development key",
      "test,postgres | jdbc:postgresql://db:5432/cpor | local-development-key-change-me-in-production | published development key",
      "staging       | jdbc:h2:mem:cpor               | local-development-key-change-me-in-production | published development key",
      "test          | jdbc:h2:mem:cpor               | NONE                                          | is not set",
      // no profile, but not the embedded database: somebody runs it for others
      "''            | jdbc:postgresql://db:5432/cpor | local-development-key-change-me-in-production | published development key",
      "postgres      | jdbc:postgresql://db:5432/cpor | short-key                                     | at least 16 characters",
  })
  void anyRunButTheEmbeddedDefaultOne_refusesAMissingOrPublishedKey_namingTheSetting(String profiles, String url, String key,
      String why) {
    assertThat(DeploymentSettings.problems(run(profiles, url, key))).singleElement().asString()
        .contains("CPOR_CUSTOMER_LINK_KEY", "cpor.customer-links.signing-key", why);
  }

  @ParameterizedTest(name = "profiles [{0}]")
  @CsvSource(delimiter = '|', value = {
      "postgres      | jdbc:postgresql://db:5432/cpor",
      "test          | jdbc:h2:mem:cpor-test",
      "test,postgres | jdbc:postgresql://127.0.0.1:5432/test",
      "''            | jdbc:h2:file:./data/cpor-dev"})
  void aKeyOfItsOwn_isAcceptedEverywhere(String profiles, String url) {
    assertThat(DeploymentSettings.problems(run(profiles, url, OWN_KEY))).isEmpty();
  }

  // --- prod's first administrator -------------------------------------------------------------------------------

  @Test
  void prodWithoutItsFirstAdministrator_refusesNamingBothSettings() {
    assertThat(DeploymentSettings.problems(prod(null, null))).satisfiesExactly(
        user -> assertThat(user).contains("CPOR_ADMIN_USER", "camunda.bpm.admin-user.id", "is not set"),
        password -> assertThat(password).contains("CPOR_ADMIN_PASSWORD", "camunda.bpm.admin-user.password", "is not set"));
    assertThat(DeploymentSettings.problems(prod("${CPOR_ADMIN_USER}", "${CPOR_ADMIN_PASSWORD}"))).hasSize(2);
  }

  @ParameterizedTest(name = "{1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "first-admin | admin                  | it has 5 characters",
      "first-admin | a-long-pass            | it has 11 characters",
      "first-admin | zzzzzzzzzzzzzzzz       | it uses only 1 distinct characters",
      "first-admin | ababcdcdababcdcd       | it uses only 4 distinct characters",
      "first-admin | my-First-Admin-2026    | it contains the user ID",
      "operator    | Password2026!!         | it contains the well-known \"password\"",
      "operator    | changeme-changeme      | it contains the well-known \"changeme\"",
      "operator    | camunda-rocks-2026     | it contains the well-known \"camunda\"",
      "operator    | superadmin-2026        | it contains the well-known \"admin\"",
      "operator    | 1234567890123          | it contains the well-known \"123456\"",
  })
  void prodWithAWeakAdministratorPassword_refusesNamingTheSettingAndTheRule(String user, String password, String why) {
    assertThat(DeploymentSettings.problems(prod(user, password))).singleElement().asString()
        .contains("CPOR_ADMIN_PASSWORD", "camunda.bpm.admin-user.password", "too weak", why, "at least 12 characters");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"first-admin | a-long-secret", "operator | correct horse battery staple"})
  void prodWithAStrongAdministratorPassword_starts(String user, String password) {
    assertThat(DeploymentSettings.problems(prod(user, password))).isEmpty();
  }

  @Test
  void thePasswordRule_isProdsOnly() {
    MockEnvironment postgres = run("postgres", POSTGRES, OWN_KEY);
    postgres.setProperty("camunda.bpm.admin-user.id", "admin");
    postgres.setProperty("camunda.bpm.admin-user.password", "admin");
    assertThat(DeploymentSettings.problems(postgres)).isEmpty();
  }

  @Test
  void everyProblem_isNamedAtOnce() {
    MockEnvironment nothing = run("prod", POSTGRES, null);
    assertThat(DeploymentSettings.problems(nothing)).hasSize(3);
    DeploymentSettings check = new DeploymentSettings();
    check.setEnvironment(nothing);
    assertThatThrownBy(() -> check.postProcessBeanFactory(null))
        .isInstanceOf(UnsafeSettingsException.class)
        .hasMessageContainingAll("CPOR_CUSTOMER_LINK_KEY", "CPOR_ADMIN_USER", "CPOR_ADMIN_PASSWORD");
  }

  // --- real start-ups with the product's configuration files --------------------------------------------------

  /** A start-up with the product's application*.yaml and this check as its only bean. */
  private static ConfigurableApplicationContext start(String profiles, String... arguments) {
    SpringApplicationBuilder application = new SpringApplicationBuilder(DeploymentSettings.class)
        .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false);
    if (!profiles.isEmpty()) {
      application.profiles(profiles.split(","));
    }
    // the profiles are the test's, whatever SPRING_PROFILES_ACTIVE says (CI adds postgres)
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active="));
    args.addAll(List.of(arguments));
    return application.run(args.toArray(String[]::new));
  }

  /** The settings a start-up test leaves out must not come from this machine's environment instead. */
  private static void notSetOnThisMachine(String... variables) {
    for (String variable : variables) {
      assumeTrue(System.getenv(variable) == null, variable + " is set in this machine's environment");
    }
  }

  @Test
  void embeddedDefaultRun_startsWithTheDevelopmentKeyOfApplicationDefaultYaml() {
    notSetOnThisMachine("CPOR_CUSTOMER_LINK_KEY", "CPOR_DB_URL");
    try (ConfigurableApplicationContext context = start("")) {
      assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
      assertThat(context.getEnvironment().getProperty("cpor.customer-links.signing-key"))
          .isEqualTo(DeploymentSettings.DEVELOPMENT_KEY);
    }
  }

  @Test
  void postgresWithoutAKey_refusesToStart_sayingWhatToSet(CapturedOutput output) {
    notSetOnThisMachine("CPOR_CUSTOMER_LINK_KEY");
    assertThatThrownBy(() -> start("postgres", "--CPOR_DB_URL=" + POSTGRES))
        .isInstanceOf(UnsafeSettingsException.class)
        .hasMessageContainingAll("CPOR_CUSTOMER_LINK_KEY (cpor.customer-links.signing-key) is not set", "profile postgres");
    assertThat(output).contains("APPLICATION FAILED TO START", "CPOR_CUSTOMER_LINK_KEY (cpor.customer-links.signing-key) is not set",
        "Set the settings named above");
  }

  @Test
  void postgresWithTheDevelopmentKey_refusesToStart() {
    assertThatThrownBy(() -> start("postgres", "--CPOR_DB_URL=" + POSTGRES,
        "--CPOR_CUSTOMER_LINK_KEY=" + DeploymentSettings.DEVELOPMENT_KEY))
        .isInstanceOf(UnsafeSettingsException.class).hasMessageContaining("published development key");
  }

  @Test
  void prodWithoutSettings_refusesToStart_namingEach() {
    notSetOnThisMachine("CPOR_CUSTOMER_LINK_KEY", "CPOR_ADMIN_USER", "CPOR_ADMIN_PASSWORD");
    assertThatThrownBy(() -> start("prod,postgres", "--CPOR_DB_URL=" + POSTGRES))
        .isInstanceOf(UnsafeSettingsException.class)
        .hasMessageContainingAll("CPOR_CUSTOMER_LINK_KEY", "CPOR_ADMIN_USER", "CPOR_ADMIN_PASSWORD");
  }

  @Test
  void prodWithTheAdministratorPasswordAdmin_refusesToStart() {
    assertThatThrownBy(() -> start("prod", "--CPOR_CUSTOMER_LINK_KEY=" + OWN_KEY, "--CPOR_ADMIN_USER=admin",
        "--CPOR_ADMIN_PASSWORD=admin"))
        .isInstanceOf(UnsafeSettingsException.class)
        .hasMessageContaining("CPOR_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is too weak");
  }

  @Test
  void prodWithItsOwnKeyAndAStrongPassword_starts() {
    try (ConfigurableApplicationContext context = start("prod,postgres", "--CPOR_DB_URL=" + POSTGRES,
        "--CPOR_CUSTOMER_LINK_KEY=" + OWN_KEY, "--CPOR_ADMIN_USER=first-admin", "--CPOR_ADMIN_PASSWORD=correct horse battery staple")) {
      assertThat(context.isActive()).isTrue();
    }
  }
}
