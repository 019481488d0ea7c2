package org.cpor.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.cpor.partner.PartnerLocation;
import org.cpor.tenant.Tenant;
import org.cpor.web.Languages;
import org.cpor.web.Limits;
import org.cpor.web.WithinLimits;

/**
 * A claim as the partner submits it (API.md); its sizes are checked by {@link ClaimLimits}, the rules of each field by
 * its Bean Validation constraints, the rules between fields by {@link ClaimRules}. Its texts arrive stripped of
 * surrounding blanks, a blank one as none (the comment as sent).
 */
public record ClaimRequest(
    @NotNull(message = REQUIRED) @WithinLimits(min = Limits.NAME_MIN, max = Limits.NAME) String name,
    @NotNull(message = REQUIRED) @Pattern(regexp = PartnerLocation.PARTNER_ID_FORMAT,
        message = "must be a PartnerID of 6 to 8 digits") String partnerId,
    @NotNull(message = REQUIRED) String program,
    @NotNull(message = REQUIRED) @Pattern(regexp = Tenant.ID_FORMAT,
        message = "must be a GUID (the Microsoft Entra directory ID)") String customerTenantId,
    @NotNull(message = REQUIRED) @Pattern(regexp = Tenant.DOMAIN_FORMAT,
        message = "must be a domain name such as contoso.onmicrosoft.com") String customerDomain,
    @NotEmpty(message = WORKLOADS_REQUIRED) List<WorkloadRequest> workloads,
    @NotNull(message = REQUIRED) @Valid CustomerContactRequest customerContact,
    @NotNull(message = REQUIRED) @Valid PartnerContactRequest partnerContact,
    Boolean incentiveOptOut,
    @WithinLimits(max = Limits.TEXT) String comment,
    List<String> poeIds) {

  static final String REQUIRED = "is required";
  static final String WORKLOADS_REQUIRED = "name at least one workload";
  /** An e-mail address of at most {@link Limits#EMAIL} characters. */
  static final String EMAIL_FORMAT = "^(?=.{1," + Limits.EMAIL + "}$)[^@\\s]{1,64}@([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}$";
  static final String EMAIL_WRONG = "must be an e-mail address";

  public ClaimRequest {
    name = text(name);
    partnerId = text(partnerId);
    program = text(program);
    customerTenantId = text(customerTenantId);
    customerDomain = text(customerDomain);
  }

  public record WorkloadRequest(String code, String subscriptionId) {

    public WorkloadRequest {
      code = text(code);
      subscriptionId = text(subscriptionId);
    }
  }

  public record CustomerContactRequest(
      @NotNull(message = REQUIRED) @WithinLimits(max = Limits.NAME) String name,
      @NotNull(message = REQUIRED) @WithinLimits(max = Limits.NAME) String title,
      @NotNull(message = REQUIRED) @Pattern(regexp = EMAIL_FORMAT, message = EMAIL_WRONG) String email,
      @Pattern(regexp = Languages.FORMAT, flags = Pattern.Flag.CASE_INSENSITIVE, message = Languages.CHOICE) String language) {

    public CustomerContactRequest {
      name = text(name);
      title = text(title);
      email = text(email);
      // a blank language is a wrong one, not none
      language = language == null ? null : language.strip();
    }
  }

  public record PartnerContactRequest(
      @NotNull(message = REQUIRED) @WithinLimits(max = Limits.NAME) String name,
      @NotNull(message = REQUIRED) @Pattern(regexp = EMAIL_FORMAT, message = EMAIL_WRONG) String email) {

    public PartnerContactRequest {
      name = text(name);
      email = text(email);
    }
  }

  /** A text as the rules read it: stripped, and none when blank. */
  static String text(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
