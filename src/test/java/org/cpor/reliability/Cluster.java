package org.cpor.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several nodes of the product on one database and one SMTP server, as an operator runs them behind a load balancer.
 * {@link #next()} is that load balancer (round-robin over the nodes that are up); closing stops every node.
 */
public final class Cluster implements AutoCloseable {

  private final List<Node> nodes;
  private final AtomicInteger turn = new AtomicInteger();

  private Cluster(List<Node> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** Nodes named {@code <prefix>-node-a}, {@code -node-b}, … (also their Camunda host names); not started yet. */
  public static Cluster of(String prefix, int size, Database database, MailServer mail, List<String> extraArguments) {
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      nodes.add(new Node(prefix + "-node-" + (char) ('a' + i), database, mail.host(), mail.port(), extraArguments));
    }
    return new Cluster(nodes);
  }

  public List<Node> nodes() {
    return nodes;
  }

  public Node node(int index) {
    return nodes.get(index);
  }

  /** How one node's start went: its time to healthy, or why it did not get there. */
  public record Start(Node node, Duration time, String failure) {
    public boolean healthy() {
      return failure == null;
    }
  }

  /** Starts every node at the same moment and waits for each until it is healthy or has failed. */
  public List<Start> startTogether() {
    nodes.forEach(Node::start);
    ExecutorService waiting = Executors.newFixedThreadPool(nodes.size());
    try {
      List<Future<Start>> waits = nodes.stream().map(n -> waiting.submit(() -> {
        try {
          return new Start(n, n.awaitHealthy(), null);
        } catch (Node.NodeFailedToStart e) {
          return new Start(n, null, e.getMessage());
        }
      })).toList();
      List<Start> starts = new ArrayList<>();
      for (Future<Start> wait : waits) {
        starts.add(wait.get());
      }
      return starts;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      waiting.shutdownNow();
    }
  }

  /**
   * Starts the nodes one after the other, each once the one before is healthy: the first creates the schema alone.
   * (Started together on an empty database, one of them fails; test 1 shows it.)
   */
  public List<Start> startOneAfterAnother() {
    List<Start> starts = new ArrayList<>();
    for (Node node : nodes) {
      starts.add(new Start(node, node.startAndAwaitHealthy(), null));
    }
    return starts;
  }

  /**
   * The next node in turn that serves (healthy since its start, as a load balancer's health check sees it); else the
   * next that is alive; else simply the next.
   */
  public Node next() {
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
      if (node.isServing()) {
        return node;
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
      if (node.isAlive()) {
        return node;
      }
    }
    return nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
  }

  @Override
  public void close() {
    nodes.parallelStream().forEach(Node::stop);
  }
}
