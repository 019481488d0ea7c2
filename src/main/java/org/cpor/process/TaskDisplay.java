package org.cpor.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.cpor.claim.ClaimSummaries;
import org.springframework.stereotype.Component;

/**
 * Task-local, read-only variables that the Camunda Forms show; set each time a task is created, never read back.
 */
@Component
class TaskDisplay {

  static final String CLAIM_SUMMARY = "claimSummary";
  static final String CLAIM_FINDINGS = "claimFindings";
  static final String COMPETING_CLAIMS = "competingClaims";
  static final String INFORMATION_QUESTION = "informationQuestion";
  static final String POE_LINKS = "poeLinks";

  private final ClaimSummaries summaries;

  TaskDisplay(ClaimSummaries summaries) {
    this.summaries = summaries;
  }

  void showClaimForValidation(DelegateTask task, String claimId) {
    task.setVariableLocal(CLAIM_SUMMARY, summaries.claim(claimId));
    task.setVariableLocal(CLAIM_FINDINGS, summaries.findings(claimId));
    task.setVariableLocal(COMPETING_CLAIMS, summaries.competition(claimId));
    task.setVariableLocal(POE_LINKS, summaries.poeLinks(claimId));
  }

  void showInformationRequest(DelegateTask task, String claimId) {
    task.setVariableLocal(CLAIM_SUMMARY, summaries.claim(claimId));
    task.setVariableLocal(INFORMATION_QUESTION, summaries.informationRequest(claimId));
  }
}
