package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cpor.customer.CustomerNotifications;
import org.springframework.stereotype.Component;

/** Task_NotifyCustomer: the customer contact is asked; the opt-out window starts. */
@Component
class NotifyCustomerDelegate implements JavaDelegate {

  private final CustomerNotifications notifications;

  NotifyCustomerDelegate(CustomerNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ProcessVariable.setInstant(execution, AssociationClaimProcess.OPT_OUT_DEADLINE_AT,
        notifications.notifyCustomer(claimOf(execution)));
  }
}
