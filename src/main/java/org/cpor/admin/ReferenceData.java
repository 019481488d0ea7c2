package org.cpor.admin;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cpor.catalogue.Program;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.changelog.AdminChanges;
import org.cpor.identity.AuthorizationSetup;
import org.cpor.identity.Groups;
import org.cpor.identity.UserDirectory;
import org.cpor.jdbc.ClusterLocks;
import org.cpor.partner.Organisation;
import org.cpor.partner.PartnerDirectory;
import org.cpor.partner.PartnerLocation;
import org.cpor.tenant.Tenant;
import org.cpor.tenant.TenantDirectory;
import org.cpor.web.ConflictException;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Languages;
import org.cpor.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators onboard partners and keep the reference data: organisations with their PartnerIDs, enrolment
 * and time zone, who belongs to which organisation in which role, the tenant directory and the workload
 * catalogue. Every change is validated and recorded, one at a time across the nodes ({@link ClusterLocks}).
 */
@Service
@Transactional
class ReferenceData {

  private static final Pattern ORGANISATION_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,38}$");
  private static final Pattern WORKLOAD_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{1,59}$");

  enum Role { INCENTIVES_ADMIN, INCENTIVES_USER }

  private final PartnerDirectory partners;
  private final TenantDirectory tenants;
  private final WorkloadCatalogue catalogue;
  private final UserDirectory users;
  private final AuthorizationSetup authorizations;
  private final AdminChanges changes;
  private final ClusterLocks locks;

  ReferenceData(PartnerDirectory partners, TenantDirectory tenants, WorkloadCatalogue catalogue, UserDirectory users,
      AuthorizationSetup authorizations, AdminChanges changes, ClusterLocks locks) {
    this.partners = partners;
    this.tenants = tenants;
    this.catalogue = catalogue;
    this.users = users;
    this.authorizations = authorizations;
    this.changes = changes;
    this.locks = locks;
  }

  Organisation saveOrganisation(String id, String name, String timeZone, String actor) {
    locks.hold(ClusterLocks.REFERENCE_DATA);
    List<FieldError> errors = new ArrayList<>();
    if (!ORGANISATION_ID.matcher(id).matches()) {
      errors.add(new FieldError("id", "must be 2 to 39 lower-case letters, digits or hyphens"));
    } else if (Organisation.isAdminsSuffixed(id)) {
      // its members' group would be another organisation's admins' group
      errors.add(new FieldError("id", "must not end in " + Organisation.ADMINS_SUFFIX));
    }
    if (name == null || name.isBlank() || name.strip().length() > 120) {
      errors.add(new FieldError("name", "is required, at most 120 characters"));
    }
    if (timeZone != null && !timeZone.isBlank()) {
      try {
        ZoneId.of(timeZone.strip());
      } catch (DateTimeException e) {
        errors.add(new FieldError("timeZone", "is not a time zone such as Europe/Budapest"));
      }
    }
    throwIfAny(errors);
    Organisation organisation = new Organisation(id, name.strip(), timeZone == null || timeZone.isBlank() ? null : timeZone.strip());
    partners.save(organisation);
    users.groupIfAbsent(Organisation.membersGroupOf(id), organisation.name(), "PARTNER");
    users.groupIfAbsent(organisation.adminsGroup(), organisation.name() + " Incentives admins", "PARTNER");
    authorizations.forOrganisation(organisation);
    changes.record(actor, "ORGANISATION", id, "name=" + organisation.name() + ", timeZone=" + organisation.timeZone());
    return organisation;
  }

  PartnerLocation savePartnerId(String organisationId, String partnerId, Boolean enrolled, String actor) {
    locks.hold(ClusterLocks.REFERENCE_DATA);
    organisation(organisationId);
    List<FieldError> errors = new ArrayList<>();
    if (!PartnerLocation.PARTNER_ID.matcher(partnerId).matches()) {
      errors.add(new FieldError("partnerId", "must be 6 to 8 digits"));
    }
    if (enrolled == null) {
      errors.add(new FieldError("enrolled", "is required: true or false"));
    }
    throwIfAny(errors);
    partners.location(partnerId).filter(l -> !l.organisationId().equals(organisationId)).ifPresent(l -> {
      throw new ConflictException("PartnerID " + partnerId + " belongs to another organisation");
    });
    PartnerLocation location = new PartnerLocation(partnerId, organisationId, enrolled);
    partners.save(location);
    changes.record(actor, "PARTNER_ID", partnerId, "organisation=" + organisationId + ", enrolled=" + enrolled);
    return location;
  }

  void saveMember(String organisationId, String userId, String role, String actor) {
    locks.hold(ClusterLocks.REFERENCE_DATA);
    Organisation organisation = organisation(organisationId);
    if (!users.exists(userId)) {
      throw new NotFoundException("No user " + userId + " (users are managed in Camunda Admin)");
    }
    Role parsed;
    try {
      parsed = Role.valueOf(role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("role", "must be INCENTIVES_ADMIN or INCENTIVES_USER");
    }
    partners.organisations().stream().filter(o -> !o.id().equals(organisationId))
        .filter(o -> users.isMember(userId, o.membersGroup()))
        .findFirst().ifPresent(o -> {
          throw new ConflictException(userId + " belongs to organisation " + o.id() + "; remove them there first");
        });
    removeMemberships(organisation, userId);
    users.addMember(userId, Organisation.membersGroupOf(organisationId));
    if (parsed == Role.INCENTIVES_ADMIN) {
      users.addMember(userId, organisation.adminsGroup());
      users.addMember(userId, Groups.INCENTIVES_ADMINS);
    } else {
      users.addMember(userId, Groups.INCENTIVES_USERS);
    }
    changes.record(actor, "MEMBER", organisationId + "/" + userId, "role=" + parsed);
  }

  void removeMember(String organisationId, String userId, String actor) {
    locks.hold(ClusterLocks.REFERENCE_DATA);
    Organisation organisation = organisation(organisationId);
    if (!users.isMember(userId, Organisation.membersGroupOf(organisationId))) {
      throw new NotFoundException(userId + " is not a member of " + organisationId);
    }
    removeMemberships(organisation, userId);
    changes.record(actor, "MEMBER", organisationId + "/" + userId, "removed");
  }

  Tenant saveTenant(String tenantId, String contactLanguage, List<String> domains, String actor) {
    locks.hold(ClusterLocks.REFERENCE_DATA);
    List<FieldError> errors = new ArrayList<>();
    if (!Tenant.ID.matcher(tenantId).matches()) {
      errors.add(new FieldError("tenantId", "must be a GUID"));
    }
    if (!Languages.isSupported(contactLanguage)) {
      errors.add(new FieldError("contactLanguage", Languages.CHOICE));
    }
    List<String> normalised = domains == null ? List.of() : domains.stream()
        .map(d -> d == null ? "" : d.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    if (normalised.isEmpty()) {
      errors.add(new FieldError("domains", "name at least one verified domain"));
    }
    normalised.stream().filter(d -> !Tenant.DOMAIN.matcher(d).matches())
        .forEach(d -> errors.add(new FieldError("domains", d + " is not a domain name")));
    String id = tenantId.toLowerCase(Locale.ROOT);
    normalised.forEach(d -> tenants.ownerOfDomain(d).filter(owner -> !owner.equals(id))
        .ifPresent(owner -> errors.add(new FieldError("domains", d + " belongs to tenant " + owner))));
    throwIfAny(errors);
    Tenant tenant = new Tenant(id, contactLanguage, normalised);
    tenants.save(tenant);
    changes.record(actor, "TENANT", id, "contactLanguage=" + contactLanguage + ", domains=" + normalised);
    return tenant;
  }

  void saveWorkload(String program, String code, String name, String actor) {
    locks.hold(ClusterLocks.REFERENCE_DATA);
    Program parsed = program(program);
    List<FieldError> errors = new ArrayList<>();
    if (!WORKLOAD_CODE.matcher(code).matches()) {
      errors.add(new FieldError("code", "must be upper-case letters, digits and underscores"));
    }
    if (name == null || name.isBlank() || name.strip().length() > 120) {
      errors.add(new FieldError("name", "is required, at most 120 characters"));
    }
    throwIfAny(errors);
    catalogue.save(parsed, code, name.strip());
    changes.record(actor, "WORKLOAD", parsed + "/" + code, "name=" + name.strip());
  }

  void deleteWorkload(String program, String code, String actor) {
    locks.hold(ClusterLocks.REFERENCE_DATA);
    if (!catalogue.delete(program(program), code)) {
      throw new NotFoundException("No workload " + code + " in program " + program);
    }
    changes.record(actor, "WORKLOAD", program + "/" + code, "removed from the catalogue");
  }

  private static Program program(String program) {
    try {
      return Program.valueOf(program);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No program " + program);
    }
  }

  private Organisation organisation(String organisationId) {
    return partners.organisation(organisationId).orElseThrow(() -> new NotFoundException("No organisation " + organisationId));
  }

  private void removeMemberships(Organisation organisation, String userId) {
    for (String group : List.of(organisation.membersGroup(), organisation.adminsGroup(), Groups.INCENTIVES_ADMINS,
        Groups.INCENTIVES_USERS)) {
      users.removeMember(userId, group);
    }
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
