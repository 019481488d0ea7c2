package org.cpor.claim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cpor.catalogue.Program;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.claim.ClaimRequest.PartnerContactRequest;
import org.cpor.claim.ClaimRequest.WorkloadRequest;
import org.cpor.partner.PartnerLocation;
import org.cpor.tenant.Tenant;
import org.cpor.web.FieldError;
import org.cpor.web.Languages;
import org.cpor.web.Limits;
import org.springframework.stereotype.Component;

/** The field rules of DOMAIN.md: every bad field of a claim is named at once (after {@link Limits}). */
@Component
class ClaimRules {

  static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$");

  private final WorkloadCatalogue catalogue;

  ClaimRules(WorkloadCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  List<FieldError> check(ClaimRequest claim) {
    List<FieldError> errors = new ArrayList<>();
    String name = strip(claim.name());
    if (name == null) {
      errors.add(new FieldError("name", "is required"));
    } else if (name.length() < Limits.NAME_MIN || name.length() > Limits.NAME) {
      errors.add(new FieldError("name", Limits.nameLength(name.length())));
    }
    if (blank(claim.partnerId())) {
      errors.add(new FieldError("partnerId", "is required"));
    } else if (!PartnerLocation.PARTNER_ID.matcher(claim.partnerId().strip()).matches()) {
      errors.add(new FieldError("partnerId", "must be a PartnerID of 6 to 8 digits"));
    }
    Program program = null;
    if (blank(claim.program())) {
      errors.add(new FieldError("program", "is required"));
    } else {
      program = program(claim.program());
      if (program == null) {
        errors.add(new FieldError("program", "must be one of OSA_SELL, OSU_M365, OSU_BUSINESS_APPLICATIONS"));
      }
    }
    if (blank(claim.customerTenantId())) {
      errors.add(new FieldError("customerTenantId", "is required"));
    } else if (!Tenant.ID.matcher(claim.customerTenantId().strip()).matches()) {
      errors.add(new FieldError("customerTenantId", "must be a GUID (the Microsoft Entra directory ID)"));
    }
    if (blank(claim.customerDomain())) {
      errors.add(new FieldError("customerDomain", "is required"));
    } else if (!Tenant.DOMAIN.matcher(claim.customerDomain().strip()).matches()) {
      errors.add(new FieldError("customerDomain", "must be a domain name such as contoso.onmicrosoft.com"));
    }
    checkWorkloads(claim.workloads(), program, errors);
    checkCustomerContact(claim.customerContact(), errors);
    checkPartnerContact(claim.partnerContact(), errors);
    if (Boolean.TRUE.equals(claim.incentiveOptOut()) && program != null && !program.allowsIncentiveOptOut()) {
      errors.add(new FieldError("incentiveOptOut", "exists for Modern Work and Security (OSU_M365) claims only"));
    }
    if (claim.comment() != null && claim.comment().length() > Limits.TEXT) {
      errors.add(new FieldError("comment", Limits.tooLong(Limits.TEXT, claim.comment().length())));
    }
    return errors;
  }

  /** The workloads of a claim or of a corrected answer: one look at the program's catalogue, whatever their number. */
  void checkWorkloads(List<WorkloadRequest> workloads, Program program, List<FieldError> errors) {
    if (workloads == null || workloads.isEmpty()) {
      errors.add(new FieldError("workloads", "name at least one workload"));
      return;
    }
    Set<String> ofProgram = program == null ? Set.of()
        : catalogue.ofProgram(program).stream().map(WorkloadCatalogue.Workload::code).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < workloads.size(); i++) {
      String field = "workloads[" + i + "]";
      WorkloadRequest workload = workloads.get(i);
      if (workload == null || blank(workload.code())) {
        errors.add(new FieldError(field + ".code", "is required"));
        continue;
      }
      String code = workload.code().strip();
      if (!seen.add(code)) {
        errors.add(new FieldError(field + ".code", code + " is claimed twice"));
        continue;
      }
      if (!ofProgram.contains(code)) {
        // the catalogue is asked again only for a code the program does not list, to say what is wrong with it
        Map<String, String> programs = catalogue.programsOf(code);
        if (programs.isEmpty()) {
          errors.add(new FieldError(field + ".code", "unknown workload " + code));
        } else if (program != null) {
          errors.add(new FieldError(field + ".code", code + " is not a workload of program " + program.name()));
        }
        continue;
      }
      String subscription = strip(workload.subscriptionId());
      if (program.needsSubscriptionIds()) {
        if (subscription == null) {
          errors.add(new FieldError(field + ".subscriptionId", "is required for Business Applications workloads"));
        } else if (!Tenant.ID.matcher(subscription).matches()) {
          errors.add(new FieldError(field + ".subscriptionId", "must be a GUID"));
        }
      } else if (subscription != null) {
        errors.add(new FieldError(field + ".subscriptionId", "is only for Business Applications workloads"));
      }
    }
  }

  void checkCustomerContact(CustomerContactRequest contact, List<FieldError> errors) {
    if (contact == null) {
      errors.add(new FieldError("customerContact", "is required"));
      return;
    }
    text("customerContact.name", contact.name(), errors);
    text("customerContact.title", contact.title(), errors);
    email("customerContact.email", contact.email(), errors);
    if (contact.language() != null && !Languages.isSupported(contact.language().strip().toLowerCase(Locale.ROOT))) {
      errors.add(new FieldError("customerContact.language", Languages.CHOICE));
    }
  }

  void checkPartnerContact(PartnerContactRequest contact, List<FieldError> errors) {
    if (contact == null) {
      errors.add(new FieldError("partnerContact", "is required"));
      return;
    }
    text("partnerContact.name", contact.name(), errors);
    email("partnerContact.email", contact.email(), errors);
  }

  private static void text(String field, String value, List<FieldError> errors) {
    if (blank(value)) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.strip().length() > Limits.NAME) {
      errors.add(new FieldError(field, Limits.tooLong(Limits.NAME, value.strip().length())));
    }
  }

  private static void email(String field, String value, List<FieldError> errors) {
    if (blank(value)) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.strip().length() > Limits.EMAIL || !EMAIL.matcher(value.strip()).matches()) {
      errors.add(new FieldError(field, "must be an e-mail address"));
    }
  }

  static Program program(String value) {
    try {
      return Program.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  static String strip(String value) {
    return blank(value) ? null : value.strip();
  }
}
