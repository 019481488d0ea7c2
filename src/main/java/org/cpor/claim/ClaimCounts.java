package org.cpor.claim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cpor.catalogue.Program;
import org.cpor.jdbc.InSavepoint;
import org.cpor.jdbc.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How many claims each organisation has in each status and program, in all and per claimed workload (table
 * {@code claim_counts}): the total of a claim list and the portal's counts per status, read from a few rows whatever
 * the number of claims. {@link ClaimStore} reports every claim it adds, every status it changes and every change of
 * a claim's workloads; the changes of a transaction are summed and written just before it commits, in one statement,
 * in the order of their keys: two transactions changing the same counts wait for each other only while committing,
 * and never for each other in opposite orders.
 */
@Component
class ClaimCounts {

  /** The workload of the count of claims whatever their workloads. */
  private static final String EVERY_WORKLOAD = "";

  private final JdbcClient jdbc;
  private final boolean postgres;
  private final InSavepoint savepoint;

  ClaimCounts(JdbcClient jdbc, SqlDialect dialect, InSavepoint savepoint) {
    this.jdbc = jdbc;
    this.postgres = dialect.isPostgres();
    this.savepoint = savepoint;
  }

  void added(Claim claim) {
    change(claim, claim.status(), claim.workloadCodes(), 1);
  }

  void statusChanged(Claim claim, ClaimStatus to) {
    change(claim, claim.status(), claim.workloadCodes(), -1);
    change(claim, to, claim.workloadCodes(), 1);
  }

  void workloadsChanged(Claim claim, List<String> to) {
    List<String> removed = claim.workloadCodes().stream().filter(code -> !to.contains(code)).toList();
    List<String> added = to.stream().filter(code -> !claim.workloadCodes().contains(code)).toList();
    changeWorkloads(claim, claim.status(), removed, -1);
    changeWorkloads(claim, claim.status(), added, 1);
  }

  /** Claims in {@code status} (null: any), of {@code program} (null: any), claiming {@code workload} (null: any). */
  long count(String organisationId, ClaimStatus status, Program program, String workload) {
    List<Object> params = new ArrayList<>();
    String where = where(organisationId, program, workload, params);
    if (status != null) {
      where += " and status = ?";
      params.add(status.name());
    }
    return jdbc.sql("select coalesce(sum(claims), 0) from claim_counts where " + where).params(params).query(Long.class).single();
  }

  /** As {@link #count}, for each status. */
  Map<ClaimStatus, Long> byStatus(String organisationId, Program program, String workload) {
    List<Object> params = new ArrayList<>();
    String where = where(organisationId, program, workload, params);
    Map<ClaimStatus, Long> counts = new EnumMap<>(ClaimStatus.class);
    jdbc.sql("select status, sum(claims) from claim_counts where " + where + " group by status").params(params).query(rs -> {
      long claims = rs.getLong(2);
      if (claims > 0) {
        counts.put(ClaimStatus.valueOf(rs.getString(1)), claims);
      }
    });
    return counts;
  }

  private static String where(String organisationId, Program program, String workload, List<Object> params) {
    StringBuilder where = new StringBuilder("workload = ?");
    params.add(workload == null ? EVERY_WORKLOAD : workload);
    if (organisationId != null) {
      where.append(" and organisation_id = ?");
      params.add(organisationId);
    }
    if (program != null) {
      where.append(" and program = ?");
      params.add(program.name());
    }
    return where.toString();
  }

  private void change(Claim claim, ClaimStatus status, Collection<String> workloads, int delta) {
    List<String> counted = new ArrayList<>(workloads.size() + 1);
    counted.add(EVERY_WORKLOAD);
    counted.addAll(workloads);
    changeWorkloads(claim, status, counted, delta);
  }

  private void changeWorkloads(Claim claim, ClaimStatus status, Collection<String> workloads, int delta) {
    if (workloads.isEmpty()) {
      return;
    }
    Changes changes = changes();
    for (String workload : workloads) {
      changes.add(new Key(claim.organisationId(), status.name(), claim.program().name(), workload), delta);
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      write(changes);
    }
  }

  /** The changes of the current transaction, written before it commits; outside of one, a set written at once. */
  private Changes changes() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return new Changes();
    }
    // the current transaction's own synchronizations only (a suspended outer transaction keeps its changes)
    for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
      if (synchronization instanceof Changes changes && changes.owner == this) {
        return changes;
      }
    }
    Changes changes = new Changes();
    TransactionSynchronizationManager.registerSynchronization(changes);
    return changes;
  }

  private void write(Changes changes) {
    List<Map.Entry<Key, Long>> rows = changes.deltas.entrySet().stream().filter(e -> e.getValue() != 0).toList();
    changes.deltas.clear();
    if (rows.isEmpty()) {
      return;
    }
    String values = String.join(", ", rows.stream()
        .map(row -> "(cast(? as varchar(40)), cast(? as varchar(40)), cast(? as varchar(40)), cast(? as varchar(60)), cast(? as bigint))")
        .toList());
    List<Object> params = new ArrayList<>();
    rows.forEach(row -> params.addAll(List.of(row.getKey().organisationId(), row.getKey().status(), row.getKey().program(),
        row.getKey().workload(), row.getValue())));
    // PostgreSQL's merge may fail when two transactions add the same new count, H2's too (SqlDialect, InSavepoint)
    String sql = postgres ? """
        insert into claim_counts (organisation_id, status, program, workload, claims) values %s
        on conflict (organisation_id, status, program, workload) do update set claims = claim_counts.claims + excluded.claims"""
        .formatted(values) : """
        merge into claim_counts t using (values %s) as v (organisation_id, status, program, workload, claims)
        on t.organisation_id = v.organisation_id and t.status = v.status and t.program = v.program and t.workload = v.workload
        when matched then update set claims = t.claims + v.claims
        when not matched then insert (organisation_id, status, program, workload, claims)
          values (v.organisation_id, v.status, v.program, v.workload, v.claims)""".formatted(values);
    savepoint.retryingDuplicates(() -> jdbc.sql(sql).params(params).update());
  }

  private record Key(String organisationId, String status, String program, String workload) implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::organisationId).thenComparing(Key::status)
        .thenComparing(Key::program).thenComparing(Key::workload);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /** Summed per key, in the keys' order; written just before the transaction commits. */
  private final class Changes implements TransactionSynchronization {
    private final ClaimCounts owner = ClaimCounts.this;
    private final Map<Key, Long> deltas = new TreeMap<>();

    void add(Key key, long delta) {
      deltas.merge(key, delta, Long::sum);
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      write(this);
    }
  }
}
