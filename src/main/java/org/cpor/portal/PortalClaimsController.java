package org.cpor.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cpor.catalogue.Program;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimAccess;
import org.cpor.claim.ClaimQuery;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.claim.ClaimRequest.PartnerContactRequest;
import org.cpor.claim.ClaimRequest.WorkloadRequest;
import org.cpor.claim.ClaimSort;
import org.cpor.claim.ClaimStatus;
import org.cpor.claim.ClaimSubmissions;
import org.cpor.claim.ClaimView;
import org.cpor.claim.ClaimViews;
import org.cpor.claim.ClaimWithdrawals;
import org.cpor.claim.Disputes;
import org.cpor.claim.InformationAnswer;
import org.cpor.claim.InformationRequests;
import org.cpor.claim.Labels;
import org.cpor.identity.Caller;
import org.cpor.identity.Callers;
import org.cpor.partner.PartnerDirectory;
import org.cpor.partner.PartnerLocation;
import org.cpor.poe.PoeFile;
import org.cpor.poe.PoeFiles;
import org.cpor.poe.Upload;
import org.cpor.web.ConflictException;
import org.cpor.web.ForbiddenException;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Params;
import org.cpor.web.PayloadTooLargeException;
import org.cpor.web.UnprocessableException;
import org.cpor.web.UnsupportedTypeException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The partner portal's claim pages: list, detail with the partner's actions, and the new-claim form. */
@Controller
@RequestMapping("/portal")
class PortalClaimsController {

  private static final int PAGE_SIZE = 20;
  private static final int MAX_PAGE = 10_000;
  private static final int MAX_SEARCH = 100;

  private final ClaimAccess access;
  private final ClaimViews views;
  private final ClaimSubmissions submissions;
  private final InformationRequests informationRequests;
  private final ClaimWithdrawals withdrawals;
  private final Disputes disputes;
  private final WorkloadCatalogue catalogue;
  private final PartnerDirectory partners;
  private final Deadlines deadlines;
  private final Callers callers;
  private final TransactionTemplate transactions;
  private final PoeFiles poeFiles;
  private final Labels labels;

  PortalClaimsController(TransactionTemplate transactions, ClaimAccess access, ClaimViews views,
      ClaimSubmissions submissions, InformationRequests informationRequests, ClaimWithdrawals withdrawals, Disputes disputes,
      WorkloadCatalogue catalogue, PartnerDirectory partners, Deadlines deadlines, Callers callers, PoeFiles poeFiles,
      Labels labels) {
    this.poeFiles = poeFiles;
    this.labels = labels;
    this.access = access;
    this.views = views;
    this.submissions = submissions;
    this.informationRequests = informationRequests;
    this.withdrawals = withdrawals;
    this.disputes = disputes;
    this.catalogue = catalogue;
    this.partners = partners;
    this.deadlines = deadlines;
    this.callers = callers;
    this.transactions = transactions;
  }

  @ModelAttribute
  void common(Model model) {
    Caller caller = callers.current();
    model.addAttribute("caller", caller);
    model.addAttribute("canChange", caller.isIncentivesAdmin());
    model.addAttribute("labels", labels);
  }

  @GetMapping({"", "/"})
  String home() {
    return "redirect:/portal/claims";
  }

  /** A row of the claims list, with what the partner must do about it, if anything. */
  record Row(ClaimView claim, String action) {}

