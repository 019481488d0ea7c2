package org.cpor.changelog;

import static org.cpor.jdbc.Timestamps.instant;
import static org.cpor.jdbc.Timestamps.of;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of every change to reference data and the holiday calendar; nothing here is changed or deleted. */
@Repository
public class AdminChanges {

  public record Change(Instant at, String actor, String entity, String entityId, String change) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  AdminChanges(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records a change in the transaction that makes it. */
  public void record(String actor, String entity, String entityId, String change) {
    jdbc.sql("insert into admin_changes (occurred_at, actor, entity, entity_id, change) values (?, ?, ?, ?, ?)")
        .params(of(clock.instant()), actor, entity, entityId, change.length() > 4000 ? change.substring(0, 4000) : change)
        .update();
  }

  public List<Change> latest(int limit) {
    return jdbc.sql("select * from admin_changes order by id desc limit ?").param(limit)
        .query((rs, n) -> new Change(instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("entity"),
            rs.getString("entity_id"), rs.getString("change")))
        .list();
  }
}
