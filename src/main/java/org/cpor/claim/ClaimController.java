package org.cpor.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cpor.idempotency.Idempotent;
import org.cpor.identity.Caller;
import org.cpor.identity.Callers;
import org.cpor.poe.Upload;
import org.cpor.timeline.TimelineEvent;
import org.cpor.web.ApiDocs;
import org.cpor.web.ConcurrentChanges;
import org.cpor.web.ConflictException;
import org.cpor.web.Page;
import org.cpor.web.Params;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/claims")
@Tag(name = ApiDocs.PARTNER)
class ClaimController {

  private final ClaimSubmissions submissions;
  private final InformationRequests informationRequests;
  private final ClaimWithdrawals withdrawals;
  private final ClaimAccess access;
  private final ClaimViews views;
  private final Callers callers;
  private final Disputes disputes;

  ClaimController(Disputes disputes, ClaimSubmissions submissions, InformationRequests informationRequests, ClaimWithdrawals withdrawals,
      ClaimAccess access, ClaimViews views, Callers callers) {
    this.submissions = submissions;
    this.informationRequests = informationRequests;
    this.withdrawals = withdrawals;
    this.access = access;
    this.views = views;
    this.callers = callers;
    this.disputes = disputes;
  }

  @Operation(summary = "Submit a claim with its proof of execution (PoE files uploaded first, named by poeIds)",
      description = "Incentives admins only. The automated checks run before the answer: the claim comes back SUBMITTED or "
          + "already UNDER_REVIEW, with its findings (e.g. COMPETING_CLAIM). The same path also takes multipart/form-data: "
          + "the claim as a JSON part named `claim` and the files as parts named `poe`.")
  @ApiResponse(responseCode = "201", description = "Submitted; Location names the claim")
  @ApiResponse(responseCode = "400", description = ApiDocs.INVALID_BODY + "; also more than 20 PoE files")
  @ApiResponse(responseCode = "403", description = "the caller is not an Incentives admin of a partner organisation")
  @ApiResponse(responseCode = "409", description = "the organisation already has an open or official claim for this tenant "
      + "and workload, or a PoE file was attached to another of its claims at the same moment")
  @ApiResponse(responseCode = "413", description = ApiDocs.BODY_TOO_LARGE + ", or (multipart) a PoE file over 10 MB")
  @ApiResponse(responseCode = "415", description = ApiDocs.NOT_JSON + " or multipart/form-data, or (multipart) a PoE file "
      + "that is not PDF, PNG, JPEG or DOCX")
  @ApiResponse(responseCode = "422", description = "the domain does not belong to the tenant, or the PartnerID is not "
      + "enrolled or not a registered location of the caller's organisation")
  @Idempotent
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ClaimView> submit(@RequestBody ClaimRequest request) {
    Caller caller = callers.current();
    Claim claim = submissions.submit(request, caller);
    return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).body(views.of(claim, caller));
  }

  /** The claim as a JSON part named claim, PoE files as parts named poe. */
  @Idempotent
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ClaimView> submitWithFiles(@RequestPart("claim") ClaimRequest request,
      @RequestPart(name = "poe", required = false) List<MultipartFile> files) throws IOException {
    List<Upload> uploads = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
    }
    Caller caller = callers.current();
    Claim claim = submissions.submit(request, uploads, caller);
    return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).body(views.of(claim, caller));
  }

  @Operation(summary = "List the caller's claims, newest first (partners: their organisation's; staff: every claim)")
  @ApiResponse(responseCode = "200", description = "The caller's claims, one page")
  @ApiResponse(responseCode = "400", description = ApiDocs.INVALID_PARAMETER)
  @GetMapping
  Page<ClaimView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String workload, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Caller caller = callers.current();
    ClaimQuery query = new ClaimQuery(caller.organisationFilter(), Params.code(ClaimStatus.class, "status", status), Params.blankToNull(tenantId),
        Params.blankToNull(workload), null, page, size);
    Page.checkPaging(page, size);
    ClaimViews.Listing listing = views.list(query, caller);
    return new Page<>(listing.views(), page, size, listing.total());
  }

  @Operation(summary = "Read one claim with its status, findings, open request, latest decision and deadlines")
  @ApiResponse(responseCode = "200", description = "The claim")
  @ApiResponse(responseCode = "404", description = "no such claim, or another organisation's")
  @GetMapping("/{id}")
  ClaimView claim(@PathVariable String id) {
    Caller caller = callers.current();
    return views.of(access.read(id, caller), caller);
  }

  @Operation(summary = "Read every event of a claim, oldest first (decisions, answers, e-mails, PoE downloads)")
  @ApiResponse(responseCode = "200", description = "The claim's events: at, actor, type, detail")
  @ApiResponse(responseCode = "404", description = "no such claim, or another organisation's")
  @GetMapping("/{id}/timeline")
  List<TimelineEvent> timeline(@PathVariable String id) {
    Caller caller = callers.current();
    return views.timeline(access.read(id, caller), caller);
  }

  @Operation(summary = "Answer the open information request; the claim goes back to the validators (UNDER_REVIEW)")
  @ApiResponse(responseCode = "200", description = "Answered: the claim, UNDER_REVIEW")
  @ApiResponse(responseCode = "400", description = ApiDocs.INVALID_BODY + " (a comment is required)")
  @ApiResponse(responseCode = "403", description = "the caller is not an Incentives admin of the claim's organisation")
  @ApiResponse(responseCode = "404", description = "no such claim, or another organisation's")
  @ApiResponse(responseCode = "409", description = "no information request is open; `claimStatus` is the claim's status")
  @PostMapping("/{id}/information")
  ClaimView answer(@PathVariable String id, @RequestBody InformationAnswer answer) {
    Caller caller = callers.current();
    return changed(id, caller, () -> informationRequests.answer(id, answer, caller));
  }

  record WithdrawalRequest(String reason) {}

  @Operation(summary = "Withdraw an open claim (also during the customer's window)")
  @ApiResponse(responseCode = "200", description = "Withdrawn: the claim, WITHDRAWN")
  @ApiResponse(responseCode = "400", description = ApiDocs.INVALID_BODY)
  @ApiResponse(responseCode = "403", description = "the caller is not an Incentives admin of the claim's organisation")
  @ApiResponse(responseCode = "404", description = "no such claim, or another organisation's")
  @ApiResponse(responseCode = "409", description = "the claim is not open any more; `claimStatus` is its status")
  @PostMapping("/{id}/withdrawal")
  ClaimView withdraw(@PathVariable String id, @RequestBody(required = false) WithdrawalRequest request) {
    Caller caller = callers.current();
    return changed(id, caller, () -> withdrawals.withdraw(id, request == null ? null : request.reason(), caller));
  }

  @Operation(summary = "Dispute a rejection once, within 30 calendar days; the claim goes back to the validators")
  @ApiResponse(responseCode = "200", description = "Disputed: the claim, UNDER_REVIEW")
  @ApiResponse(responseCode = "400", description = ApiDocs.INVALID_BODY + " (a justification is required)")
  @ApiResponse(responseCode = "403", description = "the caller is not an Incentives admin of the claim's organisation")
  @ApiResponse(responseCode = "404", description = "no such claim, or another organisation's")
  @ApiResponse(responseCode = "409", description = "not rejected, disputed already, rejected on the customer's decline, "
      + "or more than 30 days ago; `claimStatus` is the claim's status")
  @PostMapping("/{id}/dispute")
  ClaimView dispute(@PathVariable String id, @RequestBody(required = false) Disputes.DisputeRequest request) {
    Caller caller = callers.current();
    return changed(id, caller, () -> disputes.dispute(id, request, caller));
  }

  /**
   * A partner's change of a claim, one transaction that also moves its process: done again when a concurrent
   * change (a validator, a timer, a job) made the engine refuse it; a 409 tells the claim's status as it is now.
   */
  private ClaimView changed(String id, Caller caller, Supplier<Claim> change) {
    try {
      return views.of(ConcurrentChanges.retried(change, () -> currentState(id, caller)), caller);
    } catch (ConflictException e) {
      if (!e.properties().isEmpty()) {
        throw e;
      }
      throw new ConflictException(e.getMessage(), currentState(id, caller));
    }
  }

  private Map<String, Object> currentState(String id, Caller caller) {
    return access.find(id, caller).<Map<String, Object>>map(c -> Map.of("claimStatus", c.status().name())).orElse(Map.of());
  }
}
