package org.cpor.reliability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Claim bodies for many claims that do not compete: each names a tenant of its own (a fresh GUID, not in the tenant
 * directory, so the product accepts it with a TENANT_NOT_VERIFIED finding) and a customer and partner contact of its
 * own, so that e-mails can be counted per claim. The demo organisations take turns.
 */
public final class Claims {

  /** A demo partner organisation: its Incentives admin and an enrolled PartnerID. */
  public record Partner(String admin, String partnerId) {}

  public static final Partner FABRIKAM = new Partner("fabrikam-admin", "4567890");
  public static final Partner NORTHWIND = new Partner("northwind-admin", "7654321");
  public static final List<Partner> PARTNERS = List.of(FABRIKAM, NORTHWIND);

  private Claims() {}

  public static Partner partnerOf(int number) {
    return PARTNERS.get(number % PARTNERS.size());
  }

  /** Claim number {@code number} of a run named {@code run}: a tenant, a domain and contacts of its own. */
  public static Map<String, Object> body(String run, int number) {
    Partner partner = partnerOf(number);
    String tenant = UUID.randomUUID().toString();
    String domain = "t" + number + "-" + tenant.substring(0, 8) + ".example.com";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", "Reliability " + run + " #" + number);
    body.put("partnerId", partner.partnerId());
    body.put("program", "OSU_M365");
    body.put("customerTenantId", tenant);
    body.put("customerDomain", domain);
    body.put("workloads", List.of(Map.of("code", "TEAMS")));
    body.put("customerContact", Map.of("name", "Customer " + number, "title", "CIO", "email", customerEmail(run, number), "language", "en"));
    body.put("partnerContact", Map.of("name", "Partner " + number, "email", partnerEmail(run, number)));
    body.put("incentiveOptOut", false);
    body.put("comment", "Deployment finished");
    return body;
  }

  public static String customerEmail(String run, int number) {
    return "customer-" + number + "@" + run + ".customer.example.com";
  }

  public static String partnerEmail(String run, int number) {
    return "partner-" + number + "@" + run + ".partner.example.com";
  }
}
