package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.ANSWER_COMMENT;
import static org.cpor.process.AssociationClaimProcess.claimOf;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.cpor.claim.InformationRequests;
import org.cpor.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ProvideInformation}: on create, the validator's question is shown; on assignment, the assignee must be
 * one of the organisation's Incentives admins; on complete in Tasklist, the
 * answer is recorded (an answer through the API was recorded before the task was completed).
 */
@Component
class ProvideInformationTaskListener implements TaskListener {

  private final InformationRequests informationRequests;
  private final TaskDisplay display;
  private final TaskActors actors;
  private final TaskRouting routing;

  ProvideInformationTaskListener(InformationRequests informationRequests, TaskDisplay display, TaskActors actors,
      TaskRouting routing) {
    this.informationRequests = informationRequests;
    this.display = display;
    this.actors = actors;
    this.routing = routing;
  }

  @Override
  public void notify(DelegateTask task) {
    String claimId = claimOf(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      display.showInformationRequest(task, claimId);
    } else if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      routing.checkAssignee(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      routing.checkCompletingUser(task);
      try {
        informationRequests.answerFromTask(claimId, TaskValues.text(ANSWER_COMMENT.ifSet(task)), actors.current(task));
      } catch (InvalidInputException e) {
        throw TaskRefusals.refused(e);
      }
      task.getExecution().removeVariable(ANSWER_COMMENT.name());
    }
  }
}
