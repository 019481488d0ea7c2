package org.cpor.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.claim.Claim.ClaimedWorkload;
import org.cpor.claim.Claim.CustomerContact;
import org.cpor.claim.Claim.PartnerContact;
import org.cpor.identity.Caller;
import org.cpor.poe.PoeFiles;
import org.cpor.poe.Upload;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.ConflictException;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Limits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Validators' questions to the partner, the partner's answers and the 14-business-day deadline. */
@Service
@Transactional
public class InformationRequests {

  private final ClaimStore claims;
  private final ClaimRules rules;
  private final ClaimChecks checks;
  private final ClaimTimeline timeline;
  private final ClaimValidation validation;
  private final ClaimMail mail;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final ClaimAccess access;
  private final ClaimWorkflow workflow;
  private final int dueBusinessDays;
  private final PoeFiles poeFiles;

  InformationRequests(PoeFiles poeFiles, ClaimStore claims, ClaimRules rules, ClaimChecks checks, ClaimTimeline timeline,
      ClaimValidation validation, ClaimMail mail, BusinessCalendar calendar, Clock clock, ClaimAccess access,
      ClaimWorkflow workflow, @Value("${cpor.information-due-business-days}") int dueBusinessDays) {
    this.claims = claims;
    this.rules = rules;
    this.checks = checks;
    this.timeline = timeline;
    this.validation = validation;
    this.mail = mail;
    this.calendar = calendar;
    this.clock = clock;
    this.access = access;
    this.workflow = workflow;
    this.dueBusinessDays = dueBusinessDays;
    this.poeFiles = poeFiles;
  }

  /**
   * The validator's question becomes an open request with its deadline; the claim is PARTNER_ACTION_REQUIRED
   * and the partner is told. Returns the deadline.
   */
  public Instant request(String claimId) {
    Claim claim = claims.get(claimId);
    InformationRequest open = claims.latestInformationRequest(claimId).filter(InformationRequest::isOpen).orElse(null);
    if (open != null && claim.status() == ClaimStatus.PARTNER_ACTION_REQUIRED) {
      return open.dueAt();
    }
    Decision decision = claims.latestDecision(claimId).orElseThrow();
    Instant now = clock.instant();
    Instant due = calendar.addBusinessDays(now, dueBusinessDays);
    claims.insertInformationRequest(claimId, decision.reasons(), decision.comment(), now, due);
    claims.updateStatus(claim, ClaimStatus.PARTNER_ACTION_REQUIRED);
    timeline.record(claimId, new TimelineEvent(now, decision.decidedBy(), "INFORMATION_REQUESTED",
        String.join(",", decision.reasons()) + ": " + decision.comment() + " (due by " + due + ")"));
    mail.informationRequested(claim, decision, due);
    return due;
  }

  /** The partner answers through the API: the answer is recorded, then the partner's task is completed. */
  public Claim answer(String claimId, InformationAnswer answer, Caller caller) {
    return answer(claimId, answer, List.of(), caller);
  }

