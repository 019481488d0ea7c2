package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.claimOf;
import static org.cpor.process.AssociationClaimProcess.VALIDATION_OUTCOME;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.cpor.claim.ClaimValidation;
import org.cpor.claim.DecisionOutcome;
import org.cpor.claim.ValidationInput;
import org.cpor.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ValidateClaim}: on create, the claim is shown to the validator (task-local display variables) and no
 * earlier decision is kept;
 * on assignment, the assignee must be a validator; on complete, the decision is checked and recorded, or refused with a clear message while the task stays open.
 */
@Component
class ValidateClaimTaskListener implements TaskListener {

  private final ClaimValidation validation;
  private final TaskDisplay display;
  private final TaskActors actors;
  private final TaskRouting routing;

  ValidateClaimTaskListener(ClaimValidation validation, TaskDisplay display, TaskActors actors, TaskRouting routing) {
    this.validation = validation;
    this.display = display;
    this.actors = actors;
    this.routing = routing;
  }

  @Override
  public void notify(DelegateTask task) {
    String claimId = claimOf(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // each time the task is entered (a new round, or back from an outcome the gateway does not know) the form
      // starts without a decision: a previous one would pre-fill it
      task.getExecution().removeVariables(List.of(VALIDATION_OUTCOME.name(), AssociationClaimProcess.VALIDATION_REASONS.name(),
          AssociationClaimProcess.VALIDATION_COMMENT.name()));
      display.showClaimForValidation(task, claimId);
      return;
    }
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      routing.checkAssignee(task);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    routing.checkCompletingUser(task);
    ValidationInput input = TaskValues.validationInput(task::getVariable);
    try {
      DecisionOutcome outcome = validation.decide(claimId, input, actors.current(task));
      VALIDATION_OUTCOME.set(task.getExecution(), outcome.name());
    } catch (InvalidInputException e) {
      throw TaskRefusals.refused(e);
    }
  }
}
