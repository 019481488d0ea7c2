package org.cpor.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cpor.claim.ClaimRequest;
import org.cpor.claim.ClaimRequest.CustomerContactRequest;
import org.cpor.claim.ClaimRequest.PartnerContactRequest;
import org.cpor.claim.ClaimRequest.WorkloadRequest;
import org.cpor.web.Params;

/** The new-claim form of the portal, as the browser posts it. */
public class ClaimForm {

  private String name;
  private String partnerId;
  private String program = "OSU_M365";
  private String customerTenantId;
  private String customerDomain;
  private List<String> workloads = new ArrayList<>();
  private Map<String, String> subscriptionIds = new HashMap<>();
  private String customerContactName;
  private String customerContactTitle;
  private String customerContactEmail;
  private String customerContactLanguage = "en";
  private String partnerContactName;
  private String partnerContactEmail;
  private boolean incentiveOptOut;
  private String comment;
  /** Files uploaded with an earlier, refused submission of this form, kept for the next one. */
  private List<String> poeIds = new ArrayList<>();

  /** The request with these PoE files (the ones kept and the ones just uploaded). */
  ClaimRequest toRequest(List<String> poe) {
    List<WorkloadRequest> claimed = workloads.stream()
        .map(code -> new WorkloadRequest(code, Params.blankToNull(subscriptionIds.get(code))))
        .toList();
    return new ClaimRequest(name, partnerId, program, customerTenantId, customerDomain, claimed,
        new CustomerContactRequest(customerContactName, customerContactTitle, customerContactEmail, customerContactLanguage),
        new PartnerContactRequest(partnerContactName, partnerContactEmail), incentiveOptOut, Params.blankToNull(comment), poe);
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getPartnerId() { return partnerId; }
  public void setPartnerId(String partnerId) { this.partnerId = partnerId; }
  public String getProgram() { return program; }
  public void setProgram(String program) { this.program = program; }
  public String getCustomerTenantId() { return customerTenantId; }
  public void setCustomerTenantId(String customerTenantId) { this.customerTenantId = customerTenantId; }
  public String getCustomerDomain() { return customerDomain; }
  public void setCustomerDomain(String customerDomain) { this.customerDomain = customerDomain; }
  public List<String> getWorkloads() { return workloads; }
  public void setWorkloads(List<String> workloads) { this.workloads = workloads == null ? new ArrayList<>() : workloads; }
  public Map<String, String> getSubscriptionIds() { return subscriptionIds; }
  public void setSubscriptionIds(Map<String, String> subscriptionIds) { this.subscriptionIds = subscriptionIds; }
  public String getCustomerContactName() { return customerContactName; }
  public void setCustomerContactName(String value) { this.customerContactName = value; }
  public String getCustomerContactTitle() { return customerContactTitle; }
  public void setCustomerContactTitle(String value) { this.customerContactTitle = value; }
  public String getCustomerContactEmail() { return customerContactEmail; }
  public void setCustomerContactEmail(String value) { this.customerContactEmail = value; }
  public String getCustomerContactLanguage() { return customerContactLanguage; }
  public void setCustomerContactLanguage(String value) { this.customerContactLanguage = value; }
  public String getPartnerContactName() { return partnerContactName; }
  public void setPartnerContactName(String value) { this.partnerContactName = value; }
  public String getPartnerContactEmail() { return partnerContactEmail; }
  public void setPartnerContactEmail(String value) { this.partnerContactEmail = value; }
  public boolean isIncentiveOptOut() { return incentiveOptOut; }
  public void setIncentiveOptOut(boolean incentiveOptOut) { this.incentiveOptOut = incentiveOptOut; }
  public List<String> getPoeIds() { return poeIds; }
  public void setPoeIds(List<String> poeIds) { this.poeIds = poeIds == null ? new ArrayList<>() : poeIds; }
  public String getComment() { return comment; }
  public void setComment(String comment) { this.comment = comment; }
}
