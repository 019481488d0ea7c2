package org.cpor.admin;

import java.util.List;
import org.cpor.claim.Program;
import org.cpor.claim.WorkloadCatalogue;
import org.cpor.identity.Callers;
import org.cpor.identity.Groups;
import org.cpor.partner.Organisation;
import org.cpor.partner.PartnerDirectory;
import org.cpor.partner.PartnerLocation;
import org.cpor.tenant.Tenant;
import org.cpor.tenant.TenantDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reference data for administrators ({@code camunda-admin}); users and groups themselves live in Camunda Admin. */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasAuthority('" + Groups.ADMINS + "')")
class AdminController {

  private final ReferenceData referenceData;
  private final PartnerDirectory partners;
  private final TenantDirectory tenants;
  private final WorkloadCatalogue catalogue;
  private final AdminChanges changes;
  private final Callers callers;

  AdminController(ReferenceData referenceData, PartnerDirectory partners, TenantDirectory tenants, WorkloadCatalogue catalogue,
      AdminChanges changes, Callers callers) {
    this.referenceData = referenceData;
    this.partners = partners;
    this.tenants = tenants;
    this.catalogue = catalogue;
    this.changes = changes;
    this.callers = callers;
  }

  record OrganisationView(String id, String name, String timeZone, List<PartnerLocation> partnerIds) {}

  record OrganisationBody(String name, String timeZone) {}

  record PartnerIdBody(Boolean enrolled) {}

  record MemberBody(String role) {}

  record TenantBody(String contactLanguage, List<String> domains) {}

  record WorkloadBody(String name) {}

  @GetMapping("/organisations")
  List<OrganisationView> organisations() {
    return partners.organisations().stream()
        .map(o -> new OrganisationView(o.id(), o.name(), o.timeZone(), partners.locations(o.id()))).toList();
  }

  @PutMapping("/organisations/{id}")
  Organisation saveOrganisation(@PathVariable String id, @RequestBody OrganisationBody body) {
    return referenceData.saveOrganisation(id, body.name(), body.timeZone(), actor());
  }

  @PutMapping("/organisations/{id}/partner-ids/{partnerId}")
  PartnerLocation savePartnerId(@PathVariable String id, @PathVariable String partnerId, @RequestBody PartnerIdBody body) {
    return referenceData.savePartnerId(id, partnerId, body.enrolled(), actor());
  }

  @PutMapping("/organisations/{id}/members/{userId}")
  ResponseEntity<Void> saveMember(@PathVariable String id, @PathVariable String userId, @RequestBody MemberBody body) {
    referenceData.saveMember(id, userId, body.role(), actor());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/organisations/{id}/members/{userId}")
  ResponseEntity<Void> removeMember(@PathVariable String id, @PathVariable String userId) {
    referenceData.removeMember(id, userId, actor());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/tenants")
  List<Tenant> tenants() {
    return tenants.all();
  }

  @PutMapping("/tenants/{tenantId}")
  Tenant saveTenant(@PathVariable String tenantId, @RequestBody TenantBody body) {
    return referenceData.saveTenant(tenantId, body.contactLanguage(), body.domains(), actor());
  }

  @GetMapping("/workloads/{program}")
  List<WorkloadCatalogue.Workload> workloads(@PathVariable Program program) {
    return catalogue.ofProgram(program);
  }

  @PutMapping("/workloads/{program}/{code}")
  ResponseEntity<Void> saveWorkload(@PathVariable String program, @PathVariable String code, @RequestBody WorkloadBody body) {
    referenceData.saveWorkload(program, code, body.name(), actor());
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/workloads/{program}/{code}")
  ResponseEntity<Void> deleteWorkload(@PathVariable String program, @PathVariable String code) {
    referenceData.deleteWorkload(program, code, actor());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/changes")
  List<AdminChanges.Change> changes() {
    return changes.latest(500);
  }

  private String actor() {
    return callers.current().userId();
  }
}
