package org.cpor.notification;

import static org.cpor.jdbc.Timestamps.instant;
import static org.cpor.jdbc.Timestamps.of;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The notification log: every e-mail, its recipient, language, subject, body and delivery state. */
@Repository
class NotificationStore {

  private final JdbcClient jdbc;

  NotificationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String claimId, NotificationKind kind, String recipient, String language, MailTemplates.Mail mail, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into notifications (claim_id, kind, recipient, language, subject, body, created_at, state, attempts, next_attempt_at)
        values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""")
        .params(claimId, kind.name(), recipient, language, mail.subject(), mail.body(), of(now), of(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** The record of an attempt whose step rolled back: FAILED, with the error, as the log keeps every attempt. */
  void insertFailedAttempt(Notification attempt, String error) {
    jdbc.sql("""
        insert into notifications (claim_id, kind, recipient, language, subject, body, created_at, state, attempts, last_error)
        values (?, ?, ?, ?, ?, ?, ?, 'FAILED', 1, ?)""")
        .params(attempt.claimId(), attempt.kind().name(), attempt.recipient(), attempt.language(), attempt.subject(),
            attempt.body(), of(attempt.createdAt()), truncate(error))
        .update();
  }

  /** Takes the notification for sending; false when another node or thread has it or it is no longer due. */
  boolean take(long id, Instant now, Instant staleBefore) {
    return jdbc.sql("""
        update notifications set state = 'SENDING', attempts = attempts + 1, next_attempt_at = ?
        where id = ? and ((state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and next_attempt_at < ?))""")
        .params(of(now), id, of(now), of(staleBefore))
        .update() == 1;
  }

  void markSent(long id, Instant at) {
    jdbc.sql("update notifications set state = 'SENT', sent_at = ?, next_attempt_at = null, last_error = null where id = ?")
        .params(of(at), id).update();
  }

  void markFailedAttempt(long id, String error, Instant retryAt) {
    jdbc.sql("update notifications set state = ?, next_attempt_at = ?, last_error = ? where id = ?")
        .params(retryAt == null ? DeliveryState.FAILED.name() : DeliveryState.PENDING.name(), of(retryAt), truncate(error), id)
        .update();
  }

  List<Long> due(Instant now, Instant staleBefore, int limit) {
    return jdbc.sql("""
        select id from notifications
        where (state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and next_attempt_at < ?)
        order by id limit ?""")
        .params(of(now), of(staleBefore), limit).query(Long.class).list();
  }

  /** The latest e-mail the mail server was asked to take, whatever became of it. */
  Optional<Notification> latestAttempt() {
    return jdbc.sql("select * from notifications where attempts > 0 order by id desc limit 1").query(this::notification)
        .optional();
  }

  /** How many e-mails wait to be sent (again), and since when the oldest waits. */
  record Backlog(long waiting, Instant oldestSince) {}

  Backlog backlog() {
    return jdbc.sql("select count(*) as waiting, min(created_at) as oldest from notifications where state in ('PENDING', 'SENDING')")
        .query((rs, row) -> new Backlog(rs.getLong("waiting"), instant(rs, "oldest"))).single();
  }

  public Optional<Notification> find(long id) {
    return jdbc.sql("select * from notifications where id = ?").param(id).query(this::notification).optional();
  }

  public List<Notification> ofClaim(String claimId) {
    return jdbc.sql("select * from notifications where claim_id = ? order by id").param(claimId).query(this::notification).list();
  }

  public Optional<Notification> latestOfKind(String claimId, NotificationKind kind) {
    return jdbc.sql("select * from notifications where claim_id = ? and kind = ? order by id desc limit 1")
        .params(claimId, kind.name()).query(this::notification).optional();
  }

  public List<Notification> latest(int limit) {
    return jdbc.sql("select * from notifications order by id desc limit ?").param(limit).query(this::notification).list();
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
  }

  private Notification notification(ResultSet rs, int row) throws SQLException {
    return new Notification(rs.getLong("id"), rs.getString("claim_id"), NotificationKind.valueOf(rs.getString("kind")),
        rs.getString("recipient"), rs.getString("language"), rs.getString("subject"), rs.getString("body"),
        instant(rs, "created_at"), DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
        instant(rs, "next_attempt_at"), instant(rs, "sent_at"), rs.getString("last_error"));
  }
}
