package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.association.Associations;
import org.springframework.stereotype.Component;

/** Task_MakeAssociationOfficial: the window elapsed; the claimed workloads become official associations. */
@Component
class MakeAssociationOfficialDelegate implements JavaDelegate {

  private final Associations associations;

  MakeAssociationOfficialDelegate(Associations associations) {
    this.associations = associations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    associations.makeOfficial(claimOf(execution));
  }
}
