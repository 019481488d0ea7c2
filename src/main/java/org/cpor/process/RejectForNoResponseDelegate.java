package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.claim.InformationRequests;
import org.springframework.stereotype.Component;

/** Task_RejectForNoResponse: no answer in time; the claim is rejected with NO_PARTNER_RESPONSE. */
@Component
class RejectForNoResponseDelegate implements JavaDelegate {

  private final InformationRequests informationRequests;

  RejectForNoResponseDelegate(InformationRequests informationRequests) {
    this.informationRequests = informationRequests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    informationRequests.overdue(claimOf(execution));
  }
}