  /**
   * The partner answers with PoE files sent along (the portal's form): the {@link Limits} first, before any query, then
   * the files are stored with the answer or, when it is refused, not at all.
   */
  public Claim answer(String claimId, InformationAnswer answer, List<Upload> uploads, Caller caller) {
    ClaimLimits.check(answer, uploads.size());
    Claim claim = access.lockForChange(claimId, caller);
    List<FieldError> errors = new ArrayList<>();
    if (answer.comment() == null || answer.comment().isBlank()) {
      errors.add(new FieldError("comment", "is required: answer the validator's question"));
    }
    errors.addAll(poeFiles.checkAttachable(answer.poeIds(), claim.organisationId(), "poeIds"));
    errors.addAll(rules.check(answer, claim.program()));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    InformationRequest open = claims.latestInformationRequest(claimId).filter(InformationRequest::isOpen).orElse(null);
    if (claim.status() != ClaimStatus.PARTNER_ACTION_REQUIRED || open == null) {
      throw new ConflictException("Claim " + claimId + " has no open information request (it is " + claim.status() + ")");
    }
    List<String> poeIds = new ArrayList<>(answer.poeIds() == null ? List.of() : answer.poeIds());
    poeIds.addAll(poeFiles.uploadAll(caller, uploads));
    if (answer.workloads() != null) {
      List<ClaimedWorkload> workloads = answer.workloads().stream()
          .map(w -> new ClaimedWorkload(w.code(), w.subscriptionId()))
          .toList();
      checks.remember(claimId, checks.refuse(claim.organisationId(), claim.partnerId(), claim.customerTenantId(),
          claim.customerDomain(), workloads.stream().map(ClaimedWorkload::code).toList(), claimId));
      claims.replaceWorkloads(claim, workloads);
      timeline.record(claimId, new TimelineEvent(clock.instant(), caller.userId(), "WORKLOADS_CORRECTED",
          String.join(",", workloads.stream().map(ClaimedWorkload::code).toList())));
    }
    if (answer.customerContact() != null) {
      var contact = answer.customerContact();
      claims.updateCustomerContact(claimId, new CustomerContact(contact.name(), contact.title(), contact.email(),
          contact.language() == null ? claim.customerContact().language() : contact.language().toLowerCase(Locale.ROOT)));
      timeline.record(claimId, new TimelineEvent(clock.instant(), caller.userId(), "CUSTOMER_CONTACT_CORRECTED", null));
    }
    if (answer.partnerContact() != null) {
      claims.updatePartnerContact(claimId, new PartnerContact(answer.partnerContact().name(), answer.partnerContact().email()));
      timeline.record(claimId, new TimelineEvent(clock.instant(), caller.userId(), "PARTNER_CONTACT_CORRECTED", null));
    }
    poeFiles.attach(poeIds, claimId, open.id(), null, caller.userId());
    recordAnswer(open, claimId, answer.comment().strip(), caller.userId());
    if (!workflow.completeInformationTask(claimId, caller.userId())) {
      throw new ConflictException("Claim " + claimId + " has no open information request");
    }
    return claims.get(claimId);
  }

  /** An answer given in Tasklist: checked and recorded, unless the API already recorded this round's answer. */
  public void answerFromTask(String claimId, String comment, String user) {
    claims.latestInformationRequest(claimId).filter(InformationRequest::isOpen).ifPresent(open -> {
      checkTaskAnswer(comment);
      recordAnswer(open, claimId, comment.strip(), user);
    });
  }

  /** The field of Tasklist's answer form: the process's variable, the errors' field name. */
  public static final String TASK_ANSWER = "answerComment";

  /** An answer typed into Tasklist's form: required, and no longer than a process variable holds. */
  private static void checkTaskAnswer(String comment) {
    if (comment == null || comment.isBlank()) {
      throw new InvalidInputException(TASK_ANSWER, "is required: answer the validator's question");
    }
    if (comment.length() > Limits.CAMUNDA_STRING) {
      throw new InvalidInputException(TASK_ANSWER, Limits.tooLong(Limits.CAMUNDA_STRING, comment.length())
          + "; a longer answer can be sent through the portal or the API");
    }
  }

  private void recordAnswer(InformationRequest open, String claimId, String comment, String user) {
    claims.answerInformationRequest(open.id(), clock.instant(), user, comment);
    timeline.record(claimId, new TimelineEvent(clock.instant(), user, "INFORMATION_PROVIDED", comment));
  }

  /** No answer within the deadline: the claim is rejected with NO_PARTNER_RESPONSE. */
  public void overdue(String claimId) {
    validation.rejectBySystem(claimId, ReasonCodes.NO_PARTNER_RESPONSE, TimelineEvent.SYSTEM,
        "No answer to the information request by its deadline");
  }
}
