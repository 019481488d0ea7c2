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
 * waiting in their windows, and a tenth more for the warm-up (by the product in this JVM); then for each number of
 * nodes asked a copy of it ({@code create database … template …}) gets that many nodes of the packaged jar. Once they
 * are ready, the warm-up windows fall due and are worked off (nodes that have been running a while have compiled
 * their code; a fresh JVM spends as much CPU compiling as working in its first thousand timers); then one SQL update
 * makes every other opt-out timer due now, and the clock runs until every claim is OFFICIAL. The CPU of the nodes
 * and of PostgreSQL and the statements in that time are counted; the nodes' Camunda job log tells who ran how many
 * timers and how many attempts failed. The copies and the seeded database are dropped.
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
      long failedAttempts, List<String> failures, double seedingSeconds, Work work) {

    public double windowsPerSecond() {
      return windows / seconds;
    }

    @Override
    public String toString() {
      return ("%d windows on %d node(s): %.1f s (%.0f windows/s; first timer after %.1f s), per node %s, failed attempts %d%s; "
          + "per window %.1f ms CPU of the nodes, %.1f ms of PostgreSQL, %.0f statements; seeding took %.0f s")
          .formatted(windows, nodes, seconds, windowsPerSecond(), firstTimerSeconds, timersPerNode, failedAttempts,
              failures.isEmpty() ? "" : " " + failures, work.nodeCpuMillisPerWindow(), work.postgresCpuMillisPerWindow(),
              work.statementsPerWindow(), seedingSeconds);
    }
  }

  /** The CPU the nodes and PostgreSQL spent and the statements PostgreSQL ran, from the update until all were OFFICIAL. */
  public record Work(int windows, long nodeCpuNanos, long postgresCpuNanos, long statements) {

    static Work during(int windows, List<Node> nodes, Database database, Runnable burst) {
      PostgresActivity before = PostgresActivity.of(database.jdbcUrl(), Settings.dbUser(), Settings.dbPassword());
      long nodeCpu = nodeCpu(nodes);
      long postgresCpu = Cpu.ofPostgres();
      burst.run();
      long nodeCpuAfter = nodeCpu(nodes);
      long postgresCpuAfter = Cpu.ofPostgres();
      PostgresActivity activity = PostgresActivity.of(database.jdbcUrl(), Settings.dbUser(), Settings.dbPassword()).since(before);
      return new Work(windows, nodeCpuAfter - nodeCpu, postgresCpuAfter - postgresCpu, activity.statements());
    }

    private static long nodeCpu(List<Node> nodes) {
      return nodes.stream().mapToLong(node -> Cpu.ofProcess(node.pid())).sum();
    }

    public double nodeCpuMillisPerWindow() {
      return nodeCpuNanos / 1e6 / windows;
    }

    public double postgresCpuMillisPerWindow() {
      return postgresCpuNanos / 1e6 / windows;
    }

    public double statementsPerWindow() {
      return statements == PostgresActivity.UNKNOWN ? Double.NaN : (double) statements / windows;
    }
  }

  /**
   * A database holding {@code windows} claims in their opt-out windows and {@code warmupWindows} more, and how long
   * the product took to seed it.
   */
  public record Seeded(Database database, int windows, int warmupWindows, double seconds) {}

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
    int warmupWindows = Math.max(10, windows / 10);
    Instant seeding = Instant.now();
    try (MailServer mail = MailServer.started(); InProcessProduct product = InProcessProduct.start(database, mail)) {
      product.seedOpenWindows(windows + warmupWindows, SEEDING_CLIENTS);
    }
    return new Seeded(database, windows, warmupWindows, seconds(seeding, Instant.now()));
  }

  public static void drop(Seeded seeded) {
    drop(name(seeded.database()));
  }

  /**
   * One burst on a copy of the seeded database ({@code <prefix>burst_<nodes>}, dropped afterwards): {@code nodes}
   * nodes started with {@code nodeArguments}; the warm-up windows fall due and are worked off, then every other
   * opt-out timer falls due at once; the time until every claim is OFFICIAL (looked at every 2 s).
   */
  public static Result burst(Seeded seeded, int nodes, List<String> nodeArguments) {
    int windows = seeded.windows();
    Database copy = Database.fresh("burst_" + nodes);
    try (MailServer mail = MailServer.started()) {
      copyInto(name(seeded.database()), name(copy));
      try (Cluster cluster = Cluster.of("burst" + nodes, nodes, copy, mail, nodeArguments)) {
        List<Cluster.Start> starts = cluster.startTogether();
        starts.stream().filter(s -> !s.healthy()).findFirst().ifPresent(s -> {
          throw new IllegalStateException(s.node().name() + " did not start: " + s.failure());
        });
        Node.sleep(SETTLE.toMillis());
        fallDue(copy, seeded.warmupWindows(), nodes);
        Instant[] times = new Instant[2];
        Work work = Work.during(windows, cluster.nodes(), copy, () -> {
          times[0] = Instant.now();
          times[1] = fallDue(copy, windows, nodes);
        });
        return figures(copy, windows, nodes, times[0], times[1], seeded.seconds(), work);
      }
    } finally {
      drop(name(copy));
    }
  }

  /** {@code count} of the opt-out timers still waiting fall due now; answers when their claims are all OFFICIAL. */
  private static Instant fallDue(Database copy, int count, int nodes) {
    long officialBefore = copy.count("select count(*) from claims where status = 'OFFICIAL'");
    Instant due = Instant.now();
    int moved = copy.jdbc().sql("""
        update ACT_RU_JOB set DUEDATE_ = ?, REV_ = REV_ + 1 where ID_ in (select j.ID_ from ACT_RU_JOB j
          where j.TYPE_ = 'timer' and j.DUEDATE_ > ? and j.JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = ?)
          limit ?)""")
        .params(timestamp(due), timestamp(due), Api.OPT_OUT_TIMER, count).update();
    if (moved != count) {
      throw new IllegalStateException(moved + " opt-out timers made due, not " + count);
    }
    Duration limit = Duration.ofMinutes(5).plusMillis(count * 100L);
    while (true) {
      long official = copy.count("select count(*) from claims where status = 'OFFICIAL'") - officialBefore;
      if (official >= count) {
        return Instant.now();
      }
      if (Instant.now().isAfter(due.plus(limit))) {
        throw new IllegalStateException("only " + official + " of " + count + " claims OFFICIAL after " + limit.toSeconds() + " s on "
            + nodes + " node(s)");
      }
      // each look counts every claim (no index on status; about 0.1 s of PostgreSQL's time with 10 000 claims on a
      // busy machine): not too often, it would slow the nodes down
      Node.sleep(2_000);
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  private static Result figures(Database copy, int windows, int nodes, Instant due, Instant allOfficial, double seedingSeconds,
      Work work) {
    Map<String, Long> perNode = new LinkedHashMap<>();
    // the job log since the burst fell due: the warm-up's timers before it are not counted
    Timestamp since = timestamp(due);
    copy.rows("select HOSTNAME_ as node, count(*) as jobs from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 2 "
        + "and TIMESTAMP_ >= ? group by HOSTNAME_ order by HOSTNAME_", Api.OPT_OUT_TIMER, since)
        .forEach(row -> perNode.put(String.valueOf(row.get("node")), ((Number) row.get("jobs")).longValue()));
    long failed = copy.count("select count(*) from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 1 and TIMESTAMP_ >= ?",
        Api.OPT_OUT_TIMER, since);
    List<String> failures = copy.rows("""
        select JOB_EXCEPTION_MSG_ as message, count(*) as times from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 1
        and TIMESTAMP_ >= ? group by JOB_EXCEPTION_MSG_ order by count(*) desc limit 3""", Api.OPT_OUT_TIMER, since).stream()
        .map(row -> row.get("times") + "× " + Api.abbreviate(String.valueOf(row.get("message")))).toList();
    Timestamp first = copy.jdbc().sql("select min(TIMESTAMP_) from ACT_HI_JOB_LOG where ACT_ID_ = ? and JOB_STATE_ = 2 and TIMESTAMP_ >= ?")
        .params(Api.OPT_OUT_TIMER, since).query(Timestamp.class).single();
    double firstSeconds = first == null ? Double.NaN
        : seconds(due, first.toLocalDateTime().toInstant(ZoneOffset.UTC));
    return new Result(windows, nodes, seconds(due, allOfficial), firstSeconds, perNode, failed, failures, seedingSeconds, work);
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