  @GetMapping("/claims")
  String list(@RequestParam(required = false) String status, @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String workload, @RequestParam(required = false) String program,
      @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
      @RequestParam(required = false) String view, @RequestParam(defaultValue = "0") int page, Model model) {
    Caller caller = callers.current();
    String text = Params.blankToNull(q) == null ? null : q.strip().substring(0, Math.min(q.strip().length(), MAX_SEARCH));
    boolean actionView = "action".equals(view);
    ClaimSort order = lenient(ClaimSort.class, sort);
    ClaimQuery all = new ClaimQuery(caller.organisationFilter(), null, Params.blankToNull(tenantId),
        Params.blankToNull(workload), lenient(Program.class, program), text, null, order, Math.min(Math.max(page, 0), MAX_PAGE),
        PAGE_SIZE);
    ClaimStatus statusFilter = actionView ? null : lenient(ClaimStatus.class, status);
    ClaimQuery query = actionView ? all.actionRequired(disputes.disputableSince())
        : new ClaimQuery(all.organisationId(), statusFilter, all.tenantId(), all.workload(), all.program(), all.text(), null,
            all.sort(), all.page(), all.size());
    ClaimViews.Listing listing = views.list(query, caller);
    long total = listing.total();
    Map<String, java.time.Instant> disputable = disputes.disputableUntil(listing.claims());
    List<Row> rows = new java.util.ArrayList<>();
    for (ClaimView shown : listing.views()) {
      rows.add(new Row(shown, action(shown, disputable.get(shown.id()), caller)));
    }
    model.addAttribute("rows", rows);
    model.addAttribute("total", total);
    model.addAttribute("page", query.page());
    model.addAttribute("lastPage", Math.max(0, (int) ((total - 1) / PAGE_SIZE)));
    model.addAttribute("counts", views.countByStatus(all));
    // the counts the list has made already are not made again
    model.addAttribute("allCount", query.equals(all) ? total : views.count(all));
    model.addAttribute("actionCount", actionView ? total : views.count(all.actionRequired(disputes.disputableSince())));
    model.addAttribute("statuses", ClaimStatus.values());
    model.addAttribute("programs", Program.values());
    model.addAttribute("sorts", ClaimSort.values());
    Map<String, String> filter = new java.util.HashMap<>();
    filter.put("status", statusFilter == null ? "" : statusFilter.name());
    filter.put("tenantId", nullToBlank(tenantId));
    filter.put("workload", nullToBlank(workload));
    filter.put("program", query.program() == null ? "" : query.program().name());
    filter.put("q", nullToBlank(text));
    filter.put("sort", query.sort().name());
    filter.put("view", actionView ? "action" : "");
    model.addAttribute("filter", filter);
    return "portal/claims";
  }

  /** What the partner must do about a claim now, in words, or null. */
  private String action(ClaimView view, java.time.Instant disputableUntil, Caller caller) {
    if (view.status() == ClaimStatus.PARTNER_ACTION_REQUIRED) {
      // the view's open request is the latest request while it is open
      return view.openRequest() == null ? "Answer the information request"
          : "Answer the information request by " + deadlines.format(view.openRequest().dueAt(), caller);
    }
    return disputableUntil == null ? null : "You may dispute the rejection until " + deadlines.format(disputableUntil, caller);
  }

  @GetMapping("/claims/{id}")
  String claim(@PathVariable String id, Model model) {
    Caller caller = callers.current();
    Claim stored = access.read(id, caller);
    ClaimView claim = views.of(stored, caller);
    model.addAttribute("claim", claim);
    model.addAttribute("timeline", views.timeline(stored, caller));
    model.addAttribute("workloadChoices", catalogue.ofProgram(Program.valueOf(claim.program())));
    model.addAttribute("submittedAt", deadlines.format(claim.submittedAt(), caller));
    model.addAttribute("zone", deadlines.zone(caller).getId());
    model.addAttribute("deadlines", deadlines);
    if (claim.openRequest() != null) {
      model.addAttribute("answerDue", deadlines.format(claim.openRequest().dueAt(), caller));
      model.addAttribute("answerLeft", deadlines.left(claim.openRequest().dueAt()));
    }
    if (claim.optOutDeadline() != null) {
      model.addAttribute("optOutDeadline", deadlines.format(claim.optOutDeadline(), caller));
      model.addAttribute("optOutLeft", deadlines.left(claim.optOutDeadline()));
    }
    boolean canChange = caller.canChange(stored.organisationId());
    model.addAttribute("canWithdraw", canChange && claim.status().isOpen());
    disputes.disputableUntil(stored).ifPresent(until -> model.addAttribute("disputableUntil", deadlines.format(until, caller)));
    model.addAttribute("canDispute", canChange && model.getAttribute("disputableUntil") != null);
    model.addAttribute("canAnswer", canChange && claim.openRequest() != null);
    return "portal/claim";
  }

