package org.cpor.reliability;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 1. Two nodes started at the same moment on an empty database both come up, and what a node creates at its first
 * start (the engine's schema and the claim store, the deployment of the process, the demo users, the Tasklist filters
 * and the authorisations) exists exactly once. Repeated ({@code -Dreliability.startRounds}, default 5), because a race
 * between two starts shows only sometimes.
 */
class TwoNodesStartTogetherReliabilityIT {

  private static final List<String> FILTERS = List.of("Claims to validate", "Overdue reviews",
      "My organisation's requests (Fabrikam)", "My organisation's requests (Northwind)");

  @Test
  @Timeout(value = 30, unit = java.util.concurrent.TimeUnit.MINUTES)
  void twoNodesOnAnEmptyDatabase_bothStartAndCreateEverythingOnce() {
    int rounds = Settings.number("reliability.startRounds", 5);
    Figures figures = new Figures("1-start-together", "1. Two nodes start together on an empty database (" + rounds + " rounds)");
    int roundsBothUp = 0;
    try (MailServer mail = MailServer.started()) {
      for (int round = 1; round <= rounds; round++) {
        if (round(round, mail, figures, roundsBothUp == round - 1)) {
          roundsBothUp++;
        }
      }
      figures.add("rounds in which both nodes started", roundsBothUp + " of " + rounds);
    } finally {
      figures.publish();
    }
    figures.assertChecksPass();
  }

  /**
   * One round on a fresh database; answers whether both nodes came up at the first try. After the first round in
   * which a node fails, that node is started again alone, as an operator would, to show whether that recovers.
   */
  private boolean round(int round, MailServer mail, Figures figures, boolean noFailureYet) {
    Database database = Database.fresh("startup");
    try (Cluster cluster = Cluster.of("startup", 2, database, mail, List.of())) {
      List<Cluster.Start> starts = cluster.startTogether();
      boolean bothUp = starts.stream().allMatch(Cluster.Start::healthy);
      figures.check("round " + round + ": both nodes healthy", starts.stream().map(TwoNodesStartTogetherReliabilityIT::describe)
          .collect(Collectors.joining("; ")), bothUp);
      for (Cluster.Start start : starts) {
        if (!start.healthy() && noFailureYet) {
          // what an operator does next: start the failed node again, alone
          start.node().kill();
          String again;
          try {
            again = "healthy after " + Figures.format(start.node().startAndAwaitHealthy());
          } catch (Node.NodeFailedToStart e) {
            again = "failed again: " + e.getMessage();
          }
          figures.add("round " + round + ": " + start.node().name() + " started again alone", again);
        }
      }
      checkCreatedOnce(round, database, figures);
      return bothUp;
    }
  }

  private static String describe(Cluster.Start start) {
    return start.node().name() + (start.healthy() ? " UP after " + Figures.format(start.time()) : " FAILED: " + start.failure());
  }

  private static void checkCreatedOnce(int round, Database database, Figures figures) {
    if (!database.hasTable("act_ru_filter") || !database.hasTable("claims")) {
      figures.check("round " + round + ": schema created", "no schema after the start", false);
      return;
    }
    List<String> filters = database.jdbc().sql("select NAME_ from ACT_RU_FILTER order by NAME_").query(String.class).list();
    Map<String, Long> filterCounts = filters.stream().collect(Collectors.groupingBy(n -> n, java.util.TreeMap::new, Collectors.counting()));
    boolean filtersOnce = FILTERS.stream().allMatch(f -> filterCounts.getOrDefault(f, 0L) == 1) && filterCounts.size() == filters.size();
    figures.check("round " + round + ": each Tasklist filter exactly once", filterCounts.toString(), filtersOnce);

    List<Map<String, Object>> duplicateGrants = database.rows("""
        select TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, count(*) as copies from ACT_RU_AUTHORIZATION
        group by TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_ having count(*) > 1""");
    long grants = database.count("select count(*) from ACT_RU_AUTHORIZATION");
    figures.check("round " + round + ": each authorisation exactly once (type, group/user, resource type and id)",
        grants + " authorisations" + (duplicateGrants.isEmpty() ? ", no duplicate" : ", duplicated: " + duplicateGrants), duplicateGrants.isEmpty() && grants > 0);

    List<Map<String, Object>> definitions = database.rows(
        "select VERSION_, count(*) as copies from ACT_RE_PROCDEF where KEY_ = 'AssociationClaimProcess' group by VERSION_ order by VERSION_");
    long deployments = database.count("select count(*) from ACT_RE_DEPLOYMENT");
    boolean oneDeployment = definitions.size() == 1 && ((Number) definitions.get(0).get("copies")).longValue() == 1 && deployments == 1;
    figures.check("round " + round + ": the process deployed once (versions, deployments)",
        "versions " + definitions + ", deployments " + deployments, oneDeployment);

    long users = database.count("select count(*) from ACT_ID_USER");
    long memberships = database.count("select count(*) from ACT_ID_MEMBERSHIP");
    long organisations = database.count("select count(*) from organisations");
    figures.check("round " + round + ": demo users, memberships and organisations complete",
        users + " users, " + memberships + " memberships, " + organisations + " organisations", users == 7 && memberships == 13 && organisations == 2);
  }
}
