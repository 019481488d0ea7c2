package org.cpor.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cpor.claim.Claim;
import org.cpor.claim.ClaimAccess;
import org.cpor.claim.ClaimQuery;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.claim.ClaimRequest.PartnerContactRequest;
import org.cpor.claim.ClaimRequest.WorkloadRequest;
import org.cpor.claim.ClaimStatus;
import org.cpor.claim.ClaimStore;
import org.cpor.claim.ClaimSubmissions;
import org.cpor.claim.ClaimView;
import org.cpor.claim.ClaimViews;
import org.cpor.claim.ClaimWithdrawals;
import org.cpor.claim.Disputes;
import org.cpor.claim.InformationAnswer;
import org.cpor.claim.InformationRequests;
import org.cpor.claim.Program;
import org.cpor.claim.WorkloadCatalogue;
import org.cpor.identity.Caller;
import org.cpor.identity.Callers;
import org.cpor.partner.PartnerDirectory;
import org.cpor.partner.PartnerLocation;
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

  private final ClaimStore claims;
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

  PortalClaimsController(TransactionTemplate transactions, ClaimStore claims, ClaimAccess access, ClaimViews views,
      ClaimSubmissions submissions, InformationRequests informationRequests, ClaimWithdrawals withdrawals, Disputes disputes,
      WorkloadCatalogue catalogue, PartnerDirectory partners, Deadlines deadlines, Callers callers) {
    this.claims = claims;
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
  }

  @GetMapping({"", "/"})
  String home() {
    return "redirect:/portal/claims";
  }

  @GetMapping("/claims")
  String list(@RequestParam(required = false) String status, @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String workload, @RequestParam(required = false) String program,
      @RequestParam(defaultValue = "0") int page, Model model) {
    Caller caller = callers.current();
    ClaimQuery query = new ClaimQuery(caller.organisationFilter(), lenient(ClaimStatus.class, status),
        Params.blankToNull(tenantId), Params.blankToNull(workload), lenient(Program.class, program), Math.max(page, 0), PAGE_SIZE);
    long total = claims.count(query);
    model.addAttribute("claims", claims.search(query).stream().map(c -> views.of(c, caller)).toList());
    model.addAttribute("total", total);
    model.addAttribute("page", query.page());
    model.addAttribute("lastPage", Math.max(0, (int) ((total - 1) / PAGE_SIZE)));
    model.addAttribute("statuses", ClaimStatus.values());
    model.addAttribute("programs", Program.values());
    model.addAttribute("filter", Map.of("status", nullToBlank(status), "tenantId", nullToBlank(tenantId),
        "workload", nullToBlank(workload), "program", nullToBlank(program)));
    return "portal/claims";
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
    if (claim.openRequest() != null) {
      model.addAttribute("answerDue", deadlines.format(claim.openRequest().dueAt(), caller));
      model.addAttribute("answerDaysLeft", deadlines.businessDaysLeft(claim.openRequest().dueAt()));
    }
    if (claim.optOutDeadline() != null) {
      model.addAttribute("optOutDeadline", deadlines.format(claim.optOutDeadline(), caller));
      model.addAttribute("optOutDaysLeft", deadlines.businessDaysLeft(claim.optOutDeadline()));
    }
    model.addAttribute("canWithdraw", caller.isIncentivesAdmin() && claim.status().isOpen());
    model.addAttribute("canDispute", caller.isIncentivesAdmin() && claim.status() == ClaimStatus.REJECTED
        && claim.decision() != null && !claim.decision().reasons().contains("CUSTOMER_DECLINED")
        && claims.disputeJustification(id).isEmpty());
    model.addAttribute("canAnswer", caller.isIncentivesAdmin() && claim.openRequest() != null);
    return "portal/claim";
  }

  @GetMapping("/claims/new")
  String newClaim(Model model) {
    requireAdmin();
    model.addAttribute("form", new ClaimForm());
    return newClaimPage(model, Map.of(), null);
  }

  @PostMapping("/claims")
  String submit(@ModelAttribute("form") ClaimForm form, @RequestParam(name = "poe", required = false) List<MultipartFile> files,
      Model model, RedirectAttributes redirect) throws IOException {
    requireAdmin();
    try {
      Claim claim = submissions.submit(form.toRequest(), uploads(files), callers.current());
      redirect.addFlashAttribute("message", "Claim submitted: it is " + claim.status() + ".");
      return "redirect:/portal/claims/" + claim.id();
    } catch (InvalidInputException e) {
      return newClaimPage(model, FieldErrors.byFormField(e.errors()), "Please correct the marked fields.");
    } catch (UnprocessableException e) {
      return newClaimPage(model, Map.of(e.field(), e.getMessage()), e.getMessage());
    } catch (ConflictException | PayloadTooLargeException | UnsupportedTypeException e) {
      return newClaimPage(model, Map.of(), e.getMessage());
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
    return act(id, redirect, "Your answer was sent; the claim is back with the validators.", () -> {
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
    return act(id, redirect, "The claim is withdrawn.", () -> withdrawals.withdraw(id, reason, callers.current()));
  }

  @PostMapping("/claims/{id}/dispute")
  String dispute(@PathVariable String id, @RequestParam(required = false) String justification,
      @RequestParam(name = "poe", required = false) List<MultipartFile> files, RedirectAttributes redirect) throws IOException {
    Caller caller = callers.current();
    List<Upload> uploads = uploads(files);
    return act(id, redirect, "The rejection is disputed; the claim is back with the validators.",
        () -> disputes.dispute(id, new Disputes.DisputeRequest(justification, List.of()), uploads, caller));
  }

  /**
   * Runs a partner's action on a claim in one transaction (files uploaded with a refused action are not kept) and
   * comes back to the claim's page with what happened.
   */
  private String act(String id, RedirectAttributes redirect, String success, Runnable action) {
    try {
      transactions.executeWithoutResult(status -> action.run());
      redirect.addFlashAttribute("message", success);
    } catch (InvalidInputException | ConflictException | UnprocessableException | PayloadTooLargeException
        | UnsupportedTypeException e) {
      redirect.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/portal/claims/" + id;
  }

  private String newClaimPage(Model model, Map<String, String> errors, String error) {
    Caller caller = callers.current();
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
