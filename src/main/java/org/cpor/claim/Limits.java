package org.cpor.claim;

import java.util.ArrayList;
import java.util.List;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.claim.ClaimRequest.PartnerContactRequest;
import org.cpor.claim.ClaimRequest.WorkloadRequest;
import org.cpor.claim.Disputes.DisputeRequest;
import org.cpor.web.FieldError;
import org.cpor.web.InvalidInputException;

/**
 * The sizes of everything a partner sends, in one place for the API and the portal. They are checked before any
 * database work: a request over a limit is refused at once, holds no connection and is never looked at further, so one
 * partner's huge request cannot slow down another's. The field rules ({@link ClaimRules}) come after.
 */
public final class Limits {

  /** A JSON request body, and the JSON part of a multipart claim: a claim at every other limit fits well within it. */
  public static final int JSON_BODY_BYTES = 256 * 1024;
  /** Workloads of a claim or of a corrected answer: a program's catalogue has 13, administrators may add a few. */
  public static final int WORKLOADS = 20;
  /** PoE files of one submission, answer or dispute: IDs from {@code POST /api/poe} and files sent along, together. */
  public static final int POE_FILES = 20;
  /** A PoE file's content. */
  public static final long POE_FILE_BYTES = 10L * 1024 * 1024;
  /** A PoE file's name; a longer name is shortened on upload, keeping its extension. */
  public static final int FILE_NAME = 255;
  /** The claim's name (DOMAIN.md: 3 to 120 characters), contact names and titles. */
  public static final int NAME = 120;
  public static final int NAME_MIN = 3;
  /** An e-mail address (RFC 5321). */
  public static final int EMAIL = 254;
  /** Free text: the claim's comment, an answer, a dispute's justification, a withdrawal's reason. */
  public static final int TEXT = 10_000;
  /**
   * Text typed into a Tasklist form, and each view a form shows: Camunda keeps a String variable in a column of 4000
   * characters, and a longer one fails the whole transaction.
   */
  public static final int CAMUNDA_STRING = 4000;
  /** A domain name (RFC 1035). */
  public static final int DOMAIN = 253;
  /** Codes and identifiers: PartnerID, program, tenant ID, workload code, subscription ID, language, PoE file ID. */
  public static final int CODE = 64;

  private Limits() {}

  /** A claim, with the number of PoE files sent along with it. */
  public static void check(ClaimRequest claim, int filesSentAlong) {
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
  public static void check(InformationAnswer answer, int filesSentAlong) {
    List<FieldError> errors = new ArrayList<>();
    length("comment", answer.comment(), TEXT, errors);
    poeFiles(answer.poeIds(), filesSentAlong, errors);
    workloads(answer.workloads(), errors);
    customerContact(answer.customerContact(), errors);
    partnerContact(answer.partnerContact(), errors);
    refuse(errors);
  }

  /** A dispute of a rejection, with the number of PoE files sent along with it. */
  public static void check(DisputeRequest dispute, int filesSentAlong) {
    List<FieldError> errors = new ArrayList<>();
    if (dispute != null) {
      length("justification", dispute.justification(), TEXT, errors);
    }
    poeFiles(dispute == null ? null : dispute.poeIds(), filesSentAlong, errors);
    refuse(errors);
  }

  /** A withdrawal's reason. */
  public static void checkWithdrawal(String reason) {
    List<FieldError> errors = new ArrayList<>();
    length("reason", reason, TEXT, errors);
    refuse(errors);
  }

  static String nameLength(int length) {
    return "must be " + NAME_MIN + " to " + NAME + " characters long (it has " + length + ")";
  }

  static String tooLong(int max, int length) {
    return "must be at most " + max + " characters long (it has " + length + ")";
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
