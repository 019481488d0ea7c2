package org.cpor.claim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.cpor.catalogue.Program;
import org.cpor.claim.Claim.ClaimedWorkload;
import org.cpor.claim.Claim.CustomerContact;
import org.cpor.claim.Claim.PartnerContact;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.identity.Caller;
import org.cpor.partner.Organisation;
import org.cpor.poe.PoeFiles;
import org.cpor.poe.Upload;
import org.cpor.tenant.Tenant;
import org.cpor.tenant.TenantDirectory;
import org.cpor.timeline.ClaimTimeline;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.FieldError;
import org.cpor.web.ForbiddenException;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Languages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner submits a claim: limits, field rules, then the checks that refuse, then the claim is stored and its
 * process started, which runs the automated checks into findings and opens the review, all before the answer.
 */
@Service
public class ClaimSubmissions {

  private final ClaimRules rules;
  private final ClaimChecks checks;
  private final ClaimStore claims;
  private final ClaimTimeline timeline;
  private final TenantDirectory tenants;
  private final ClaimWorkflow workflow;
  private final ClaimMail mail;
  private final SubmissionLocks submissionLocks;
  private final Clock clock;
  private final PoeFiles poeFiles;
  private final TransactionTemplate transactions;

  ClaimSubmissions(ClaimRules rules, ClaimChecks checks, ClaimStore claims, ClaimTimeline timeline, TenantDirectory tenants,
      ClaimWorkflow workflow, ClaimMail mail, SubmissionLocks submissionLocks, Clock clock, PoeFiles poeFiles,
      TransactionTemplate transactions) {
    this.poeFiles = poeFiles;
    this.transactions = transactions;
    this.rules = rules;
    this.checks = checks;
    this.claims = claims;
    this.timeline = timeline;
    this.tenants = tenants;
    this.workflow = workflow;
    this.mail = mail;
    this.submissionLocks = submissionLocks;
    this.clock = clock;
  }

  /** The limits of a submission, for a caller that stores files before submitting: over them, it stores nothing. */
  public void checkLimits(ClaimRequest request, int filesSentAlong) {
    ClaimLimits.check(request, filesSentAlong);
  }

  public Claim submit(ClaimRequest request, Caller caller) {
    return submit(request, List.of(), caller);
  }

  /**
   * Submits with PoE files sent along (multipart, the portal's form); a refused claim keeps none of them. Who may
   * submit and the {@link ClaimLimits} are checked before a transaction begins, so a request over a limit holds no
   * connection; the rest happens in one transaction.
   */
  public Claim submit(ClaimRequest request, List<Upload> uploads, Caller caller) {
    if (!caller.isIncentivesAdmin()) {
      throw new ForbiddenException("Only an Incentives admin of a partner organisation may submit claims");
    }
    ClaimLimits.check(request, uploads.size());
    return transactions.execute(status -> store(request, uploads, caller));
  }

  private Claim store(ClaimRequest request, List<Upload> uploads, Caller caller) {
    Organisation organisation = caller.organisation().orElseThrow();
    List<FieldError> errors = rules.check(request);
    if ((request.poeIds() == null || request.poeIds().isEmpty()) && uploads.isEmpty()) {
      errors.add(new FieldError("poeIds", "attach at least one proof-of-execution file (PDF, PNG, JPEG or DOCX, "
          + "customer-signed, naming every claimed workload)"));
    } else {
      errors.addAll(poeFiles.checkAttachable(request.poeIds(), organisation.id(), "poeIds"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    // one submission of an organisation for a tenant at a time, so two concurrent duplicates cannot both pass the
    // checks (the organisation's own row is not locked: its files' rows share-lock it, and two submissions holding
    // that share lock and both asking for the row deadlocked on PostgreSQL)
    submissionLocks.hold(organisation.id(), tenantId(request));
    List<String> poeIds = new ArrayList<>(request.poeIds() == null ? List.of() : request.poeIds());
    poeIds.addAll(poeFiles.uploadAll(caller, uploads));

    Claim claim = normalise(request, organisation, caller);
    // read once: the claim's findings and the validator's view of the competition come from what refused it or not
    ClaimChecks.Competition competition = checks.refuse(organisation.id(), claim.partnerId(), claim.customerTenantId(),
        claim.customerDomain(), claim.workloadCodes(), null);
    claims.insert(claim);
    checks.remember(claim.id(), competition);
    timeline.record(claim.id(), new TimelineEvent(claim.submittedAt(), caller.userId(), "SUBMITTED",
        claim.program() + " " + String.join(",", claim.workloadCodes()) + " in tenant " + claim.customerTenantId()));
    poeFiles.attach(poeIds, claim.id(), null, null, caller.userId());
    workflow.start(claim.id());
    Claim submitted = claims.get(claim.id());
    mail.received(submitted);
    return submitted;
  }

  /** A tenant ID as stored: lower case (the request's texts arrive stripped). */
  private static String tenantId(ClaimRequest request) {
    return request.customerTenantId().toLowerCase(Locale.ROOT);
  }

  private Claim normalise(ClaimRequest request, Organisation organisation, Caller caller) {
    Program program = Program.valueOf(request.program());
    String tenantId = tenantId(request);
    CustomerContactRequest customer = request.customerContact();
    String language = customer.language() != null ? customer.language().toLowerCase(Locale.ROOT)
        : tenants.tenant(tenantId).map(Tenant::contactLanguage).orElse(Languages.ENGLISH);
    List<ClaimedWorkload> workloads = request.workloads().stream()
        .map(w -> new ClaimedWorkload(w.code(), w.subscriptionId()))
        .toList();
    return new Claim(UUID.randomUUID().toString(), request.name(), request.partnerId(), organisation.id(),
        program, tenantId, request.customerDomain().toLowerCase(Locale.ROOT), workloads,
        new CustomerContact(customer.name(), customer.title(), customer.email(), language),
        new PartnerContact(request.partnerContact().name(), request.partnerContact().email()),
        Boolean.TRUE.equals(request.incentiveOptOut()), request.comment(), ClaimStatus.SUBMITTED, clock.instant(),
        caller.userId(), null, null, null, null, null, null);
  }
}
