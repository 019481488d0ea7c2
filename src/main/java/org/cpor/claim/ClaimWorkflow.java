package org.cpor.claim;

/** What the claim feature needs of the process engine (implemented in {@code process}). */
public interface ClaimWorkflow {

  /** Starts the claim's process; it runs the automated checks and opens the review before returning. */
  void start(String claimId);

  /** Starts a new instance of the claim's process for a dispute; it opens the review before returning. */
  void startDispute(String claimId);

  /** Completes the partner's open information task as that user; false when there is none. */
  boolean completeInformationTask(String claimId, String userId);

  /** Ends the claim's process because the partner withdrew; false when no process is running. */
  boolean withdraw(String claimId);

  /** Tells the waiting process that the customer declined; false when it is not waiting for the customer. */
  boolean customerDeclined(String claimId);
}
