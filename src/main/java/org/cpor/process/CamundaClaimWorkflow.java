package org.cpor.process;

import static org.cpor.process.AssociationClaimProcess.CLAIM_ID;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cpor.claim.ClaimIncidents;
import org.cpor.claim.ClaimWorkflow;
import org.springframework.stereotype.Component;

/** The claim's process instance, found by its business key (the claim ID). */
@Component
class CamundaClaimWorkflow implements ClaimWorkflow, ClaimIncidents {

  private final RuntimeService runtime;
  private final TaskService tasks;
  CamundaClaimWorkflow(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  @Override
  public void start(String claimId) {
    runtime.startProcessInstanceByKey(AssociationClaimProcess.PROCESS_ID, claimId, Map.of(CLAIM_ID.name(), claimId));
  }

  @Override
  public void startDispute(String claimId) {
    runtime.startProcessInstanceByMessage(AssociationClaimProcess.MESSAGE_CLAIM_DISPUTED, claimId, Map.of(CLAIM_ID.name(), claimId));
  }

  @Override
  public boolean completeInformationTask(String claimId, String userId) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(claimId)
        .taskDefinitionKey(AssociationClaimProcess.TASK_PROVIDE_INFORMATION).active().singleResult();
    if (task == null) {
      return false;
    }
    // the history then names who answered; the product's own calls run without engine authorisation checks
    if (task.getAssignee() == null) {
      tasks.setAssignee(task.getId(), userId);
    }
    tasks.complete(task.getId());
    return true;
  }

  @Override
  public boolean withdraw(String claimId) {
    if (instance(claimId) == null) {
      return false;
    }
    runtime.createMessageCorrelation(AssociationClaimProcess.MESSAGE_CLAIM_WITHDRAWN)
        .processInstanceBusinessKey(claimId).correlateWithResult();
    return true;
  }

  @Override
  public boolean customerDeclined(String claimId) {
    Execution waiting = runtime.createExecutionQuery().processInstanceBusinessKey(claimId)
        .messageEventSubscriptionName(AssociationClaimProcess.MESSAGE_CUSTOMER_DECLINED).singleResult();
    if (waiting == null) {
      return false;
    }
    runtime.messageEventReceived(AssociationClaimProcess.MESSAGE_CUSTOMER_DECLINED, waiting.getId());
    return true;
  }

  @Override
  public Set<String> customerNotificationFailing(Collection<String> claimIds) {
    if (claimIds.isEmpty()) {
      return Set.of();
    }
    // incidents at the customer notification are few (an operator acts on each): those of every claim, then their claims
    Set<String> instanceIds = runtime.createIncidentQuery().activityId(AssociationClaimProcess.TASK_NOTIFY_CUSTOMER).list().stream()
        .map(Incident::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
    if (instanceIds.isEmpty()) {
      return Set.of();
    }
    Set<String> wanted = Set.copyOf(claimIds);
    return runtime.createProcessInstanceQuery().processDefinitionKey(AssociationClaimProcess.PROCESS_ID)
        .processInstanceIds(instanceIds).active().list().stream()
        .map(ProcessInstance::getBusinessKey).filter(wanted::contains).collect(Collectors.toSet());
  }

  private ProcessInstance instance(String claimId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(AssociationClaimProcess.PROCESS_ID)
        .processInstanceBusinessKey(claimId).active().singleResult();
  }
}
