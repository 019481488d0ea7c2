package org.cpor.claim;

import java.time.Instant;
import java.util.Locale;
import org.cpor.catalogue.Program;
import org.cpor.jdbc.Conditions;

/**
 * Filters, order and paging of a claim list; {@code organisationId} null means every organisation. {@code text} finds
 * claims by name, customer domain, tenant ID or workload (name or code), bound as a parameter. {@code actionRequiredSince}
 * (when not null) keeps the claims the partner must act on: an information request to answer, or a rejection they may
 * still dispute (decided since that instant, not by the customer, not disputed yet).
 */
public record ClaimQuery(String organisationId, ClaimStatus status, String tenantId, String workload, Program program,
    String text, Instant actionRequiredSince, ClaimSort sort, int page, int size) {

  /** The API's query: its filters, newest first. */
  public ClaimQuery(String organisationId, ClaimStatus status, String tenantId, String workload, Program program, int page,
      int size) {
    this(organisationId, status, tenantId, workload, program, null, null, ClaimSort.NEWEST, page, size);
  }

  public ClaimQuery {
    sort = sort == null ? ClaimSort.NEWEST : sort;
  }

  /** The same query without its status filter (for the counts by status). */
  ClaimQuery anyStatus() {
    return new ClaimQuery(organisationId, null, tenantId, workload, program, text, actionRequiredSince, sort, page, size);
  }

  /** The same query narrowed to the claims that need the partner's action. */
  public ClaimQuery actionRequired(Instant rejectedSince) {
    return new ClaimQuery(organisationId, status, tenantId, workload, program, text, rejectedSince, sort, page, size);
  }

  /** Whether the counts of claims per organisation, status, program and workload answer how many this query finds. */
  boolean isCounted() {
    return tenantId == null && (text == null || text.isBlank()) && actionRequiredSince == null;
  }

  Conditions conditions() {
    Conditions conditions = new Conditions()
        .equal("c.organisation_id", organisationId)
        .equal("c.status", status == null ? null : status.name())
        .equal("c.customer_tenant_id", tenantId == null ? null : tenantId.toLowerCase(Locale.ROOT))
        .equal("c.program", program == null ? null : program.name());
    if (workload != null) {
      conditions.add("exists (select 1 from claim_workloads w where w.claim_id = c.id and w.code = ?)", workload);
    }
    if (text != null && !text.isBlank()) {
      String like = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      conditions.add("""
          (lower(c.name) like ? escape '\\' or c.customer_domain like ? escape '\\' or c.customer_tenant_id like ? escape '\\'
             or exists (select 1 from claim_workloads w left join workloads n on n.program = c.program and n.code = w.code
               where w.claim_id = c.id and (lower(n.name) like ? escape '\\' or lower(w.code) like ? escape '\\')))""",
          like, like, like, like, like);
    }
    if (actionRequiredSince != null) {
      conditions.add("""
          (c.status = ? or (c.status = ?
             and not exists (select 1 from disputes d where d.claim_id = c.id)
             and exists (select 1 from claim_decisions r where r.claim_id = c.id and r.outcome = ?
               and r.decided_at >= ? and r.reasons not like ?
               and r.id = (select max(l.id) from claim_decisions l where l.claim_id = c.id))))""",
          ClaimStatus.PARTNER_ACTION_REQUIRED.name(), ClaimStatus.REJECTED.name(), DecisionOutcome.REJECTED.name(),
          org.cpor.jdbc.Timestamps.of(actionRequiredSince), "%" + ReasonCodes.CUSTOMER_DECLINED + "%");
    }
    return conditions;
  }

  String orderBy() {
    return sort.orderBy();
  }
}
