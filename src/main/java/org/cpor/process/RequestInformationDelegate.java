package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.claim.InformationRequests;
import org.springframework.stereotype.Component;

/** Task_RequestInformation: the validator's question is sent to the partner with its deadline. */
@Component
class RequestInformationDelegate implements JavaDelegate {

  private final InformationRequests informationRequests;

  RequestInformationDelegate(InformationRequests informationRequests) {
    this.informationRequests = informationRequests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariable.setInstant(execution, AssociationClaimProcess.INFORMATION_DUE_AT,
        informationRequests.request(claimOf(execution)));
  }
}
