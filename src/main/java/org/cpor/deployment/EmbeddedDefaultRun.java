package org.cpor.deployment;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default run: no Spring profile active and an H2 database, on a developer's machine. It alone may
 * sign customer links with the published development key and keep e-mails in the local mailbox; any profile
 * (postgres, prod, or another) means the application may be reachable by customers.
 */
public final class EmbeddedDefaultRun implements Condition {

  public static boolean isActive(Environment environment) {
    String url = DeploymentSettings.setting(environment, "spring.datasource.url");
    return environment.getActiveProfiles().length == 0 && url != null && url.startsWith("jdbc:h2:");
  }

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return isActive(context.getEnvironment());
  }
}
