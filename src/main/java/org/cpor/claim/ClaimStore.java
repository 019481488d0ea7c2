package org.cpor.claim;

import static org.cpor.jdbc.Timestamps.instant;
import static org.cpor.jdbc.Timestamps.of;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.cpor.catalogue.Program;
import org.cpor.claim.Claim.ClaimedWorkload;
import org.cpor.claim.Claim.CustomerContact;
import org.cpor.claim.Claim.PartnerContact;
import org.cpor.jdbc.Conditions;
import org.cpor.jdbc.PerTransaction;
import org.cpor.timeline.TimelineEvent;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The source of truth for claims, their workloads, findings, decisions and information requests. */
@Repository
public class ClaimStore {

  /** {@link ClaimStatus#OPEN} as an SQL list. */
  private static final String OPEN_STATUSES = ClaimStatus.OPEN.stream().map(status -> "'" + status.name() + "'")
      .collect(java.util.stream.Collectors.joining(", "));

  private final JdbcClient jdbc;
  private final ClaimCounts counts;

  ClaimStore(JdbcClient jdbc, ClaimCounts counts) {
    this.jdbc = jdbc;
    this.counts = counts;
  }

  void insert(Claim claim) {
    jdbc.sql("""
        insert into claims (id, name, partner_id, organisation_id, program, customer_tenant_id, customer_domain,
          customer_contact_name, customer_contact_title, customer_contact_email, customer_contact_language,
          partner_contact_name, partner_contact_email, incentive_opt_out, comment, status, submitted_at, submitted_by)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(claim.id(), claim.name(), claim.partnerId(), claim.organisationId(), claim.program().name(),
            claim.customerTenantId(), claim.customerDomain(),
            claim.customerContact().name(), claim.customerContact().title(), claim.customerContact().email(),
            claim.customerContact().language(), claim.partnerContact().name(), claim.partnerContact().email(),
            claim.incentiveOptOut(), claim.comment(), claim.status().name(), of(claim.submittedAt()), claim.submittedBy())
        .update();
    insertWorkloads(claim.id(), claim.workloads());
    counts.added(claim);
  }

  private void insertWorkloads(String claimId, List<ClaimedWorkload> workloads) {
    for (ClaimedWorkload workload : workloads) {
      jdbc.sql("insert into claim_workloads (claim_id, code, subscription_id) values (?, ?, ?)")
          .params(claimId, workload.code(), workload.subscriptionId()).update();
    }
  }

  /** {@code current}: the claim as read in this transaction. */
  void replaceWorkloads(Claim current, List<ClaimedWorkload> workloads) {
    changed(current.id());
    jdbc.sql("delete from claim_workloads where claim_id = ?").param(current.id()).update();
    insertWorkloads(current.id(), workloads);
    counts.workloadsChanged(current, workloads.stream().map(ClaimedWorkload::code).toList());
  }

  void updateCustomerContact(String claimId, CustomerContact contact) {
    changed(claimId);
    jdbc.sql("""
        update claims set customer_contact_name = ?, customer_contact_title = ?, customer_contact_email = ?,
          customer_contact_language = ? where id = ?""")
        .params(contact.name(), contact.title(), contact.email(), contact.language(), claimId).update();
  }

  void updatePartnerContact(String claimId, PartnerContact contact) {
    changed(claimId);
    jdbc.sql("update claims set partner_contact_name = ?, partner_contact_email = ? where id = ?")
        .params(contact.name(), contact.email(), claimId).update();
  }

  /** The claim as this transaction last read or wrote it (read once per transaction until it changes). */
  public Optional<Claim> find(String id) {
    return Optional.ofNullable(PerTransaction.remembered(new Remembered(id),
        () -> one(jdbc.sql("select * from claims where id = ?").param(id).query(this::claim).optional()).orElse(null)));
  }

  /** A claim's key among what a transaction remembers. */
  private record Remembered(String claimId) {}

  /** The claim changes in this transaction: the next read reads it again. */
  private static void changed(String claimId) {
    PerTransaction.forget(new Remembered(claimId));
  }

  public Claim get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("no claim " + id));
  }

  /** Locks the claim's row for the rest of the transaction, so concurrent changes of one claim queue up. */
  public Optional<Claim> lock(String id) {
    return lock(id, null);
  }

  /** Locks the claim's row when it is this organisation's (any organisation's for null); another's is not touched. */
  Optional<Claim> lock(String id, String organisationId) {
    changed(id);
    Conditions row = new Conditions().equal("id", id).equal("organisation_id", organisationId);
    Optional<Claim> locked = one(jdbc.sql("select * from claims" + row.where() + " for update").params(row.params())
        .query(this::claim).optional());
    locked.ifPresent(claim -> PerTransaction.remembered(new Remembered(id), () -> claim));
    return locked;
  }

  /**
   * {@code current} (the claim as read in this transaction) changes to {@code status}. Should another transaction have
   * changed its status since, nothing is written and this one fails: the counts of claims per status stay exact.
   */
  public void updateStatus(Claim current, ClaimStatus status) {
    changed(current.id());
    int updated = jdbc.sql("update claims set status = ? where id = ? and status = ?")
        .params(status.name(), current.id(), current.status().name()).update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("claim " + current.id() + " is no longer " + current.status());
    }
    counts.statusChanged(current, status);
  }

  /** The moments of a claim's life the store keeps, each in a column of its own. */
  public enum Moment {
    REVIEW_DUE("review_due_at"), CUSTOMER_NOTIFIED("customer_notified_at"), OPT_OUT_DEADLINE("opt_out_deadline_at"),
    OFFICIAL("official_at"), CUSTOMER_DECLINED("customer_declined_at"), WITHDRAWN("withdrawn_at");

    private final String column;

    Moment(String column) {
      this.column = column;
    }
  }

  public void setInstant(String id, Moment moment, Instant value) {
    changed(id);
    jdbc.sql("update claims set " + moment.column + " = ? where id = ?").params(of(value), id).update();
  }

  public List<Claim> search(ClaimQuery query) {
    // the page's IDs first, then its rows: a deep page skips its offset in an index (claims_organisation_status)
    // instead of reading every skipped claim's row
    Conditions conditions = query.conditions();
    return complete(jdbc.sql("select * from claims c where c.id in (select c.id from claims c" + conditions.where()
            + " order by " + query.orderBy() + " limit ? offset ?) order by " + query.orderBy())
        .params(conditions.params(query.size(), (long) query.page() * query.size())).query(this::claim).list());
  }

  public long count(ClaimQuery query) {
    if (query.isCounted()) {
      return counts.count(query.organisationId(), query.status(), query.program(), query.workload());
    }
    Conditions conditions = query.conditions();
    return jdbc.sql("select count(*) from claims c" + conditions.where()).params(conditions.params()).query(Long.class).single();
  }

  /** How many claims the query finds in each status, whatever its own status filter. */
  public Map<ClaimStatus, Long> countByStatus(ClaimQuery query) {
    if (query.isCounted()) {
      return counts.byStatus(query.organisationId(), query.program(), query.workload());
    }
    Conditions conditions = query.anyStatus().conditions();
    Map<ClaimStatus, Long> byStatus = new java.util.EnumMap<>(ClaimStatus.class);
    jdbc.sql("select c.status, count(*) from claims c" + conditions.where() + " group by c.status").params(conditions.params()).query(rs -> {
      byStatus.put(ClaimStatus.valueOf(rs.getString(1)), rs.getLong(2));
    });
    return byStatus;
  }

  /**
   * At most {@code limit} claims submitted in [from, to), oldest first, after the claim {@code after} (null: from the
   * first): the period read a chunk at a time.
   */
  public List<Claim> submittedBetween(Instant from, Instant to, Claim after, int limit) {
    List<Object> params = new ArrayList<>(List.of(of(from == null ? Instant.parse("2000-01-01T00:00:00Z") : from),
        of(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to)));
    String next = "";
    if (after != null) {
      next = " and (submitted_at > ? or (submitted_at = ? and id > ?))";
      params.addAll(List.of(of(after.submittedAt()), of(after.submittedAt()), after.id()));
    }
    params.add(limit);
    return complete(jdbc.sql("select * from claims where submitted_at >= ? and submitted_at < ?" + next
            + " order by submitted_at, id limit ?")
        .params(params).query(this::claim).list());
  }

  /** The open claims for a tenant and each of these workloads, of every organisation, in one query. */
  Map<String, List<Claim>> openClaimsFor(String tenantId, Collection<String> workloads) {
    Map<String, List<Claim>> byWorkload = new LinkedHashMap<>();
    if (workloads.isEmpty()) {
      return byWorkload;
    }
    List<String> claimedWorkloads = new ArrayList<>();
    List<Object> params = new ArrayList<>(List.of(tenantId));
    params.addAll(workloads);
    List<Claim> open = complete(jdbc.sql("""
        select w.code as claimed_workload, c.* from claims c join claim_workloads w on w.claim_id = c.id
        where c.customer_tenant_id = ? and w.code in (%s)
          and c.status in (%s)
        order by c.submitted_at""".formatted(bindMarkers(workloads.size()), OPEN_STATUSES))
        .params(params).query((rs, n) -> {
          claimedWorkloads.add(rs.getString("claimed_workload"));
          return claim(rs, n);
        }).list());
    for (int i = 0; i < open.size(); i++) {
      byWorkload.computeIfAbsent(claimedWorkloads.get(i), k -> new ArrayList<>()).add(open.get(i));
    }
    return byWorkload;
  }

  void replaceFindings(String claimId, List<Finding> findings) {
    jdbc.sql("delete from claim_findings where claim_id = ?").param(claimId).update();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      jdbc.sql("insert into claim_findings (claim_id, seq, code, severity, message) values (?, ?, ?, ?, ?)")
          .params(claimId, i, f.code(), f.severity(), f.message()).update();
    }
  }

  public List<Finding> findings(String claimId) {
    return jdbc.sql("select code, severity, message from claim_findings where claim_id = ? order by seq")
        .param(claimId)
        .query((rs, n) -> new Finding(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The findings of each of these claims, in their order. */
  public Map<String, List<Finding>> findings(Collection<String> claimIds) {
    Map<String, List<Finding>> byClaim = new HashMap<>();
    forChunks(claimIds, chunk -> jdbc.sql("select claim_id, code, severity, message from claim_findings where claim_id in ("
            + bindMarkers(chunk.size()) + ") order by claim_id, seq")
        .params(chunk)
        .query(rs -> {
          byClaim.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Finding(rs.getString(2), rs.getString(3), rs.getString(4)));
        }));
    return byClaim;
  }

  void insertDecision(String claimId, Decision decision) {
    jdbc.sql("insert into claim_decisions (claim_id, outcome, reasons, comment, decided_at, decided_by) values (?, ?, ?, ?, ?, ?)")
        .params(claimId, decision.outcome().name(), String.join(",", decision.reasons()), decision.comment(),
            of(decision.decidedAt()), decision.decidedBy())
        .update();
  }

  public Optional<Decision> latestDecision(String claimId) {
    return jdbc.sql("select * from claim_decisions where claim_id = ? order by id desc limit 1")
        .param(claimId)
        .query((rs, n) -> new Decision(DecisionOutcome.valueOf(rs.getString("outcome")), codes(rs.getString("reasons")),
            rs.getString("comment"), instant(rs, "decided_at"), rs.getString("decided_by")))
        .optional();
  }

  /** The latest decision of each of these claims that has one. */
  public Map<String, Decision> latestDecisions(Collection<String> claimIds) {
    Map<String, Decision> byClaim = new HashMap<>();
    forChunks(claimIds, chunk -> jdbc.sql("select * from claim_decisions where claim_id in (" + bindMarkers(chunk.size())
            + ") order by id")
        .params(chunk)
        .query(rs -> {
          byClaim.put(rs.getString("claim_id"), new Decision(DecisionOutcome.valueOf(rs.getString("outcome")),
              codes(rs.getString("reasons")), rs.getString("comment"), instant(rs, "decided_at"), rs.getString("decided_by")));
        }));
    return byClaim;
  }

  /** How many decisions validators have taken on the claim (the system's and the customer's not counted). */
  int validatorDecisions(String claimId) {
    return jdbc.sql("select count(*) from claim_decisions where claim_id = ? and decided_by not in (?, ?)")
        .params(claimId, TimelineEvent.SYSTEM, TimelineEvent.CUSTOMER).query(Integer.class).single();
  }

  void insertInformationRequest(String claimId, List<String> reasons, String question, Instant requestedAt, Instant dueAt) {
    jdbc.sql("insert into information_requests (claim_id, reasons, question, requested_at, due_at) values (?, ?, ?, ?, ?)")
        .params(claimId, String.join(",", reasons), question, of(requestedAt), of(dueAt)).update();
  }

  public Optional<InformationRequest> latestInformationRequest(String claimId) {
    return jdbc.sql("select * from information_requests where claim_id = ? order by id desc limit 1")
        .param(claimId)
        .query((rs, n) -> informationRequest(rs))
        .optional();
  }

  private static InformationRequest informationRequest(ResultSet rs) throws SQLException {
    return new InformationRequest(rs.getLong("id"), codes(rs.getString("reasons")), rs.getString("question"),
        instant(rs, "requested_at"), instant(rs, "due_at"), instant(rs, "answered_at"), rs.getString("answered_by"),
        rs.getString("answer_comment"));
  }

  /** The latest information request of each of these claims that has one. */
  Map<String, InformationRequest> latestInformationRequests(Collection<String> claimIds) {
    Map<String, InformationRequest> byClaim = new HashMap<>();
    forChunks(claimIds, chunk -> jdbc.sql("select * from information_requests where claim_id in (" + bindMarkers(chunk.size())
            + ") order by id")
        .params(chunk)
        .query(rs -> {
          byClaim.put(rs.getString("claim_id"), informationRequest(rs));
        }));
    return byClaim;
  }

  void answerInformationRequest(long requestId, Instant answeredAt, String answeredBy, String comment) {
    jdbc.sql("update information_requests set answered_at = ?, answered_by = ?, answer_comment = ? where id = ?")
        .params(of(answeredAt), answeredBy, comment, requestId).update();
  }

  long insertDispute(String claimId, String justification, Instant at, String by) {
    org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql("insert into disputes (claim_id, justification, disputed_at, disputed_by) values (?, ?, ?, ?)")
        .params(claimId, justification, of(at), by).update(key, "id");
    return key.getKey().longValue();
  }

  /** The justification of the claim's dispute, if it was disputed (a claim is disputed once at most). */
  /** Which of these claims have been disputed. */
  Set<String> disputed(Collection<String> claimIds) {
    Set<String> disputed = new HashSet<>();
    forChunks(claimIds, chunk -> disputed.addAll(jdbc.sql("select distinct claim_id from disputes where claim_id in ("
        + bindMarkers(chunk.size()) + ")").params(chunk).query(String.class).list()));
    return disputed;
  }

  Optional<String> disputeJustification(String claimId) {
    return jdbc.sql("select justification from disputes where claim_id = ? order by id desc limit 1").param(claimId)
        .query(String.class).optional();
  }

  private static List<String> codes(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }

  private List<ClaimedWorkload> workloads(String claimId) {
    return jdbc.sql("select code, subscription_id from claim_workloads where claim_id = ? order by code")
        .param(claimId)
        .query((rs, n) -> new ClaimedWorkload(rs.getString(1), rs.getString(2)))
        .list();
  }

  /**
   * A claim's row, read while its query is open, waiting for its workloads: those are read once the query has ended,
   * for every row at once. A query inside another's row mapping would need a second connection outside a transaction
   * (ten requests at once could hold a node's whole pool, each waiting for one more), and one query per row.
   */
  private record Unloaded(String id, Function<List<ClaimedWorkload>, Claim> withWorkloads) {}

  private Optional<Claim> one(Optional<Unloaded> row) {
    return row.map(r -> r.withWorkloads().apply(workloads(r.id())));
  }

  private List<Claim> complete(List<Unloaded> rows) {
    Map<String, List<ClaimedWorkload>> byClaim = new HashMap<>();
    forChunks(rows.stream().map(Unloaded::id).distinct().toList(), chunk ->
        jdbc.sql("select claim_id, code, subscription_id from claim_workloads where claim_id in ("
                + bindMarkers(chunk.size()) + ") order by claim_id, code")
            .params(chunk)
            .query(rs -> {
              byClaim.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ClaimedWorkload(rs.getString(2), rs.getString(3)));
            }));
    return rows.stream().map(r -> r.withWorkloads().apply(byClaim.getOrDefault(r.id(), List.of()))).toList();
  }

  /** The IDs in chunks of at most 500, one query each: a page or an export chunk is one query. */
  private static void forChunks(Collection<String> ids, java.util.function.Consumer<List<String>> query) {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
    for (int from = 0; from < all.size(); from += 500) {
      query.accept(all.subList(from, Math.min(all.size(), from + 500)));
    }
  }

  /** {@code ?, ?, …}: one JDBC bind marker per value of an {@code in (…)} list. */
  private static String bindMarkers(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private Unloaded claim(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    Claim read = new Claim(id, rs.getString("name"), rs.getString("partner_id"), rs.getString("organisation_id"),
        Program.valueOf(rs.getString("program")), rs.getString("customer_tenant_id"), rs.getString("customer_domain"), List.of(),
        new CustomerContact(rs.getString("customer_contact_name"), rs.getString("customer_contact_title"),
            rs.getString("customer_contact_email"), rs.getString("customer_contact_language")),
        new PartnerContact(rs.getString("partner_contact_name"), rs.getString("partner_contact_email")),
        rs.getBoolean("incentive_opt_out"), rs.getString("comment"), ClaimStatus.valueOf(rs.getString("status")),
        instant(rs, "submitted_at"), rs.getString("submitted_by"), instant(rs, "review_due_at"),
        instant(rs, "customer_notified_at"), instant(rs, "opt_out_deadline_at"), instant(rs, "official_at"),
        instant(rs, "customer_declined_at"), instant(rs, "withdrawn_at"));
    return new Unloaded(id, read::withWorkloads);
  }
}
