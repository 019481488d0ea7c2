package org.cpor.claim;

/** Whether the engine holds an incident for a claim's customer notification (implemented in {@code process}). */
public interface ClaimIncidents {
  boolean customerNotificationFailing(String claimId);
}
