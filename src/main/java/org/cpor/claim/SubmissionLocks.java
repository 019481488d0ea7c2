package org.cpor.claim;

import org.cpor.jdbc.InSavepoint;
import org.cpor.jdbc.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One submission of an organisation for one customer tenant at a time (table {@code submission_locks}), so that two
 * concurrent duplicates (the same organisation, tenant and workload) cannot both pass the checks, while submissions
 * of the organisation for other tenants go on. Every node respects it: it is a row locked until the transaction ends.
 */
@Component
class SubmissionLocks {

  private final JdbcClient jdbc;
  private final SqlDialect dialect;
  private final InSavepoint savepoint;

  SubmissionLocks(JdbcClient jdbc, SqlDialect dialect, InSavepoint savepoint) {
    this.jdbc = jdbc;
    this.dialect = dialect;
    this.savepoint = savepoint;
  }

  /** Waits until no other transaction holds the organisation's lock for the tenant, then holds it until this one ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  void hold(String organisationId, String tenantId) {
    // the row made once per organisation and tenant; a second transaction making it at the same moment waits for the
    // first and finds it
    String sql = dialect.isPostgres()
        ? "insert into submission_locks (organisation_id, tenant_id) values (?, ?) on conflict do nothing"
        : "merge into submission_locks (organisation_id, tenant_id) key (organisation_id, tenant_id) values (?, ?)";
    savepoint.retryingDuplicates(() -> jdbc.sql(sql).params(organisationId, tenantId).update());
    jdbc.sql("select tenant_id from submission_locks where organisation_id = ? and tenant_id = ? for update")
        .params(organisationId, tenantId).query(String.class).single();
  }
}
