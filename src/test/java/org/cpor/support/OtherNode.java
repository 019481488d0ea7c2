package org.cpor.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The job executor of another node acquiring a job, as Camunda does it: one uncommitted update that raises the
 * job's revision and sets its lock owner. A transaction of this node that ends the job's process meanwhile waits
 * for the row, then finds another revision and loses with an OptimisticLockingException.
 */
public final class OtherNode implements AutoCloseable {

  private final Connection connection;
  private final JdbcClient jdbc;
  private final String jobId;
  private final Instant now;
  private final boolean postgres;

  private OtherNode(Connection connection, JdbcClient jdbc, String jobId, Instant now) throws SQLException {
    this.connection = connection;
    this.jdbc = jdbc;
    this.jobId = jobId;
    this.now = now;
    this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
  }

  /** Locks the job, uncommitted, until {@link #commit()}. */
  public static OtherNode acquiring(DataSource dataSource, JdbcClient jdbc, String jobId, Instant now) throws SQLException {
    Connection connection = dataSource.getConnection();
    connection.setAutoCommit(false);
    OtherNode node = new OtherNode(connection, jdbc, jobId, now);
    node.lock();
    return node;
  }

  private void lock() throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "update ACT_RU_JOB set REV_ = REV_ + 1, LOCK_OWNER_ = 'other-node', LOCK_EXP_TIME_ = ? where ID_ = ?")) {
      lock.setTimestamp(1, Timestamp.from(now.plusSeconds(300)));
      lock.setString(2, jobId);
      if (lock.executeUpdate() != 1) {
        throw new IllegalStateException("no job " + jobId);
      }
    }
  }

  /** Waits (at most 10 seconds) until another session waits for a row lock, or the request has answered. */
  public void awaitBlocked(Future<?> request) throws InterruptedException {
    String blocked = postgres ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
        : "select count(*) from information_schema.sessions where blocker_id is not null";
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!request.isDone() && System.nanoTime() < until) {
      if (jdbc.sql(blocked).query(Long.class).single() > 0) {
        return;
      }
      Thread.sleep(10);
    }
  }

  public void commit() throws SQLException {
    connection.commit();
  }

  @Override
  public void close() throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
    }
    connection.close();
  }
}
