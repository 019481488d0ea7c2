package org.cpor.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who completes a task: the signed-in user of the call, else its assignee. */
@Component
class TaskActors {

  static final String UNKNOWN = "unknown";

  private final IdentityService identity;

  TaskActors(IdentityService identity) {
    this.identity = identity;
  }

  String current(DelegateTask task) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : UNKNOWN;
  }
}
