package org.cpor.timeline;

import static org.cpor.jdbc.Timestamps.instant;
import static org.cpor.jdbc.Timestamps.of;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every event of every claim; nothing here is ever changed or deleted. */
@Repository
public class ClaimTimeline {

  private final JdbcClient jdbc;

  ClaimTimeline(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(String claimId, TimelineEvent event) {
    jdbc.sql("insert into claim_timeline (claim_id, occurred_at, actor, type, detail) values (?, ?, ?, ?, ?)")
        .params(claimId, of(event.at()), event.actor(), event.type(), event.detail())
        .update();
  }

  /** Every event of each of these claims, oldest first, in one query. */
  public Map<String, List<TimelineEvent>> ofClaims(Collection<String> claimIds) {
    Map<String, List<TimelineEvent>> byClaim = new HashMap<>();
    if (claimIds.isEmpty()) {
      return byClaim;
    }
    jdbc.sql("select claim_id, occurred_at, actor, type, detail from claim_timeline where claim_id in (:ids) order by id")
        .param("ids", Set.copyOf(claimIds))
        .query(rs -> {
          byClaim.computeIfAbsent(rs.getString("claim_id"), k -> new ArrayList<>()).add(new TimelineEvent(instant(rs, "occurred_at"),
              rs.getString("actor"), rs.getString("type"), rs.getString("detail")));
        });
    return byClaim;
  }

  public List<TimelineEvent> ofClaim(String claimId) {
    return jdbc.sql("select occurred_at, actor, type, detail from claim_timeline where claim_id = ? order by id")
        .param(claimId)
        .query((rs, n) -> new TimelineEvent(instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("type"), rs.getString("detail")))
        .list();
  }
}
