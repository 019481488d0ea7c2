package org.cpor.demo;

import java.util.List;
import java.util.Map;
import org.cpor.identity.Groups;
import org.cpor.identity.UserDirectory;
import org.cpor.jdbc.ClusterLocks;
import org.cpor.partner.Organisation;
import org.cpor.partner.PartnerDirectory;
import org.cpor.partner.PartnerLocation;
import org.cpor.tenant.Tenant;
import org.cpor.tenant.TenantDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo users, organisations and tenants of DOMAIN.md, created at start when absent. Only in the embedded default
 * run ({@code cpor.demo-data.enabled}, on only there by default: the users have well-known passwords). The holidays
 * are not demo data: every run has those of the configured calendar.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "cpor.demo-data.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private record DemoUser(String id, String firstName, String lastName, String email, List<String> groups) {}

  private static final List<DemoUser> USERS = List.of(
      new DemoUser("admin", "Ada", "Admin", "admin@cpor.example", List.of(Groups.ADMINS)),
      new DemoUser("validator", "Victor", "Validator", "validator@cpor.example", List.of(Groups.VALIDATORS)),
      new DemoUser("validation-lead", "Lena", "Lead", "lead@cpor.example", List.of(Groups.VALIDATORS, Groups.VALIDATION_LEADS)),
      new DemoUser("auditor", "Aurel", "Auditor", "auditor@cpor.example", List.of(Groups.AUDITORS)),
      new DemoUser("fabrikam-admin", "Fabrikam", "Admin", "admin@fabrikam.example",
          List.of(Organisation.membersGroupOf("fabrikam"), Organisation.adminsGroupOf("fabrikam"), Groups.INCENTIVES_ADMINS)),
      new DemoUser("fabrikam-user", "Fabrikam", "User", "user@fabrikam.example", List.of(Organisation.membersGroupOf("fabrikam"), Groups.INCENTIVES_USERS)),
      new DemoUser("northwind-admin", "Northwind", "Admin", "admin@northwind.example",
          List.of(Organisation.membersGroupOf("northwind"), Organisation.adminsGroupOf("northwind"),
              Groups.INCENTIVES_ADMINS)));

  private static final Map<String, String> GROUP_NAMES = Map.of(
      Groups.ADMINS, "Camunda administrators",
      Groups.VALIDATORS, "Validators",
      Groups.VALIDATION_LEADS, "Validation leads",
      Groups.AUDITORS, "Auditors",
      Groups.INCENTIVES_ADMINS, "Incentives admins",
      Groups.INCENTIVES_USERS, "Incentives users",
      Organisation.membersGroupOf("fabrikam"), "Fabrikam",
      Organisation.adminsGroupOf("fabrikam"), "Fabrikam Incentives admins",
      Organisation.membersGroupOf("northwind"), "Northwind",
      Organisation.adminsGroupOf("northwind"), "Northwind Incentives admins");

  private final UserDirectory users;
  private final PartnerDirectory partners;
  private final TenantDirectory tenants;
  private final ClusterLocks locks;

  DemoData(UserDirectory users, PartnerDirectory partners, TenantDirectory tenants, ClusterLocks locks) {
    this.users = users;
    this.partners = partners;
    this.tenants = tenants;
    this.locks = locks;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    // nodes starting together take turns: each user, group and row is created once
    locks.hold(ClusterLocks.REFERENCE_DATA);
    GROUP_NAMES.forEach(this::groupIfAbsent);
    USERS.forEach(this::userIfAbsent);
    partners.saveIfAbsent(new Organisation("fabrikam", "Fabrikam", null));
    partners.saveIfAbsent(new Organisation("northwind", "Northwind", null));
    partners.saveIfAbsent(new PartnerLocation("4567890", "fabrikam", true));
    partners.saveIfAbsent(new PartnerLocation("4567891", "fabrikam", true));
    partners.saveIfAbsent(new PartnerLocation("7654321", "northwind", true));
    tenants.saveIfAbsent(new Tenant("0b6f3a5e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "en", List.of("contoso.onmicrosoft.com", "contoso.com")));
    tenants.saveIfAbsent(new Tenant("5d1c9e2a-7b3f-4c8d-9e0f-1a2b3c4d5e6f", "hu", List.of("adatum.onmicrosoft.com", "adatum.hu")));
    log.info("Demo data ready; users: {}", USERS.stream().map(DemoUser::id).toList());
  }

  private void groupIfAbsent(String id, String name) {
    users.groupIfAbsent(id, name, Organisation.isOrganisationGroup(id) ? "PARTNER" : "WORKFLOW");
  }

  private void userIfAbsent(DemoUser demo) {
    users.userIfAbsent(demo.id(), demo.firstName(), demo.lastName(), demo.email(), demo.id(), demo.groups());
  }
}
