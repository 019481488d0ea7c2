package org.cpor.idempotency;

import static org.cpor.jdbc.Timestamps.of;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code idempotency_keys} table: one row per user and key, holding the answer of the request that used it. */
@Repository
class IdempotencyStore {

  /** What a key holds: the fingerprint of the request that used it and that request's answer. */
  record Entry(String fingerprint, StoredResponse response) {}

  /** The key is taken by another request: committed, or still running (the database gave up waiting for it). */
  static final class KeyTaken extends RuntimeException {
    KeyTaken(RuntimeException cause) {
      super(cause);
    }
  }

  private final JdbcTemplate jdbc;

  IdempotencyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Takes the key for the request now running, in its transaction. Another request holding the same key, not yet
   * committed, makes this insert wait at the primary key until it ends: committed, the key is taken; rolled back, it
   * is this request's. {@link KeyTaken} when taken, or after waiting {@code waitSeconds} (or the database's own lock
   * timeout) for a request still running.
   */
  void take(String userId, String key, String fingerprint, Instant createdAt, Instant expiresAt, int waitSeconds) {
    try {
      jdbc.update(connection -> {
        PreparedStatement insert = connection.prepareStatement("""
            insert into idempotency_keys (user_id, idempotency_key, fingerprint, created_at, expires_at)
            values (?, ?, ?, ?, ?)""");
        insert.setString(1, userId);
        insert.setString(2, key);
        insert.setString(3, fingerprint);
        insert.setObject(4, of(createdAt));
        insert.setObject(5, of(expiresAt));
        insert.setQueryTimeout(waitSeconds);
        return insert;
      });
    } catch (DuplicateKeyException | PessimisticLockingFailureException | QueryTimeoutException e) {
      throw new KeyTaken(e);
    }
  }

  /** Records the answer on the key, in the transaction that took it: both are committed together or not at all. */
  void complete(String userId, String key, StoredResponse response) {
    int updated = jdbc.update("""
        update idempotency_keys set response_status = ?, response_type = ?, response_location = ?, response_body = ?
        where user_id = ? and idempotency_key = ?""",
        response.status(), response.contentType(), response.location(), response.body(), userId, key);
    if (updated != 1) {
      throw new IllegalStateException("the idempotency key taken by this request is gone");
    }
  }

  /** The committed entry of a key: only a request that succeeded leaves one. */
  Optional<Entry> find(String userId, String key) {
    return jdbc.query("""
        select fingerprint, response_status, response_type, response_location, response_body
        from idempotency_keys where user_id = ? and idempotency_key = ?""",
        (rs, row) -> new Entry(rs.getString("fingerprint"), new StoredResponse(rs.getInt("response_status"),
            rs.getString("response_type"), rs.getString("response_location"), rs.getBytes("response_body"))),
        userId, key).stream().findFirst();
  }

  /** Removes the keys that expired before {@code now}; answers how many. */
  int purgeExpired(Instant now) {
    return jdbc.update("delete from idempotency_keys where expires_at < ?", of(now));
  }
}
