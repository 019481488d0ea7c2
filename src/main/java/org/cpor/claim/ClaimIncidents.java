package org.cpor.claim;

import java.util.Collection;
import java.util.Set;

/** Whether the engine holds an incident for a claim's customer notification (implemented in {@code process}). */
public interface ClaimIncidents {
  /** Those of the claims whose customer notification is failing, asking the engine a fixed number of times. */
  Set<String> customerNotificationFailing(Collection<String> claimIds);
}
