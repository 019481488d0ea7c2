package org.cpor.performance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpor.reliability.Api;
import org.cpor.reliability.Cluster;
import org.cpor.reliability.Database;
import org.cpor.reliability.MailServer;
import org.cpor.reliability.Settings;
import org.cpor.reliability.Node;

/**
 * Many customers' opt-out windows end at the same moment: a database is seeded once with {@code windows} claims
 * waiting in their windows (by the product in this JVM), then for each number of nodes asked a copy of it
 * ({@code create database … template …}) gets that many nodes of the packaged jar; once they are ready, one SQL
 * update makes every opt-out timer due now, and the clock runs until every claim is OFFICIAL. The nodes' Camunda job
 * log tells who ran how many timers and how many attempts failed. The copies and the seeded database are dropped.
 */
public final class TimerBurst {

  /** Nodes settle this long after they are ready (start-up work, the job executor's first idle acquisitions). */
  private static final Duration SETTLE = Duration.ofSeconds(10);
  private static final int SEEDING_CLIENTS = 8;

  private TimerBurst() {}

  /**
   * One burst: {@code windows} timers due together on {@code nodes} nodes, done in {@code seconds} (from the update to
   * the last claim OFFICIAL); the first timer ran {@code firstTimerSeconds} after the update. {@code timersPerNode}
   * by Camunda host name (the node's name); {@code failedAttempts}: timer attempts that failed and were retried.
   * {@code seedingSeconds}: how long the product took to bring the windows there (once for every burst of a run).
   */
  public record Result(int windows, int nodes, double seconds, double firstTimerSeconds, Map<String, Long> timersPerNode,
      long failedAttempts, List<String> failures, double seedingSeconds) {

    public double windowsPerSecond() {
      return windows / seconds;
    }

    @Override
    public String toString() {
      return "%d windows on %d node(s): %.1f s (%.0f windows/s; first timer after %.1f s), per node %s, failed attempts %d%s; seeding took %.0f s"
          .formatted(windows, nodes, seconds, windowsPerSecond(), firstTimerSeconds, timersPerNode, failedAttempts,
              failures.isEmpty() ? "" : " " + failures, seedingSeconds);
    }
  }

  /** A database holding {@code windows} claims in their opt-out windows, and how long the product took to seed it. */
  public record Seeded(Database database, int windows, double seconds) {}

  /** Seeds once, then one burst per entry of {@code nodeCounts} (e.g. 1, 2), each on its own copy of the seeded database. */
  public static List<Result> run(int windows, int... nodeCounts) {
    return run(windows, List.of(), nodeCounts);
  }

  /** As {@link #run(int, int...)}, with extra command-line arguments for every node (e.g. job executor settings). */
  public static List<Result> run(int windows, List<String> nodeArguments, int... nodeCounts) {
    List<Result> results = new ArrayList<>();
    Seeded seeded = seed(windows);
    try {
      for (int nodes : nodeCounts) {
        Result result = burst(seeded, nodes, nodeArguments);
        // a run takes minutes: each burst is told as soon as it is done
        System.out.println("Timer burst: " + result);
        results.add(result);
      }
    } finally {
      drop(seeded);
    }
    return results;
  }

  /**
   * A database ({@code <prefix>burst_seed}) with {@code windows} claims waiting in their opt-out windows, seeded by
   * the product in this JVM ({@link InProcessProduct#seedOpenWindows}), which is closed again. Drop it with
   * {@link #drop(Seeded)}.
   */
  public static Seeded seed(int windows) {
    Database database = Database.fresh("burst_seed");
    Instant seeding = Instant.now();
    try (MailServer mail = MailServer.started(); InProcessProduct product = InProcessProduct.start(database, mail)) {
      product.seedOpenWindows(windows, SEEDING_CLIENTS);
    }
    return new Seeded(database, windows, seconds(seeding, Instant.now()));
  }

  public static void drop(Seeded seeded) {
    drop(name(seeded.database()));
  }

