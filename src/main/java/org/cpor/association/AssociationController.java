package org.cpor.association;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpor.claim.Association;
import org.cpor.claim.AssociationStatus;
import org.cpor.identity.Caller;
import org.cpor.identity.Callers;
import org.cpor.web.ApiDocs;
import org.cpor.web.Page;
import org.cpor.web.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/associations")
@Tag(name = ApiDocs.PARTNER)
class AssociationController {

  private final Callers callers;
  private final Associations service;

  AssociationController(Callers callers, Associations service) {
    this.service = service;
    this.callers = callers;
  }

  @Operation(summary = "List the caller's associations, every status unless status (ACTIVE or ENDED) filters")
  @ApiResponse(responseCode = "200", description = "The caller's associations, one page")
  @ApiResponse(responseCode = "400", description = ApiDocs.INVALID_PARAMETER)
  @GetMapping
  Page<Association> list(@RequestParam(required = false) String tenantId, @RequestParam(required = false) String workload,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Page.checkPaging(page, size);
    Caller caller = callers.current();
    AssociationQuery query = new AssociationQuery(caller.organisationFilter(), Params.blankToNull(tenantId),
        Params.blankToNull(workload), Params.code(AssociationStatus.class, "status", status), page, size);
    Associations.Listing listing = service.list(query, caller);
    return new Page<>(listing.associations(), page, size, listing.total());
  }

  record DisassociationRequest(String reason) {}

  @Operation(summary = "End an official association, with a reason; the customer and the partner are told")
  @ApiResponse(responseCode = "200", description = "Ended: the association, ENDED with PARTNER_DISASSOCIATED")
  @ApiResponse(responseCode = "400", description = ApiDocs.INVALID_BODY + " (a reason is required)")
  @ApiResponse(responseCode = "403", description = "the caller is not an Incentives admin of the association's organisation")
  @ApiResponse(responseCode = "404", description = "no such association, or another organisation's")
  @ApiResponse(responseCode = "409", description = "the association is not ACTIVE")
  @PostMapping("/{id}/disassociation")
  Association disassociate(@PathVariable String id, @RequestBody(required = false) DisassociationRequest request) {
    return service.disassociate(id, request == null ? null : request.reason(), callers.current());
  }
}
