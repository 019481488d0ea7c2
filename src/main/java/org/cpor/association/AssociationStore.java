package org.cpor.association;

import static org.cpor.jdbc.Timestamps.instant;
import static org.cpor.jdbc.Timestamps.of;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpor.claim.Association;
import org.cpor.claim.AssociationStatus;
import org.cpor.claim.ClaimAssociations;
import org.cpor.claim.EndReason;
import org.cpor.jdbc.Conditions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Associations; the unique {@code active_key} keeps one ACTIVE association per tenant and workload. */
@Repository
public class AssociationStore implements ClaimAssociations {

  private final JdbcClient jdbc;

  AssociationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Association insertActive(String claimId, String partnerId, String organisationId, String tenantId, String workload, Instant since) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        insert into associations (id, claim_id, partner_id, organisation_id, tenant_id, workload, status, since, active_key)
        values (?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?)""")
        .params(id, claimId, partnerId, organisationId, tenantId, workload, of(since), tenantId + "/" + workload)
        .update();
    return find(id).orElseThrow();
  }

  void end(String id, EndReason reason, String comment, Instant at) {
    jdbc.sql("""
        update associations set status = 'ENDED', ended_at = ?, end_reason = ?, end_comment = ?, active_key = null
        where id = ? and status = 'ACTIVE'""")
        .params(of(at), reason.name(), comment, id).update();
  }

  public Optional<Association> find(String id) {
    return jdbc.sql("select * from associations where id = ?").param(id).query(this::association).optional();
  }

  public Optional<Association> activeFor(String tenantId, String workload) {
    return jdbc.sql("select * from associations where active_key = ?").param(tenantId + "/" + workload)
        .query(this::association).optional();
  }

  /** The ACTIVE association of the tenant for each of these workloads that has one, in one query. */
  @Override
  public Map<String, Association> activeFor(String tenantId, Collection<String> workloads) {
    Map<String, Association> byWorkload = new HashMap<>();
    if (workloads.isEmpty()) {
      return byWorkload;
    }
    jdbc.sql("select * from associations where active_key in (:keys)")
        .param("keys", workloads.stream().map(w -> tenantId + "/" + w).distinct().toList())
        .query(this::association).list().forEach(a -> byWorkload.put(a.workload(), a));
    return byWorkload;
  }

  /** The associations of each of these claims, by workload and since, in one query. */
  @Override
  public Map<String, List<Association>> ofClaims(Collection<String> claimIds) {
    Map<String, List<Association>> byClaim = new HashMap<>();
    if (claimIds.isEmpty()) {
      return byClaim;
    }
    jdbc.sql("select * from associations where claim_id in (:ids) order by workload, since").param("ids", Set.copyOf(claimIds))
        .query(this::association).list().forEach(a -> byClaim.computeIfAbsent(a.claimId(), k -> new ArrayList<>()).add(a));
    return byClaim;
  }

  public List<Association> ofClaim(String claimId) {
    return jdbc.sql("select * from associations where claim_id = ? order by workload, since").param(claimId)
        .query(this::association).list();
  }

  public List<Association> search(AssociationQuery query) {
    Conditions conditions = query.conditions();
    return jdbc.sql("select * from associations a" + conditions.where() + " order by a.since desc, a.id limit ? offset ?")
        .params(conditions.params(query.size(), (long) query.page() * query.size())).query(this::association).list();
  }

  public long count(AssociationQuery query) {
    Conditions conditions = query.conditions();
    return jdbc.sql("select count(*) from associations a" + conditions.where()).params(conditions.params()).query(Long.class).single();
  }

  private Association association(ResultSet rs, int row) throws SQLException {
    String endReason = rs.getString("end_reason");
    return new Association(rs.getString("id"), rs.getString("partner_id"), rs.getString("organisation_id"),
        rs.getString("tenant_id"), rs.getString("workload"), AssociationStatus.valueOf(rs.getString("status")),
        instant(rs, "since"), instant(rs, "ended_at"), endReason == null ? null : EndReason.valueOf(endReason),
        rs.getString("end_comment"), rs.getString("claim_id"));
  }
}
