package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.claim.ClaimValidation;
import org.springframework.stereotype.Component;

/** Task_RunAutomatedChecks: the automated checks' findings for the validator. */
@Component
class RunAutomatedChecksDelegate implements JavaDelegate {

  private final ClaimValidation validation;

  RunAutomatedChecksDelegate(ClaimValidation validation) {
    this.validation = validation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    validation.recordFindings(claimOf(execution));
  }
}
