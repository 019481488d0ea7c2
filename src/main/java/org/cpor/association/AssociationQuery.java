package org.cpor.association;

import java.util.Locale;
import org.cpor.claim.AssociationStatus;
import org.cpor.jdbc.Conditions;

/** Filters and paging of an association list; {@code organisationId} null means every organisation. */
public record AssociationQuery(String organisationId, String tenantId, String workload, AssociationStatus status, int page, int size) {

  Conditions conditions() {
    return new Conditions()
        .equal("a.organisation_id", organisationId)
        .equal("a.tenant_id", tenantId == null ? null : tenantId.toLowerCase(Locale.ROOT))
        .equal("a.workload", workload)
        .equal("a.status", status == null ? null : status.name());
  }
}
