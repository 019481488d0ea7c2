package org.cpor.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Kills a node with SIGKILL at random moments and starts it again at once, as a supervisor would: each time a random
 * node while the others serve (so that clients always find one), after a random pause. Runs until it has killed
 * {@code minimumKills} times and {@code enough} says so.
 */
final class NodeKiller implements Runnable {

  /** One kill: which node, when, and how long it took to serve again. */
  record Kill(String node, Instant at, Duration restart, String failure) {}

  private final Cluster cluster;
  private final int minimumKills;
  private final BooleanSupplier enough;
  private final Random random;
  private final List<Kill> kills = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  NodeKiller(Cluster cluster, int minimumKills, BooleanSupplier enough, long seed) {
    this.cluster = cluster;
    this.minimumKills = minimumKills;
    this.enough = enough;
    this.random = new Random(seed);
  }

  List<Kill> kills() {
    return kills;
  }

  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    while (!stopped && (kills.size() < minimumKills || !enough.getAsBoolean())) {
      Node.sleep(2000 + random.nextInt(8000));
      List<Node> serving = cluster.nodes().stream().filter(Node::isHealthy).toList();
      if (serving.size() < cluster.nodes().size()) {
        continue;
      }
      Node victim = serving.get(random.nextInt(serving.size()));
      Instant at = Instant.now();
      victim.kill();
      Duration restart = null;
      String failure = null;
      try {
        restart = victim.startAndAwaitHealthy();
      } catch (Node.NodeFailedToStart e) {
        failure = e.getMessage();
        // a node that does not come back is started once more; a second failure is left for the test to see
        victim.kill();
        try {
          restart = victim.startAndAwaitHealthy();
        } catch (Node.NodeFailedToStart again) {
          failure += "; again: " + again.getMessage();
        }
      }
      kills.add(new Kill(victim.name(), at, restart, failure));
    }
  }

  /** The kill last before {@code moment}, or null. */
  Kill lastBefore(Instant moment) {
    Kill last = null;
    for (Kill kill : kills) {
      if (kill.at().isBefore(moment)) {
        last = kill;
      }
    }
    return last;
  }
}
