package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.claim.ClaimValidation;
import org.springframework.stereotype.Component;

/** Task_AlertValidationLeads: the review SLA has passed; the leads are alerted. */
@Component
class AlertValidationLeadsDelegate implements JavaDelegate {

  private final ClaimValidation validation;

  AlertValidationLeadsDelegate(ClaimValidation validation) {
    this.validation = validation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    validation.reviewSlaBreached(claimOf(execution));
  }
}
