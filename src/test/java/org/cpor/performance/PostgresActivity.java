package org.cpor.performance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What one PostgreSQL database did, read from the server's statistics: statements run (from
 * {@code pg_stat_statements}, when the server loads it — {@code shared_preload_libraries = 'pg_stat_statements'};
 * otherwise unknown), transactions committed, rows written (inserted + updated + deleted) and rows read (fetched).
 * A snapshot is taken after a pause: backends report their counts at most once a second.
 */
public record PostgresActivity(long statements, long commits, long rowsWritten, long rowsRead) {

  public static final long UNKNOWN = -1;

  /** A database that is not PostgreSQL: nothing known. */
  public static final PostgresActivity NONE = new PostgresActivity(UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);

  /** The database's counters now. {@code jdbcUrl} names the database; {@code user}/{@code password} may read the statistics. */
  public static PostgresActivity of(String jdbcUrl, String user, String password) {
    pause();
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password); Statement statement = connection.createStatement()) {
      long statements = UNKNOWN;
      tryCreateExtension(connection);
      try (ResultSet calls = statement.executeQuery("select coalesce(sum(calls), 0) from pg_stat_statements where dbid = "
          + "(select oid from pg_database where datname = current_database())")) {
        calls.next();
        statements = calls.getLong(1);
      } catch (SQLException notLoaded) {
        // the view answers only where the library is preloaded: statements stay unknown
      }
      try (ResultSet database = statement.executeQuery("select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_fetched "
          + "from pg_stat_database where datname = current_database()")) {
        database.next();
        return new PostgresActivity(statements, database.getLong(1), database.getLong(2), database.getLong(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL statistics: " + e.getMessage(), e);
    }
  }

  /** What happened between {@code earlier} and this snapshot. */
  public PostgresActivity since(PostgresActivity earlier) {
    return new PostgresActivity(minus(statements, earlier.statements), minus(commits, earlier.commits),
        minus(rowsWritten, earlier.rowsWritten), minus(rowsRead, earlier.rowsRead));
  }

  private static long minus(long now, long earlier) {
    return now == UNKNOWN || earlier == UNKNOWN ? UNKNOWN : now - earlier;
  }

  private static void tryCreateExtension(Connection connection) {
    try (Statement create = connection.createStatement()) {
      create.execute("create extension if not exists pg_stat_statements");
    } catch (SQLException e) {
      // not installed on this server: statements stay unknown
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1_200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
