package org.cpor.process;

import java.time.Clock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.cpor.claim.ClaimSummaries;
import org.cpor.claim.ClaimSummaries.TaskCard;
import org.springframework.stereotype.Component;

/**
 * What Tasklist shows of a claim's task: its name, the task-local variables its cards show and its search finds, and
 * the read-only variables its Camunda Form shows. Set each time a task is created (the competition again each time the
 * form is loaded), never read back.
 */
@Component
public class TaskDisplay {

  static final String CLAIM_SUMMARY = "claimSummary";
  static final String CLAIM_FINDINGS = "claimFindings";
  static final String COMPETING_CLAIMS = "competingClaims";
  static final String INFORMATION_QUESTION = "informationQuestion";
  /** The task's links to the claim's PoE files, which the claims history in Cockpit shows as links too. */
  public static final String POE_LINKS = "poeLinks";
  static final String CLAIM_LINK = "claimLink";
  /** Card variables (the Tasklist filters list them) and the one a search looks into. */
  static final String PARTNER = "partner";
  static final String CUSTOMER_DOMAIN = "customerDomain";
  static final String WORKLOADS = "workloads";
  static final String ROUND = "round";
  static final String REVIEW_DEADLINE = "reviewDeadline";
  static final String ANSWER_DEADLINE = "answerDeadline";
  static final String CLAIM_SEARCH = "claimSearch";

  private final ClaimSummaries summaries;
  private final TaskService tasks;
  private final Clock clock;

  TaskDisplay(ClaimSummaries summaries, TaskService tasks, Clock clock) {
    this.summaries = summaries;
    this.tasks = tasks;
    this.clock = clock;
  }

  void showClaimForValidation(DelegateTask task, String claimId) {
    TaskCard card = summaries.validationCard(modelName(task), claimId);
    task.setName(card.name());
    task.setVariableLocal(PARTNER, card.partner());
    task.setVariableLocal(CUSTOMER_DOMAIN, card.customerDomain());
    task.setVariableLocal(WORKLOADS, card.workloads());
    task.setVariableLocal(ROUND, card.round());
    task.setVariableLocal(REVIEW_DEADLINE, card.deadline());
    task.setVariableLocal(CLAIM_SEARCH, card.search());
    task.setVariableLocal(CLAIM_SUMMARY, summaries.claim(claimId));
    task.setVariableLocal(CLAIM_FINDINGS, summaries.findings(claimId));
    task.setVariableLocal(COMPETING_CLAIMS, summaries.competition(claimId, clock.instant()));
    task.setVariableLocal(POE_LINKS, summaries.poeLinks(claimId));
  }

  /**
   * The competition as it is now, when a validator opens the form: a competing claim submitted, withdrawn, decided or
   * made official after the task was created shows. The caller has checked that the reader works the task. What is
   * unchanged is not written again: setting a task's variable updates the task itself (its last update), and Tasklist
   * claiming the task at that moment failed on the task's changed revision (500, "updated by another transaction").
   */
  void refreshCompetition(String taskId, String claimId) {
    String now = summaries.competition(claimId, clock.instant());
    if (!now.equals(tasks.getVariableLocal(taskId, COMPETING_CLAIMS))) {
      tasks.setVariableLocal(taskId, COMPETING_CLAIMS, now);
    }
  }

  void showInformationRequest(DelegateTask task, String claimId) {
    TaskCard card = summaries.informationCard(modelName(task), claimId);
    task.setName(card.name());
    task.setVariableLocal(CUSTOMER_DOMAIN, card.customerDomain());
    task.setVariableLocal(WORKLOADS, card.workloads());
    task.setVariableLocal(ANSWER_DEADLINE, card.deadline());
    task.setVariableLocal(CLAIM_SEARCH, card.search());
    task.setVariableLocal(CLAIM_SUMMARY, summaries.claim(claimId));
    task.setVariableLocal(INFORMATION_QUESTION, summaries.informationRequest(claimId));
    task.setVariableLocal(CLAIM_LINK, summaries.portalLink(claimId));
  }

  /**
   * The step's name on the diagram ("Validate claim"), which the task's own name starts with: from the parsed process
   * definition the engine holds (the BPMN model instance the task offers would be looked up for every task).
   */
  private static String modelName(DelegateTask task) {
    return task.getExecution().getCurrentActivityName();
  }
}
