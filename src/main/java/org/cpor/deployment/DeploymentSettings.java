package org.cpor.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * No usable default secret where customers can reach the application. Only the embedded default run (no profile,
 * H2) may sign customer links with the published development key; every other run needs a key of its own, and
 * {@code prod} its first administrator with a strong password. Checked before any bean is created: the engine
 * creates the first administrator at start and never changes that password afterwards.
 */
@Component
public class DeploymentSettings implements BeanFactoryPostProcessor, EnvironmentAware {

  /** The shortest key accepted for signing the customers' links. */
  public static final int MIN_LINK_KEY_LENGTH = 16;
  static final String LINK_KEY = "CPOR_CUSTOMER_LINK_KEY (cpor.customer-links.signing-key)";
  static final String ADMIN_USER = "CPOR_ADMIN_USER (camunda.bpm.admin-user.id)";
  static final String ADMIN_PASSWORD = "CPOR_ADMIN_PASSWORD (camunda.bpm.admin-user.password)";

  /** The key of application-default.yaml, published with the source. */
  static final String DEVELOPMENT_KEY = "local-development-key-change-me-in-production";
  /** Keys anyone can read in the product's files: the development key and docker-compose's former demo key. */
  private static final Set<String> PUBLISHED_KEYS = Set.of(DEVELOPMENT_KEY, "change-this-key-for-anything-but-a-demo");

  static final String PASSWORD_RULE = "prod's first administrator needs a password of at least 12 characters, 6 of them"
      + " different, containing neither the user ID nor a well-known default such as admin, password, changeme or camunda";
  static final int MIN_PASSWORD_LENGTH = 12;
  static final int MIN_DISTINCT_CHARACTERS = 6;
  /** Parts of passwords that are tried first; a password containing one is refused whatever surrounds it. */
  static final List<String> WELL_KNOWN_PASSWORDS =
      List.of("admin", "password", "passw0rd", "changeme", "camunda", "demo", "letmein", "welcome", "qwerty", "123456");

  // set through EnvironmentAware: a post-processor of the bean factory is created before constructor injection works
  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    List<String> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new UnsafeSettingsException(problems);
    }
  }

  /** Every problem of the settings, each naming the setting to fix; none for a safe configuration. */
  static List<String> problems(Environment environment) {
    List<String> problems = new ArrayList<>();
    String run = EmbeddedDefaultRun.isActive(environment) ? "the embedded default run"
        : environment.getActiveProfiles().length == 0 ? "a run without a profile on a database other than H2"
        : "profile " + String.join(",", environment.getActiveProfiles());
    String key = setting(environment, "cpor.customer-links.signing-key");
    if (key == null || key.isBlank()) {
      problems.add(LINK_KEY + " is not set: " + run + " needs a secret key of its own to sign the customers' decline links");
    } else if (PUBLISHED_KEYS.contains(key.strip()) && !EmbeddedDefaultRun.isActive(environment)) {
      problems.add(LINK_KEY + " is the published development key, with which anyone can forge a customer's decline link: "
          + run + " needs a secret key of its own (only the embedded default run, no profile and H2, may use it)");
    } else if (key.length() < MIN_LINK_KEY_LENGTH) {
      problems.add(LINK_KEY + " must have at least " + MIN_LINK_KEY_LENGTH + " characters");
    }
    if (environment.acceptsProfiles(Profiles.of("prod"))) {
      String user = setting(environment, "camunda.bpm.admin-user.id");
      String password = setting(environment, "camunda.bpm.admin-user.password");
      if (user == null || user.isBlank()) {
        problems.add(ADMIN_USER + " is not set: prod creates its first administrator from it");
      }
      if (password == null || password.isBlank()) {
        problems.add(ADMIN_PASSWORD + " is not set: prod creates its first administrator with it");
      } else {
        weakPassword(user, password).ifPresent(reason -> problems.add(ADMIN_PASSWORD + " is too weak (" + reason + "): "
            + PASSWORD_RULE));
      }
    }
    return problems;
  }

  /** Why the first administrator's password is weak ({@link #PASSWORD_RULE}), if it is. */
  static Optional<String> weakPassword(String userId, String password) {
    String lower = password.toLowerCase(Locale.ROOT);
    if (password.length() < MIN_PASSWORD_LENGTH) {
      return Optional.of("it has " + password.length() + " characters");
    }
    if (password.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
      return Optional.of("it uses only " + password.chars().distinct().count() + " distinct characters");
    }
    if (userId != null && !userId.isBlank() && lower.contains(userId.strip().toLowerCase(Locale.ROOT))) {
      return Optional.of("it contains the user ID");
    }
    return WELL_KNOWN_PASSWORDS.stream().filter(lower::contains).findFirst()
        .map(word -> "it contains the well-known \"" + word + "\"");
  }

  /** A setting's value; a ${…} reference that does not resolve (an environment variable that is not set) counts as not set. */
  static String setting(Environment environment, String key) {
    try {
      return environment.getProperty(key);
    } catch (IllegalArgumentException unresolvable) {
      return null;
    }
  }
}