  /** The withdrawal's confirmation page: what withdrawing means, then the button that does it. */
  @GetMapping("/claims/{id}/withdrawal")
  String confirmWithdrawal(@PathVariable String id, Model model, RedirectAttributes redirect) {
    Caller caller = callers.current();
    Claim stored = access.read(id, caller);
    requireAdmin();
    if (!stored.status().isOpen()) {
      redirect.addFlashAttribute("error", "This claim is " + labels.of(stored.status()).toLowerCase(java.util.Locale.ROOT)
          + ": only an open claim can be withdrawn.");
      return "redirect:/portal/claims/" + id;
    }
    model.addAttribute("claim", views.of(stored, caller));
    return "portal/withdraw";
  }

  /** The dispute's page: what a dispute means (once only), then the justification and the button. */
  @GetMapping("/claims/{id}/dispute")
  String confirmDispute(@PathVariable String id, Model model, RedirectAttributes redirect) {
    Caller caller = callers.current();
    Claim stored = access.read(id, caller);
    requireAdmin();
    java.util.Optional<java.time.Instant> until = disputes.disputableUntil(stored);
    if (until.isEmpty()) {
      redirect.addFlashAttribute("error", "This claim's rejection cannot be disputed (any more).");
      return "redirect:/portal/claims/" + id;
    }
    model.addAttribute("claim", views.of(stored, caller));
    model.addAttribute("disputableUntil", deadlines.format(until.get(), caller));
    return "portal/dispute";
  }

  @GetMapping("/claims/new")
  String newClaim(@ModelAttribute("form") ClaimForm form, Model model) {
    requireAdmin();
    form.setPoeIds(List.of());
    return newClaimPage(form, model, Map.of(), null);
  }

  @PostMapping("/claims")
  String submit(@ModelAttribute("form") ClaimForm form, @RequestParam(name = "poe", required = false) List<MultipartFile> files,
      Model model, RedirectAttributes redirect) throws IOException {
    requireAdmin();
    Caller caller = callers.current();
    // files chosen now are stored at once, so a refused submission keeps them for the next one; kept files are only the
    // caller's organisation's own, not yet attached
    List<String> poeIds = new ArrayList<>(poeFiles.unattached(form.getPoeIds(), caller).stream().map(PoeFile::id).toList());
    form.setPoeIds(poeIds);
    try {
      // a request over the limits stores nothing; any other refusal keeps the files for the next submission
      List<Upload> uploads = uploads(files);
      submissions.checkLimits(form.toRequest(poeIds), uploads.size());
      poeIds.addAll(poeFiles.uploadAll(caller, uploads));
      Claim claim = submissions.submit(form.toRequest(poeIds), List.of(), caller);
      redirect.addFlashAttribute("message", "Claim submitted: it is " + labels.of(claim.status()).toLowerCase(java.util.Locale.ROOT) + ".");
      return "redirect:/portal/claims/" + claim.id();
    } catch (InvalidInputException e) {
      return newClaimPage(form, model, FieldErrors.byFormField(e.errors(), labels), "Please correct the marked fields.");
    } catch (UnprocessableException e) {
      return newClaimPage(form, model, Map.of(e.field(), labels.sentence(e.getMessage())), labels.sentence(e.getMessage()));
    } catch (ConflictException | PayloadTooLargeException | UnsupportedTypeException e) {
      return newClaimPage(form, model, Map.of(), labels.sentence(e.getMessage()));
    }
  }

