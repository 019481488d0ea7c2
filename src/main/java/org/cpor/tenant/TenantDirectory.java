package org.cpor.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Known customer tenants (Microsoft Entra directories) and the domains verified for them. */
@Repository
public class TenantDirectory {

  private final JdbcClient jdbc;

  TenantDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Tenant> tenant(String tenantId) {
    return jdbc.sql("select tenant_id, contact_language from tenants where tenant_id = ?")
        .param(tenantId.toLowerCase(Locale.ROOT))
        .query((rs, n) -> new Tenant(rs.getString(1), rs.getString(2), domains(rs.getString(1))))
        .optional();
  }

  /** The known tenant that owns the domain, if any. */
  public Optional<String> ownerOfDomain(String domain) {
    return jdbc.sql("select tenant_id from tenant_domains where domain = ?")
        .param(domain.toLowerCase(Locale.ROOT))
        .query(String.class)
        .optional();
  }

  private List<String> domains(String tenantId) {
    return jdbc.sql("select domain from tenant_domains where tenant_id = ? order by domain")
        .param(tenantId).query(String.class).list();
  }

  public boolean saveIfAbsent(Tenant tenant) {
    if (tenant(tenant.tenantId()).isPresent()) {
      return false;
    }
    jdbc.sql("insert into tenants (tenant_id, contact_language) values (?, ?)")
        .param(tenant.tenantId()).param(tenant.contactLanguage()).update();
    for (String domain : tenant.domains()) {
      jdbc.sql("insert into tenant_domains (domain, tenant_id) values (?, ?)").param(domain).param(tenant.tenantId()).update();
    }
    return true;
  }
}
