package org.cpor.claim;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cpor.identity.Callers;
import org.cpor.identity.Caller;
import org.cpor.idempotency.Idempotent;
import org.cpor.poe.Upload;
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
class ClaimController {

  private final ClaimSubmissions submissions;
  private final InformationRequests informationRequests;
  private final ClaimWithdrawals withdrawals;
  private final ClaimAccess access;
  private final ClaimStore claims;
  private final ClaimViews views;
  private final Callers callers;
  private final Disputes disputes;

  ClaimController(Disputes disputes, ClaimSubmissions submissions, InformationRequests informationRequests, ClaimWithdrawals withdrawals,
      ClaimAccess access, ClaimStore claims, ClaimViews views, Callers callers) {
    this.submissions = submissions;
    this.informationRequests = informationRequests;
    this.withdrawals = withdrawals;
    this.access = access;
    this.claims = claims;
    this.views = views;
    this.callers = callers;
    this.disputes = disputes;
  }

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

  @GetMapping
  Page<ClaimView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String workload, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Caller caller = callers.current();
    ClaimQuery query = new ClaimQuery(caller.organisationFilter(), Params.code(ClaimStatus.class, "status", status), Params.blankToNull(tenantId),
        Params.blankToNull(workload), null, page, size);
    Page.checkPaging(page, size);
    List<ClaimView> items = claims.search(query).stream().map(c -> views.of(c, caller)).toList();
    return new Page<>(items, page, size, claims.count(query));
  }

  @GetMapping("/{id}")
  ClaimView claim(@PathVariable String id) {
    Caller caller = callers.current();
    return views.of(access.read(id, caller), caller);
  }

  @GetMapping("/{id}/timeline")
  List<TimelineEvent> timeline(@PathVariable String id) {
    Caller caller = callers.current();
    return views.timeline(access.read(id, caller), caller);
  }

  @PostMapping("/{id}/information")
  ClaimView answer(@PathVariable String id, @RequestBody InformationAnswer answer) {
    Caller caller = callers.current();
    return changed(id, caller, () -> informationRequests.answer(id, answer, caller));
  }

  record WithdrawalRequest(String reason) {}

  @PostMapping("/{id}/withdrawal")
  ClaimView withdraw(@PathVariable String id, @RequestBody(required = false) WithdrawalRequest request) {
    Caller caller = callers.current();
    return changed(id, caller, () -> withdrawals.withdraw(id, request == null ? null : request.reason(), caller));
  }

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
    return claims.find(id).filter(c -> caller.canRead(c.organisationId()))
        .<Map<String, Object>>map(c -> Map.of("claimStatus", c.status().name())).orElse(Map.of());
  }
}