  /**
   * One burst on a copy of the seeded database ({@code <prefix>burst_<nodes>}, dropped afterwards): {@code nodes}
   * nodes started with {@code nodeArguments}, every opt-out timer made due at once, the time until every claim is
   * OFFICIAL (looked at every 2 s).
   */
  public static Result burst(Seeded seeded, int nodes, List<String> nodeArguments) {
    int windows = seeded.windows();
    Database copy = Database.fresh("burst_" + nodes);
    try (MailServer mail = MailServer.started()) {
      copyInto(name(seeded.database()), name(copy));
      long officialBefore = copy.count("select count(*) from claims where status = 'OFFICIAL'");
      try (Cluster cluster = Cluster.of("burst" + nodes, nodes, copy, mail, nodeArguments)) {
        List<Cluster.Start> starts = cluster.startTogether();
        starts.stream().filter(s -> !s.healthy()).findFirst().ifPresent(s -> {
          throw new IllegalStateException(s.node().name() + " did not start: " + s.failure());
        });
        Node.sleep(SETTLE.toMillis());
        Instant due = Instant.now();
        int moved = copy.jdbc().sql("""
            update ACT_RU_JOB set DUEDATE_ = ?, REV_ = REV_ + 1
            where TYPE_ = 'timer' and JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = ?)""")
            .params(Timestamp.valueOf(LocalDateTime.ofInstant(due, ZoneOffset.UTC)), Api.OPT_OUT_TIMER).update();
        if (moved != windows) {
          throw new IllegalStateException(moved + " opt-out timers made due, not " + windows);
        }
        Duration limit = Duration.ofMinutes(5).plusMillis(windows * 100L);
        Instant allOfficial = null;
        while (allOfficial == null) {
          long official = copy.count("select count(*) from claims where status = 'OFFICIAL'") - officialBefore;
          if (official >= windows) {
            allOfficial = Instant.now();
          } else if (Instant.now().isAfter(due.plus(limit))) {
            throw new IllegalStateException("only " + official + " of " + windows + " claims OFFICIAL after " + limit.toSeconds() + " s on "
                + nodes + " node(s)");
          } else {
            // each look counts every claim (no index on status; about 0.1 s of PostgreSQL's time with 10 000 claims
            // on a busy machine): not too often, it would slow the nodes down
            Node.sleep(2_000);
          }
        }
        return figures(copy, windows, nodes, due, allOfficial, seeded.seconds());
      }
    } finally {
      drop(name(copy));
    }
  }

  private static Result figures(Database copy, int windows, int nodes, Instant due, Instant allOfficial, double seedingSeconds) {
    Map<String, Long> perNode = new LinkedHashMap<>();
    copy.rows("select HOSTNAME_ as node, count(*) as jobs from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 2 "
        + "group by HOSTNAME_ order by HOSTNAME_", Api.OPT_OUT_TIMER)
        .forEach(row -> perNode.put(String.valueOf(row.get("node")), ((Number) row.get("jobs")).longValue()));
    long failed = copy.count("select count(*) from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 1", Api.OPT_OUT_TIMER);
    List<String> failures = copy.rows("""
        select JOB_EXCEPTION_MSG_ as message, count(*) as times from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 1
        group by JOB_EXCEPTION_MSG_ order by count(*) desc limit 3""", Api.OPT_OUT_TIMER).stream()
        .map(row -> row.get("times") + "× " + Api.abbreviate(String.valueOf(row.get("message")))).toList();
    Timestamp first = copy.jdbc().sql("select min(TIMESTAMP_) from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 2")
        .param(Api.OPT_OUT_TIMER).query(Timestamp.class).single();
    double firstSeconds = first == null ? Double.NaN
        : seconds(due, first.toLocalDateTime().toInstant(ZoneOffset.UTC));
    return new Result(windows, nodes, seconds(due, allOfficial), firstSeconds, perNode, failed, failures, seedingSeconds);
  }

  private static String name(Database database) {
    String url = database.jdbcUrl();
    return url.substring(url.lastIndexOf('/') + 1);
  }

  /** {@code target} becomes a copy of {@code template} (which nobody may be connected to). */
  private static void copyInto(String template, String target) {
    admin("drop database if exists " + target + " with (force)", "create database " + target + " template " + template);
  }

  private static void drop(String database) {
    admin("drop database if exists " + database + " with (force)");
  }

  private static void admin(String... statements) {
    try (Connection admin = DriverManager.getConnection(Database.jdbcUrl("postgres"), Settings.dbUser(), Settings.dbPassword());
        Statement statement = admin.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(String.join("; ", statements) + ": " + e.getMessage(), e);
    }
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

}
