package org.cpor.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cpor.calendar.BusinessCalendar;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.ConflictException;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Limits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The validators' side of a claim: the automated checks' findings, review rounds with their SLA, decisions and
 * what follows from them. Each step checks the claim's state first, so running it twice changes nothing.
 */
@Service
@Transactional
public class ClaimValidation {

  private final ClaimStore claims;
  private final ClaimChecks checks;
  private final ClaimTimeline timeline;
  private final ClaimMail mail;
  private final BusinessCalendar calendar;
  private final Clock clock;
  private final int reviewSlaBusinessDays;

  ClaimValidation(ClaimStore claims, ClaimChecks checks, ClaimTimeline timeline, ClaimMail mail,
      BusinessCalendar calendar, Clock clock, @Value("${cpor.review-sla-business-days}") int reviewSlaBusinessDays) {
    this.claims = claims;
    this.checks = checks;
    this.timeline = timeline;
    this.mail = mail;
    this.calendar = calendar;
    this.clock = clock;
    this.reviewSlaBusinessDays = reviewSlaBusinessDays;
  }

  public void recordFindings(String claimId) {
    Claim claim = claims.get(claimId);
    List<Finding> findings = checks.findings(claim);
    claims.replaceFindings(claimId, findings);
    timeline.record(claimId, event(TimelineEvent.SYSTEM, "CHECKED", findings.isEmpty() ? "no findings" : Finding.list(findings)));
  }

  /** A review round starts: the claim is UNDER_REVIEW and the SLA's deadline is computed and stored. */
  public Instant openReview(String claimId) {
    Instant due = calendar.addBusinessDaysFromNow(reviewSlaBusinessDays);
    claims.updateStatus(claims.get(claimId), ClaimStatus.UNDER_REVIEW);
    claims.setInstant(claimId, ClaimStore.Moment.REVIEW_DUE, due);
    timeline.record(claimId, event(TimelineEvent.SYSTEM, "REVIEW_STARTED", "review due by " + due));
    return due;
  }

  /** A validator's decision as checked: outcome, reason codes and comment. */
  record CheckedDecision(DecisionOutcome outcome, List<String> reasons, String comment) {}

