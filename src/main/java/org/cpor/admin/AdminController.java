package org.cpor.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.cpor.catalogue.Program;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.changelog.AdminChanges;
import org.cpor.identity.Callers;
import org.cpor.identity.Groups;
import org.cpor.partner.Organisation;
import org.cpor.partner.PartnerDirectory;
import org.cpor.partner.PartnerLocation;
import org.cpor.tenant.Tenant;
import org.cpor.tenant.TenantDirectory;
import org.cpor.web.ApiDocs;
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
@Tag(name = ApiDocs.ADMINISTRATOR)
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

  @Operation(summary = "List the partner organisations with their PartnerIDs")
  @ApiResponse(responseCode = "200", description = "The organisations")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @GetMapping("/organisations")
  List<OrganisationView> organisations() {
    return partners.organisations().stream()
        .map(o -> new OrganisationView(o.id(), o.name(), o.timeZone(), partners.locations(o.id()))).toList();
  }

  @Operation(summary = "Create or change a partner organisation (its groups and Tasklist access are created with it)")
  @ApiResponse(responseCode = "200", description = "The organisation as saved")
  @ApiResponse(responseCode = "400", description = "id is not 2 to 39 lower-case letters, digits or hyphens, the name is "
      + "missing or over 120 characters, or timeZone is not a time zone")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @PutMapping("/organisations/{id}")
  Organisation saveOrganisation(@PathVariable String id, @RequestBody OrganisationBody body) {
    return referenceData.saveOrganisation(id, body.name(), body.timeZone(), actor());
  }

  @Operation(summary = "Register a PartnerID (location) of an organisation, enrolled in the incentive programs or not")
  @ApiResponse(responseCode = "200", description = "The PartnerID as saved")
  @ApiResponse(responseCode = "400", description = "partnerId is not 6 to 8 digits, or enrolled is missing")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @ApiResponse(responseCode = "404", description = "no such organisation")
  @ApiResponse(responseCode = "409", description = "the PartnerID belongs to another organisation")
  @PutMapping("/organisations/{id}/partner-ids/{partnerId}")
  PartnerLocation savePartnerId(@PathVariable String id, @PathVariable String partnerId, @RequestBody PartnerIdBody body) {
    return referenceData.savePartnerId(id, partnerId, body.enrolled(), actor());
  }

  @Operation(summary = "Make a Camunda user an Incentives admin or Incentives user of an organisation")
  @ApiResponse(responseCode = "204", description = "The user is a member with that role")
  @ApiResponse(responseCode = "400", description = "role is not INCENTIVES_ADMIN or INCENTIVES_USER")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @ApiResponse(responseCode = "404", description = "no such organisation, or no such user (create users in Camunda Admin)")
  @ApiResponse(responseCode = "409", description = "the user belongs to another organisation")
  @PutMapping("/organisations/{id}/members/{userId}")
  ResponseEntity<Void> saveMember(@PathVariable String id, @PathVariable String userId, @RequestBody MemberBody body) {
    referenceData.saveMember(id, userId, body.role(), actor());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Remove a user from an organisation")
  @ApiResponse(responseCode = "204", description = "The user is no member any more")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @ApiResponse(responseCode = "404", description = "no such organisation, or the user is not its member")
  @DeleteMapping("/organisations/{id}/members/{userId}")
  ResponseEntity<Void> removeMember(@PathVariable String id, @PathVariable String userId) {
    referenceData.removeMember(id, userId, actor());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "List the known customer tenants with their domains and contact language")
  @ApiResponse(responseCode = "200", description = "The tenants")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @GetMapping("/tenants")
  List<Tenant> tenants() {
    return tenants.all();
  }

  @Operation(summary = "Create or change a customer tenant: its verified domains and contact language (en, hu)")
  @ApiResponse(responseCode = "200", description = "The tenant as saved")
  @ApiResponse(responseCode = "400", description = "tenantId is not a GUID, contactLanguage is not en or hu, or a domain is "
      + "missing, invalid or another tenant's")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @PutMapping("/tenants/{tenantId}")
  Tenant saveTenant(@PathVariable String tenantId, @RequestBody TenantBody body) {
    return referenceData.saveTenant(tenantId, body.contactLanguage(), body.domains(), actor());
  }

  @Operation(summary = "List a program's workload catalogue")
  @ApiResponse(responseCode = "200", description = "The program's workloads: code and name")
  @ApiResponse(responseCode = "400", description = "program is not OSA_SELL, OSU_M365 or OSU_BUSINESS_APPLICATIONS")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @GetMapping("/workloads/{program}")
  List<WorkloadCatalogue.Workload> workloads(@PathVariable Program program) {
    return catalogue.ofProgram(program);
  }

  @Operation(summary = "Add a workload to a program's catalogue, or rename it")
  @ApiResponse(responseCode = "204", description = "The workload is in the catalogue with that name")
  @ApiResponse(responseCode = "400", description = "code is not upper-case letters, digits and underscores, or the name is "
      + "missing or over 120 characters")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @ApiResponse(responseCode = "404", description = "no such program")
  @PutMapping("/workloads/{program}/{code}")
  ResponseEntity<Void> saveWorkload(@PathVariable String program, @PathVariable String code, @RequestBody WorkloadBody body) {
    referenceData.saveWorkload(program, code, body.name(), actor());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Remove a workload from a program's catalogue")
  @ApiResponse(responseCode = "204", description = "Removed")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @ApiResponse(responseCode = "404", description = "no such program, or no such workload in it")
  @DeleteMapping("/workloads/{program}/{code}")
  ResponseEntity<Void> deleteWorkload(@PathVariable String program, @PathVariable String code) {
    referenceData.deleteWorkload(program, code, actor());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Read the latest 500 administrators' changes (organisations, PartnerIDs, members, tenants, "
      + "workloads, holidays)")
  @ApiResponse(responseCode = "200", description = "The changes, newest first: who, when, what")
  @ApiResponse(responseCode = "403", description = ApiDocs.NOT_AN_ADMINISTRATOR)
  @GetMapping("/changes")
  List<AdminChanges.Change> changes() {
    return changes.latest(500);
  }

  private String actor() {
    return callers.current().userId();
  }
}
