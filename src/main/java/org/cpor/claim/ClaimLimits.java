package org.cpor.claim;

import static org.cpor.web.Limits.CODE;
import static org.cpor.web.Limits.DOMAIN;
import static org.cpor.web.Limits.EMAIL;
import static org.cpor.web.Limits.NAME;
import static org.cpor.web.Limits.POE_FILES;
import static org.cpor.web.Limits.TEXT;
import static org.cpor.web.Limits.WORKLOADS;
import static org.cpor.web.Limits.nameLength;
import static org.cpor.web.Limits.tooLong;

import java.util.ArrayList;
import java.util.List;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.claim.ClaimRequest.PartnerContactRequest;
import org.cpor.claim.ClaimRequest.WorkloadRequest;
import org.cpor.claim.Disputes.DisputeRequest;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;

/** The {@link org.cpor.web.Limits} of each request a partner sends about a claim, every field over its limit named at once. */
final class ClaimLimits {

  private ClaimLimits() {}

  /** A claim, with the number of PoE files sent along with it. */
  static void check(ClaimRequest claim, int filesSentAlong) {
    List<FieldError> errors = new ArrayList<>();
    if (claim.name() != null && claim.name().strip().length() > NAME) {
      errors.add(new FieldError("name", nameLength(claim.name().strip().length())));
    }
    code("partnerId", claim.partnerId(), errors);
    code("program", claim.program(), errors);
    code("customerTenantId", claim.customerTenantId(), errors);
    length("customerDomain", claim.customerDomain(), DOMAIN, errors);
    workloads(claim.workloads(), errors);
    customerContact(claim.customerContact(), errors);
    partnerContact(claim.partnerContact(), errors);
    length("comment", claim.comment(), TEXT, errors);
    poeFiles(claim.poeIds(), filesSentAlong, errors);
    refuse(errors);
  }

  /** An answer to an information request, with the number of PoE files sent along with it. */
  static void check(InformationAnswer answer, int filesSentAlong) {
    List<FieldError> errors = new ArrayList<>();
    length("comment", answer.comment(), TEXT, errors);
    poeFiles(answer.poeIds(), filesSentAlong, errors);
    workloads(answer.workloads(), errors);
    customerContact(answer.customerContact(), errors);
    partnerContact(answer.partnerContact(), errors);
    refuse(errors);
  }

  /** A dispute of a rejection, with the number of PoE files sent along with it. */
  static void check(DisputeRequest dispute, int filesSentAlong) {
    List<FieldError> errors = new ArrayList<>();
    if (dispute != null) {
      length("justification", dispute.justification(), TEXT, errors);
    }
    poeFiles(dispute == null ? null : dispute.poeIds(), filesSentAlong, errors);
    refuse(errors);
  }

  /** A withdrawal's reason. */
  static void checkWithdrawal(String reason) {
    List<FieldError> errors = new ArrayList<>();
    length("reason", reason, TEXT, errors);
    refuse(errors);
  }

  private static void workloads(List<WorkloadRequest> workloads, List<FieldError> errors) {
    if (workloads == null) {
      return;
    }
    if (workloads.size() > WORKLOADS) {
      errors.add(new FieldError("workloads", "may name at most " + WORKLOADS + " workloads (it names " + workloads.size() + ")"));
      return;
    }
    for (int i = 0; i < workloads.size(); i++) {
      WorkloadRequest workload = workloads.get(i);
      if (workload != null) {
        code("workloads[" + i + "].code", workload.code(), errors);
        code("workloads[" + i + "].subscriptionId", workload.subscriptionId(), errors);
      }
    }
  }

  private static void customerContact(CustomerContactRequest contact, List<FieldError> errors) {
    if (contact != null) {
      length("customerContact.name", strip(contact.name()), NAME, errors);
      length("customerContact.title", strip(contact.title()), NAME, errors);
      length("customerContact.email", strip(contact.email()), EMAIL, errors);
      code("customerContact.language", contact.language(), errors);
    }
  }

  private static void partnerContact(PartnerContactRequest contact, List<FieldError> errors) {
    if (contact != null) {
      length("partnerContact.name", strip(contact.name()), NAME, errors);
      length("partnerContact.email", strip(contact.email()), EMAIL, errors);
    }
  }

  private static void poeFiles(List<String> poeIds, int filesSentAlong, List<FieldError> errors) {
    int ids = poeIds == null ? 0 : poeIds.size();
    if (ids + filesSentAlong > POE_FILES) {
      String count = filesSentAlong == 0 ? String.valueOf(ids)
          : (ids + filesSentAlong) + ": " + ids + " IDs and " + filesSentAlong + " files sent along";
      errors.add(new FieldError("poeIds", "may name at most " + POE_FILES + " proof-of-execution files at once (there are "
          + count + ")"));
      return;
    }
    for (int i = 0; i < ids; i++) {
      code("poeIds[" + i + "]", poeIds.get(i), errors);
    }
  }

  private static void code(String field, String value, List<FieldError> errors) {
    length(field, strip(value), CODE, errors);
  }

  private static void length(String field, String value, int max, List<FieldError> errors) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, tooLong(max, value.length())));
    }
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static void refuse(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
