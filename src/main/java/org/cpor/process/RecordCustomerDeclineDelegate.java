package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.claim.ClaimValidation;
import org.springframework.stereotype.Component;

/**
 * Task_RecordCustomerDecline: the claim is rejected with CUSTOMER_DECLINED and the partner told; refused (409) when the
 * store holds no decline of the customer, so that nothing but the customer's link ends the opt-out window early.
 */
@Component
class RecordCustomerDeclineDelegate implements JavaDelegate {

  private final ClaimValidation validation;

  RecordCustomerDeclineDelegate(ClaimValidation validation) {
    this.validation = validation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    validation.rejectForCustomerDecline(claimOf(execution));
  }
}
