package org.cpor.tenant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cpor.jdbc.PerTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Known customer tenants (Microsoft Entra directories) and the domains verified for them. */
@Repository
public class TenantDirectory {

  private final JdbcClient jdbc;

  TenantDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the tenant's row for the rest of the transaction: changes of the tenant's associations queue up, so two
   * claims becoming official at once for one workload cannot both find it free.
   */
  public void lock(String tenantId) {
    jdbc.sql("select tenant_id from tenants where tenant_id = ? for update").param(tenantId).query(String.class).optional();
  }

  /** The known tenant, read once per transaction or request. */
  public Optional<Tenant> tenant(String tenantId) {
    String id = tenantId.toLowerCase(Locale.ROOT);
    return Optional.ofNullable(PerTransaction.referenceData(new Remembered(id), () -> jdbc.sql(
            "select tenant_id, contact_language from tenants where tenant_id = ?")
        .param(id)
        .query((rs, n) -> new Tenant(rs.getString(1), rs.getString(2), domains(rs.getString(1))))
        .optional().orElse(null)));
  }

  /** A tenant's key among what a transaction or request remembers. */
  private record Remembered(String tenantId) {}

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

  public List<Tenant> all() {
    return jdbc.sql("select tenant_id, contact_language from tenants order by tenant_id")
        .query((rs, n) -> new Tenant(rs.getString(1), rs.getString(2), domains(rs.getString(1)))).list();
  }

  /** Creates or replaces the tenant with exactly these verified domains. */
  public void save(Tenant tenant) {
    PerTransaction.forget(new Remembered(tenant.tenantId().toLowerCase(Locale.ROOT)));
    jdbc.sql("""
        merge into tenants t using (values (?, ?)) as s (tenant_id, contact_language) on t.tenant_id = s.tenant_id
        when matched then update set contact_language = s.contact_language
        when not matched then insert (tenant_id, contact_language) values (s.tenant_id, s.contact_language)""")
        .params(tenant.tenantId(), tenant.contactLanguage()).update();
    jdbc.sql("delete from tenant_domains where tenant_id = ?").param(tenant.tenantId()).update();
    for (String domain : tenant.domains()) {
      jdbc.sql("insert into tenant_domains (domain, tenant_id) values (?, ?)").param(domain).param(tenant.tenantId()).update();
    }
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
