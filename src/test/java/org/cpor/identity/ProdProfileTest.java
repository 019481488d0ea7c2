package org.cpor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The prod profile: no demo data; the first administrator comes from configuration. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:cpor-prod-profile;DB_CLOSE_DELAY=-1",
    // an engine of its own name: the engines of one JVM share Camunda's registry, which the REST API reads
    "camunda.bpm.process-engine-name=prodProfile",
    "CPOR_ADMIN_USER=first-admin", "CPOR_ADMIN_PASSWORD=a-long-secret", "CPOR_CUSTOMER_LINK_KEY=prod-profile-test-key-0123"})
@ActiveProfiles({"test", "prod"})
class ProdProfileTest {

  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcClient jdbc;

  @Test
  void noDemoData_andTheConfiguredAdministrator() {
    assertThat(identity.createUserQuery().userId("fabrikam-admin").count()).isZero();
    assertThat(identity.createUserQuery().userId("validator").count()).isZero();
    assertThat(jdbc.sql("select count(*) from organisations").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from holidays").query(Long.class).single()).isZero();
    assertThat(identity.checkPassword("first-admin", "a-long-secret")).isTrue();
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).userId("first-admin").count()).isEqualTo(1);
    assertThat(authorizations.isUserAuthorized("first-admin", java.util.List.of(Groups.ADMINS), Permissions.ALL, Resources.PROCESS_DEFINITION))
        .isTrue();
    assertThat(jdbc.sql("select count(*) from workloads").query(Long.class).single()).as("reference data stays").isEqualTo(39);
  }
}
