package org.cpor.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.cpor.claim.InformationRequests;
import org.cpor.claim.ValidationInput;

/** The IDs of {@code processes/AssociationClaimProcess.bpmn} that Java refers to, and its variables. */
final class AssociationClaimProcess {

  public static final String PROCESS_ID = "AssociationClaimProcess";

  public static final String START_EVENT_CLAIM_SUBMITTED = "StartEvent_ClaimSubmitted";
  public static final String START_EVENT_CLAIM_DISPUTED = "StartEvent_ClaimDisputed";
  public static final String TASK_RUN_AUTOMATED_CHECKS = "Task_RunAutomatedChecks";
  public static final String TASK_OPEN_REVIEW = "Task_OpenReview";
  public static final String TASK_VALIDATE_CLAIM = "Task_ValidateClaim";
  public static final String TASK_REJECT_CLAIM = "Task_RejectClaim";
  public static final String TASK_REQUEST_INFORMATION = "Task_RequestInformation";
  public static final String TASK_PROVIDE_INFORMATION = "Task_ProvideInformation";
  public static final String TASK_REJECT_FOR_NO_RESPONSE = "Task_RejectForNoResponse";
  public static final String TASK_APPROVE_CLAIM = "Task_ApproveClaim";
  public static final String TASK_NOTIFY_CUSTOMER = "Task_NotifyCustomer";
  public static final String TASK_AWAIT_CUSTOMER_DECISION = "Task_AwaitCustomerDecision";
  public static final String TASK_MAKE_ASSOCIATION_OFFICIAL = "Task_MakeAssociationOfficial";
  public static final String TASK_RECORD_CUSTOMER_DECLINE = "Task_RecordCustomerDecline";
  public static final String TASK_ALERT_VALIDATION_LEADS = "Task_AlertValidationLeads";
  public static final String BOUNDARY_EVENT_REVIEW_SLA_BREACHED = "BoundaryEvent_ReviewSlaBreached";
  public static final String BOUNDARY_EVENT_INFORMATION_OVERDUE = "BoundaryEvent_InformationOverdue";
  public static final String BOUNDARY_EVENT_OPT_OUT_WINDOW_ELAPSED = "BoundaryEvent_OptOutWindowElapsed";
  public static final String START_EVENT_CLAIM_WITHDRAWN = "StartEvent_ClaimWithdrawn";
  /** Where a review round and an undecided outcome meet in front of the validator's task. */
  public static final String GATEWAY_DECISION_PENDING = "Gateway_DecisionPending";
  public static final String GATEWAY_VALIDATION_OUTCOME = "Gateway_ValidationOutcome";
  /** The default of the validation outcome: no decision the gateway knows, back to the validator. */
  public static final String SEQUENCE_FLOW_VALIDATION_OUTCOME_UNDECIDED = "SequenceFlow_ValidationOutcomeUndecided";
  /** The way on from Task_AwaitCustomerDecision when it receives Msg_CustomerDeclined. */
  public static final String SEQUENCE_FLOW_CUSTOMER_DECLINED = "SequenceFlow_CustomerDeclined";
  public static final String END_EVENT_CLAIM_REJECTED = "EndEvent_ClaimRejected";
  public static final String END_EVENT_CLAIM_REJECTED_FOR_NO_RESPONSE = "EndEvent_ClaimRejectedForNoResponse";
  public static final String END_EVENT_ASSOCIATION_OFFICIAL = "EndEvent_AssociationOfficial";
  public static final String END_EVENT_CUSTOMER_DECLINED = "EndEvent_CustomerDeclined";
  public static final String END_EVENT_CLAIM_WITHDRAWN = "EndEvent_ClaimWithdrawn";
  public static final String END_EVENT_VALIDATION_LEADS_ALERTED = "EndEvent_ValidationLeadsAlerted";

  public static final String MESSAGE_CUSTOMER_DECLINED = "Msg_CustomerDeclined";
  public static final String MESSAGE_CLAIM_WITHDRAWN = "Msg_ClaimWithdrawn";
  public static final String MESSAGE_CLAIM_DISPUTED = "Msg_ClaimDisputed";

  public static final String FORM_VALIDATE_CLAIM = "ValidateClaimForm";
  public static final String FORM_PROVIDE_INFORMATION = "ProvideInformationForm";

  /** Written at start for the auditors' view of an instance; never read: the business key names the claim. */
  static final ProcessVariable<String> CLAIM_ID = ProcessVariable.string("claimId");
  static final ProcessVariable<Date> REVIEW_DUE_AT = ProcessVariable.instant("reviewDueAt");
  static final ProcessVariable<Date> INFORMATION_DUE_AT = ProcessVariable.instant("informationDueAt");
  static final ProcessVariable<Date> OPT_OUT_DEADLINE_AT = ProcessVariable.instant("optOutDeadlineAt");

  /** The validator's decision: routing, kept. */
  static final ProcessVariable<String> VALIDATION_OUTCOME = ProcessVariable.string(ValidationInput.OUTCOME);
  /** Sent with the decision and recorded in the store; cleared when a new review round starts. */
  static final ProcessVariable<Object> VALIDATION_REASONS = ProcessVariable.sent(ValidationInput.REASONS);
  static final ProcessVariable<Object> VALIDATION_COMMENT = ProcessVariable.sent(ValidationInput.COMMENT);
  /** The partner's answer when given in Tasklist. */
  static final ProcessVariable<Object> ANSWER_COMMENT = ProcessVariable.sent(InformationRequests.TASK_ANSWER);

  /**
   * The claim an instance is about: its business key, which the product sets when it starts the instance and which
   * no task completion or REST call can change (unlike a variable).
   */
  static String claimOf(DelegateExecution execution) {
    String claimId = execution.getProcessBusinessKey();
    if (claimId == null) {
      throw new IllegalStateException("process instance " + execution.getProcessInstanceId() + " has no business key");
    }
    return claimId;
  }

  static String claimOf(DelegateTask task) {
    return claimOf(task.getExecution());
  }

  private AssociationClaimProcess() {}
}