  /** Checks a validator's decision; throws naming every bad field, changes nothing. */
  private CheckedDecision checked(ValidationInput input) {
    List<FieldError> errors = new ArrayList<>();
    DecisionOutcome outcome = outcome(input.outcome(), errors);
    List<String> reasons = input.reasons() == null ? List.of()
        : input.reasons().stream().filter(r -> r != null && !r.isBlank()).map(String::strip).distinct().toList();
    String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
    if (outcome == DecisionOutcome.APPROVED && !reasons.isEmpty()) {
      errors.add(new FieldError(ValidationInput.REASONS, "must be empty when approving"));
    }
    if (outcome == DecisionOutcome.REJECTED || outcome == DecisionOutcome.INFORMATION_REQUESTED) {
      List<String> allowed = outcome == DecisionOutcome.REJECTED
          ? ReasonCodes.REJECTION.stream().filter(r -> !ReasonCodes.SYSTEM_ONLY.contains(r)).toList()
          : ReasonCodes.INFORMATION_REQUEST;
      if (reasons.isEmpty()) {
        errors.add(new FieldError(ValidationInput.REASONS, "name at least one reason: " + String.join(", ", allowed)));
      }
      reasons.stream().filter(r -> !allowed.contains(r)).forEach(r -> errors.add(new FieldError(ValidationInput.REASONS,
          ReasonCodes.SYSTEM_ONLY.contains(r) ? r + " is decided by the system only"
              : r + " is not a reason for " + outcome + "; allowed: " + String.join(", ", allowed))));
      if (comment == null) {
        errors.add(new FieldError(ValidationInput.COMMENT, outcome == DecisionOutcome.REJECTED
            ? "explain the rejection" : "ask the partner a question"));
      }
    }
    // the decision's fields travel as process variables, which Camunda keeps in 4000 characters
    if (input.comment() != null && input.comment().length() > Limits.CAMUNDA_STRING) {
      errors.add(new FieldError(ValidationInput.COMMENT, "must be at most " + Limits.CAMUNDA_STRING + " characters long"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new CheckedDecision(outcome, reasons, comment);
  }

  /** Checks and records a validator's decision. */
  public DecisionOutcome decide(String claimId, ValidationInput input, String validator) {
    CheckedDecision checked = checked(input);
    Decision decision = new Decision(checked.outcome(), checked.reasons(), checked.comment(), clock.instant(), validator);
    claims.insertDecision(claimId, decision);
    timeline.record(claimId, event(validator, "DECIDED", checked.outcome()
        + (checked.reasons().isEmpty() ? "" : " " + checked.reasons())
        + (checked.comment() == null ? "" : ": " + checked.comment())));
    return checked.outcome();
  }

  private static DecisionOutcome outcome(String value, List<FieldError> errors) {
    if (value != null) {
      try {
        return DecisionOutcome.valueOf(value.strip());
      } catch (IllegalArgumentException e) {
        // named below
      }
    }
    errors.add(new FieldError(ValidationInput.OUTCOME, "must be APPROVED, REJECTED or INFORMATION_REQUESTED"));
    return null;
  }

  /** The validator's rejection takes effect: the claim is REJECTED and the partner is told. */
  public void reject(String claimId) {
    Claim claim = claims.get(claimId);
    if (claim.status() == ClaimStatus.REJECTED) {
      return;
    }
    claims.updateStatus(claim, ClaimStatus.REJECTED);
    Decision decision = decided(claimId, DecisionOutcome.REJECTED);
    timeline.record(claimId, event(decision.decidedBy(), "REJECTED", String.join(",", decision.reasons())));
    mail.rejected(claim, decision);
  }

  /** A rejection the system decides: the decision is recorded, the claim REJECTED, the partner told. */
  void rejectBySystem(String claimId, String reason, String actor, String comment) {
    Claim claim = claims.get(claimId);
    if (claim.status() == ClaimStatus.REJECTED) {
      return;
    }
    Decision decision = new Decision(DecisionOutcome.REJECTED, List.of(reason), comment, clock.instant(), actor);
    claims.insertDecision(claimId, decision);
    claims.updateStatus(claim, ClaimStatus.REJECTED);
    timeline.record(claimId, event(actor, "REJECTED", reason));
    if (ReasonCodes.CUSTOMER_DECLINED.equals(reason)) {
      mail.declinedByCustomer(claims.get(claimId));
    } else {
      mail.rejected(claim, decision);
    }
  }

  /**
   * The customer declined within the window: the claim is rejected with CUSTOMER_DECLINED. Only a decline the store
   * holds is carried out (the customer's link records it before the process is told): a bare trigger of the wait
   * (an engine signal, a message sent by hand) is refused and the claim keeps waiting for the customer.
   */
  public void rejectForCustomerDecline(String claimId) {
    Claim claim = claims.get(claimId);
    if (claim.status() != ClaimStatus.REJECTED && claim.customerDeclinedAt() == null) {
      throw new ConflictException("Claim " + claimId + " has no customer decline to record: the customer declines"
          + " through the link in their e-mail", Map.of("claimStatus", claim.status().name()));
    }
    rejectBySystem(claimId, ReasonCodes.CUSTOMER_DECLINED, TimelineEvent.CUSTOMER, "The customer declined the association");
  }

  /** The validator approved: the claim is APPROVED until the customer has been notified. */
  public void approve(String claimId) {
    Claim claim = claims.get(claimId);
    if (claim.status() == ClaimStatus.APPROVED) {
      return;
    }
    claims.updateStatus(claim, ClaimStatus.APPROVED);
    timeline.record(claimId, event(decided(claimId, DecisionOutcome.APPROVED).decidedBy(), "APPROVED", null));
  }

  /** The validator's decision a step carries out; without one (an instance moved by hand) the step is refused. */
  private Decision decided(String claimId, DecisionOutcome outcome) {
    return claims.latestDecision(claimId).filter(d -> d.outcome() == outcome).orElseThrow(() -> new ConflictException(
        "Claim " + claimId + " has no validator's decision " + outcome + " to carry out"));
  }

  /** The review SLA has passed: the validation leads are alerted; the review stays open. */
  public void reviewSlaBreached(String claimId) {
    Claim claim = claims.get(claimId);
    timeline.record(claimId, event(TimelineEvent.SYSTEM, "REVIEW_SLA_BREACHED", "review was due by " + claim.reviewDueAt()));
    mail.reviewOverdue(claim);
  }

  private TimelineEvent event(String actor, String type, String detail) {
    return new TimelineEvent(clock.instant(), actor, type, detail);
  }
}
