package org.cpor.association;

import org.cpor.claim.CompetitorRedaction;
import org.cpor.identity.Caller;
import org.cpor.identity.Callers;
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
class AssociationController {

  private final AssociationStore associations;
  private final Callers callers;
  private final Associations service;
  private final CompetitorRedaction redaction;

  AssociationController(AssociationStore associations, Callers callers, Associations service, CompetitorRedaction redaction) {
    this.service = service;
    this.redaction = redaction;
    this.associations = associations;
    this.callers = callers;
  }

  @GetMapping
  Page<Association> list(@RequestParam(required = false) String tenantId, @RequestParam(required = false) String workload,
      @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    Page.checkPaging(page, size);
    Caller caller = callers.current();
    AssociationQuery query = new AssociationQuery(caller.organisationFilter(), Params.blankToNull(tenantId),
        Params.blankToNull(workload), Params.code(AssociationStatus.class, "status", status), page, size);
    return new Page<>(associations.search(query).stream().map(a -> redaction.association(a, caller)).toList(), page, size,
        associations.count(query));
  }

  record DisassociationRequest(String reason) {}

  @PostMapping("/{id}/disassociation")
  Association disassociate(@PathVariable String id, @RequestBody(required = false) DisassociationRequest request) {
    return service.disassociate(id, request == null ? null : request.reason(), callers.current());
  }
}