  @PostMapping("/claims/{id}/information")
  String answer(@PathVariable String id, @RequestParam(required = false) String comment,
      @RequestParam(name = "workloads", required = false) List<String> workloads,
      @RequestParam Map<String, String> fields,
      @RequestParam(name = "poe", required = false) List<MultipartFile> files, RedirectAttributes redirect) throws IOException {
    Caller caller = callers.current();
    Claim claim = access.read(id, caller);
    List<Upload> uploads = uploads(files);
    return act(id, "", redirect, "Your answer was sent; the claim is back with the validators.", () -> {
      List<String> chosen = workloads == null ? List.of() : workloads;
      boolean workloadsChanged = !new java.util.HashSet<>(chosen).equals(new java.util.HashSet<>(claim.workloadCodes()));
      CustomerContactRequest customer = new CustomerContactRequest(fields.get("customerContactName"),
          fields.get("customerContactTitle"), fields.get("customerContactEmail"), fields.get("customerContactLanguage"));
      PartnerContactRequest partner = new PartnerContactRequest(fields.get("partnerContactName"), fields.get("partnerContactEmail"));
      boolean customerChanged = !customer.equals(new CustomerContactRequest(claim.customerContact().name(),
          claim.customerContact().title(), claim.customerContact().email(), claim.customerContact().language()));
      boolean partnerChanged = !partner.equals(new PartnerContactRequest(claim.partnerContact().name(), claim.partnerContact().email()));
      // the files go to the service, which checks the answer's limits before it stores them
      informationRequests.answer(id, new InformationAnswer(comment, List.of(),
          workloadsChanged ? chosen.stream().map(code -> new WorkloadRequest(code, Params.blankToNull(fields.get("subscriptionIds[" + code + "]")))).toList() : null,
          customerChanged ? customer : null, partnerChanged ? partner : null), uploads, caller);
    });
  }

  @PostMapping("/claims/{id}/withdrawal")
  String withdraw(@PathVariable String id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
    return act(id, "/withdrawal", redirect, "The claim is withdrawn.", () -> withdrawals.withdraw(id, reason, callers.current()));
  }

  @PostMapping("/claims/{id}/dispute")
  String dispute(@PathVariable String id, @RequestParam(required = false) String justification,
      @RequestParam(name = "poe", required = false) List<MultipartFile> files, RedirectAttributes redirect) throws IOException {
    Caller caller = callers.current();
    List<Upload> uploads = uploads(files);
    return act(id, "/dispute", redirect, "The rejection is disputed; the claim is back with the validators.",
        () -> disputes.dispute(id, new Disputes.DisputeRequest(justification, List.of()), uploads, caller));
  }

  /**
   * Runs a partner's action on a claim in one transaction (files uploaded with a refused action are not kept) and
   * comes back to the claim's page with what happened.
   */
  private String act(String id, String back, RedirectAttributes redirect, String success, Runnable action) {
    try {
      transactions.executeWithoutResult(status -> action.run());
      redirect.addFlashAttribute("message", success);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("error", FieldErrors.sentence(e.errors(), labels));
      return "redirect:/portal/claims/" + id + back;
    } catch (ConflictException | UnprocessableException | PayloadTooLargeException | UnsupportedTypeException e) {
      redirect.addFlashAttribute("error", labels.sentence(e.getMessage()));
      return "redirect:/portal/claims/" + id + back;
    }
    return "redirect:/portal/claims/" + id;
  }

  private String newClaimPage(ClaimForm form, Model model, Map<String, String> errors, String error) {
    Caller caller = callers.current();
    Program chosen = lenient(Program.class, form.getProgram());
    form.setProgram((chosen == null ? Program.OSU_M365 : chosen).name());
    model.addAttribute("keptPoe", poeFiles.unattached(form.getPoeIds(), caller));
    model.addAttribute("errors", errors);
    model.addAttribute("error", error);
    model.addAttribute("partnerIds", caller.organisation()
        .map(o -> partners.locations(o.id()).stream().filter(PartnerLocation::enrolled).map(PartnerLocation::partnerId).toList())
        .orElse(List.of()));
    model.addAttribute("programs", Program.values());
    model.addAttribute("modernWork", catalogue.ofProgram(Program.OSU_M365));
    model.addAttribute("businessApplications", catalogue.ofProgram(Program.OSU_BUSINESS_APPLICATIONS));
    return "portal/new-claim";
  }

  private void requireAdmin() {
    if (!callers.current().isIncentivesAdmin()) {
      throw new ForbiddenException("Only an Incentives admin of your organisation may create and change claims");
    }
  }

  private static List<Upload> uploads(List<MultipartFile> files) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (!file.isEmpty()) {
        uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
      }
    }
    return uploads;
  }

  /** A filter a browser sent: an unknown code filters nothing rather than failing the page. */
  private static <E extends Enum<E>> E lenient(Class<E> type, String value) {
    try {
      return Params.code(type, "filter", value);
    } catch (InvalidInputException e) {
      return null;
    }
  }

  private static String nullToBlank(String value) {
    return value == null ? "" : value;
  }
}
