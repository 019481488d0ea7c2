package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.claim.ClaimValidation;
import org.springframework.stereotype.Component;

/** Task_RejectClaim: the validator's rejection takes effect and the partner is told. */
@Component
class RejectClaimDelegate implements JavaDelegate {

  private final ClaimValidation validation;

  RejectClaimDelegate(ClaimValidation validation) {
    this.validation = validation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    validation.reject(claimOf(execution));
  }
}
