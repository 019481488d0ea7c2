package org.cpor.process;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cpor.claim.ClaimStore;
import org.cpor.identity.Groups;
import org.cpor.identity.UserDirectory;
import org.cpor.partner.Organisation;
import org.springframework.stereotype.Component;

/**
 * Who works which task of a claim, derived from the claim store and never from a process variable: validators
 * decide {@code Task_ValidateClaim}; the Incentives admins of the claim's own organisation answer
 * {@code Task_ProvideInformation}. Public only because the model calls it. The model routes the partner's task with
 * {@link #partnerAdminsGroup}; the REST guard and the task listeners check every completion, claim and assignment
 * against {@link #groupFor}.
 */
@Component("taskRouting")
public class TaskRouting {

  private final ClaimStore claims;
  private final IdentityService identity;
  private final UserDirectory users;

  TaskRouting(ClaimStore claims, IdentityService identity, UserDirectory users) {
    this.claims = claims;
    this.identity = identity;
    this.users = users;
  }

  /** The candidate group of the claim's information request: {@code partner-<organisation>-admins}. */
  public String partnerAdminsGroup(DelegateExecution execution) {
    return adminsGroupOf(AssociationClaimProcess.claimOf(execution));
  }

  /** The one group whose members may work the task, or empty for a task the product does not route. */
  Optional<String> groupFor(String taskDefinitionKey, String claimId) {
    if (AssociationClaimProcess.TASK_VALIDATE_CLAIM.equals(taskDefinitionKey)) {
      return Optional.of(Groups.VALIDATORS);
    }
    if (AssociationClaimProcess.TASK_PROVIDE_INFORMATION.equals(taskDefinitionKey) && claimId != null) {
      return Optional.of(adminsGroupOf(claimId));
    }
    return Optional.empty();
  }

  /** Why a user, known by ID only, may not be given the task; empty when they may (nobody, or a member of its group). */
  Optional<String> assignmentRefused(String taskName, String group, String userId) {
    if (userId == null || group == null || asProduct(() -> users.isMember(userId, group))) {
      return Optional.empty();
    }
    return Optional.of(taskName + " may not be assigned to " + userId + ": only members of " + group + " work it");
  }

  /** Why a user of these groups may not complete the task; empty when they may (a member of its group). */
  Optional<String> completionRefused(String taskName, String group, String userId, Collection<String> groups) {
    if (group == null || groups.contains(group)) {
      return Optional.empty();
    }
    return Optional.of(userId + " may not complete " + taskName + ": only members of " + group + " may");
  }

  /**
   * The last guard of a completion, whatever path it came by: the signed-in user of the engine call must belong to
   * the task's group. A call without a signed-in user is the product's own (an API answer, checked there).
   */
  void checkCompletingUser(DelegateTask task) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null || current.getUserId() == null) {
      return;
    }
    completionRefused(task.getName(), groupOf(task), current.getUserId(),
        current.getGroupIds() == null ? List.of() : current.getGroupIds()).ifPresent(refusal -> {
          throw new AuthorizationException(refusal);
        });
  }

  /** The last guard of an assignment: a task is only ever assigned to a member of its group. */
  void checkAssignee(DelegateTask task) {
    assignmentRefused(task.getName(), groupOf(task), task.getAssignee()).ifPresent(refusal -> {
      throw new AuthorizationException(refusal);
    });
  }

  private String groupOf(DelegateTask task) {
    return groupFor(task.getTaskDefinitionKey(), AssociationClaimProcess.claimOf(task)).orElse(null);
  }

  /** Runs a read without the caller's engine authorisation, which would hide users and tasks from the check. */
  <T> T asProduct(Supplier<T> read) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private String adminsGroupOf(String claimId) {
    return Organisation.adminsGroupOf(claims.get(claimId).organisationId());
  }
}
