package org.cpor.claim;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the claim reads of the associations claims have made: the competition its checks weigh, the associations its
 * views show. Answered by {@code association/}, which makes and ends associations and builds on the claim.
 */
public interface ClaimAssociations {

  /** The ACTIVE association of the tenant for each of these workloads that has one, by workload. */
  Map<String, Association> activeFor(String tenantId, Collection<String> workloads);

  /** The associations of each of these claims, by claim ID, each list by workload and since. */
  Map<String, List<Association>> ofClaims(Collection<String> claimIds);
}
