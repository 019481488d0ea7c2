package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.claim.ClaimValidation;
import org.springframework.stereotype.Component;

/** Task_ApproveClaim: the claim is APPROVED; the customer is notified next. */
@Component
class ApproveClaimDelegate implements JavaDelegate {

  private final ClaimValidation validation;

  ApproveClaimDelegate(ClaimValidation validation) {
    this.validation = validation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    validation.approve(claimOf(execution));
  }
}
