package org.cpor.association;

import java.util.List;
import java.util.Locale;
import org.cpor.claim.AssociationStatus;

/** Filters and paging of an association list; {@code organisationId} null means every organisation. */
public record AssociationQuery(String organisationId, String tenantId, String workload, AssociationStatus status, int page, int size) {

  void appendConditions(StringBuilder sql, List<Object> params) {
    if (organisationId != null) {
      sql.append(" and a.organisation_id = ?");
      params.add(organisationId);
    }
    if (tenantId != null) {
      sql.append(" and a.tenant_id = ?");
      params.add(tenantId.toLowerCase(Locale.ROOT));
    }
    if (workload != null) {
      sql.append(" and a.workload = ?");
      params.add(workload);
    }
    if (status != null) {
      sql.append(" and a.status = ?");
      params.add(status.name());
    }
  }
}
