package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.claim.ClaimValidation;
import org.springframework.stereotype.Component;

/** Task_OpenReview: a review round starts with its SLA deadline (the validation task clears the previous decision). */
@Component
class OpenReviewDelegate implements JavaDelegate {

  private final ClaimValidation validation;

  OpenReviewDelegate(ClaimValidation validation) {
    this.validation = validation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariable.setInstant(execution, AssociationClaimProcess.REVIEW_DUE_AT, validation.openReview(claimOf(execution)));
  }
}
