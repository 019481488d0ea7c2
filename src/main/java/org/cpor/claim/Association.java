package org.cpor.claim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/** An official association of a partner with a customer tenant and workload. */
public record Association(String id, String partnerId, @JsonIgnore String organisationId, String tenantId, String workload,
    AssociationStatus status, Instant since, Instant endedAt, EndReason endReason, String endComment, String claimId) {}
