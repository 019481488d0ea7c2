package org.cpor.claim;

/**
 * The orders a claim list can take. Each is a fixed SQL ordering chosen by its name: a request names a sort, never a
 * column.
 */
public enum ClaimSort {
  NEWEST("Newest first", "c.submitted_at desc, c.id"),
  OLDEST("Oldest first", "c.submitted_at asc, c.id"),
  NAME("Claim name A–Z", "lower(c.name) asc, c.submitted_at desc, c.id"),
  DOMAIN("Customer domain A–Z", "c.customer_domain asc, c.submitted_at desc, c.id"),
  STATUS("Status (your action first)", """
      case c.status when 'PARTNER_ACTION_REQUIRED' then 0 when 'REJECTED' then 1 when 'SUBMITTED' then 2
        when 'UNDER_REVIEW' then 3 when 'APPROVED' then 4 when 'OFFICIAL' then 5 when 'ENDED' then 6 else 7 end,
      c.submitted_at desc, c.id""");

  private final String label;
  private final String orderBy;

  ClaimSort(String label, String orderBy) {
    this.label = label;
    this.orderBy = orderBy;
  }

  public String label() {
    return label;
  }

  String orderBy() {
    return orderBy;
  }
}
