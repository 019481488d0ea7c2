package org.cpor.claim;

import java.util.List;

/** Filters and paging of a claim list; {@code organisationId} null means every organisation. */
public record ClaimQuery(String organisationId, ClaimStatus status, String tenantId, String workload, Program program, int page,
    int size) {

  void appendConditions(StringBuilder sql, List<Object> params) {
    if (organisationId != null) {
      sql.append(" and c.organisation_id = ?");
      params.add(organisationId);
    }
    if (status != null) {
      sql.append(" and c.status = ?");
      params.add(status.name());
    }
    if (tenantId != null) {
      sql.append(" and c.customer_tenant_id = ?");
      params.add(tenantId.toLowerCase(java.util.Locale.ROOT));
    }
    if (program != null) {
      sql.append(" and c.program = ?");
      params.add(program.name());
    }
    if (workload != null) {
      sql.append(" and exists (select 1 from claim_workloads w where w.claim_id = c.id and w.code = ?)");
      params.add(workload);
    }
  }
}
