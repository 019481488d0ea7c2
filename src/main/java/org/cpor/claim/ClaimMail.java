package org.cpor.claim;

import java.time.Instant;

/**
 * The e-mails the claim's own use cases send, each queued in the transaction of the change it reports. Written and
 * sent by {@code notification/}, which builds on the claim: the claim says what happened, the notification decides
 * the e-mail.
 */
public interface ClaimMail {

  /** The partner's receipt of a submitted claim. */
  void received(Claim claim);

  /** The partner learns that a validator rejected the claim, with the decision's reasons and comment. */
  void rejected(Claim claim, Decision decision);

  /** The partner learns that the customer declined the association during the opt-out window. */
  void declinedByCustomer(Claim claim);

  /** The partner is asked the validator's question, to be answered by {@code dueAt}. */
  void informationRequested(Claim claim, Decision decision, Instant dueAt);

  /** Every validation lead learns that the claim's review is past its deadline. */
  void reviewOverdue(Claim claim);
}
