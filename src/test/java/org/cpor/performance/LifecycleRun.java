package org.cpor.performance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import org.cpor.reliability.Latencies;
import org.cpor.reliability.Node;

/**
 * Claim lifecycles driven for a while by {@code clients} at once, and what they cost: how many ended in the measured
 * window, the CPU of the JVM that ran the product (or the bare engine) and of PostgreSQL, what the database did, and
 * the latency of each kind of call and of whole lifecycles.
 */
public record LifecycleRun(String what, int clients, int lifecycles, Duration elapsed, long applicationCpuNanos,
    long postgresCpuNanos, PostgresActivity database, Map<String, Latencies> calls, Latencies lifecycle) {

  /** The same figures under another name. */
  public LifecycleRun named(String name) {
    return new LifecycleRun(name, clients, lifecycles, elapsed, applicationCpuNanos, postgresCpuNanos, database, calls, lifecycle);
  }

  public double perSecond() {
    return lifecycles / (elapsed.toNanos() / 1e9);
  }

  public double applicationCpuMillisPerLifecycle() {
    return perLifecycle(applicationCpuNanos / 1e6);
  }

  /** NaN when PostgreSQL's processes cannot be read (another machine). */
  public double postgresCpuMillisPerLifecycle() {
    return postgresCpuNanos < 0 ? Double.NaN : perLifecycle(postgresCpuNanos / 1e6);
  }

  public double cpuMillisPerLifecycle() {
    return applicationCpuMillisPerLifecycle() + (postgresCpuNanos < 0 ? 0 : postgresCpuMillisPerLifecycle());
  }

  /** NaN when pg_stat_statements is not loaded. */
  public double statementsPerLifecycle() {
    return database.statements() == PostgresActivity.UNKNOWN ? Double.NaN : perLifecycle(database.statements());
  }

  /** NaN where the database is not PostgreSQL. */
  public double rowsWrittenPerLifecycle() {
    return known(database.rowsWritten());
  }

  public double rowsReadPerLifecycle() {
    return known(database.rowsRead());
  }

  public double commitsPerLifecycle() {
    return known(database.commits());
  }

  /** HTTP (or in-process) calls made in the window per lifecycle that ended in it. */
  public double callsPerLifecycle() {
    return perLifecycle(calls.values().stream().mapToInt(Latencies::count).sum());
  }

  private double known(long amount) {
    return amount == PostgresActivity.UNKNOWN ? Double.NaN : perLifecycle(amount);
  }

  private double perLifecycle(double amount) {
    return lifecycles == 0 ? Double.NaN : amount / lifecycles;
  }

  /** A lifecycle that has not ended within this is a failure of the run. */
  private static final Duration LIFECYCLE_LIMIT = Duration.ofSeconds(60);

  /**
   * {@code clients} threads repeat {@code lifecycle} (given the window while it is measured, else null, and a number
   * of its own) for {@code warmup}, then for {@code measured}, opening the window with {@code start}; the window lasts
   * until at least one lifecycle has ended in it (a cold start may be slower than a short window). A lifecycle counts
   * when it began and ended inside the window. The first failure stops the run and is thrown.
   */
  static LifecycleRun drive(String what, int clients, Duration warmup, Duration measured, Supplier<Window> start,
      ObjIntConsumer<Window> lifecycle) {
    AtomicReference<Window> window = new AtomicReference<>();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger numbers = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread thread = new Thread(() -> {
        while (!stop.get() && failure.get() == null) {
          Window measuring = window.get();
          long began = System.nanoTime();
          try {
            lifecycle.accept(measuring, numbers.incrementAndGet());
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            return;
          }
          if (measuring != null && !stop.get()) {
            measuring.lifecycle.add(Duration.ofNanos(System.nanoTime() - began));
            completed.incrementAndGet();
          }
        }
      }, "client-" + c);
      threads.add(thread);
      thread.start();
    }
    Node.sleep(warmup.toMillis());
    window.set(start.get());
    Node.sleep(measured.toMillis());
    long giveUp = System.nanoTime() + LIFECYCLE_LIMIT.toNanos();
    while (completed.get() == 0 && failure.get() == null && System.nanoTime() < giveUp) {
      Node.sleep(100);
    }
    stop.set(true);
    LifecycleRun run = window.get().end(what, clients, completed.get());
    for (Thread thread : threads) {
      try {
        thread.join(2 * LIFECYCLE_LIMIT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException(what + ": a lifecycle failed at " + clients + " clients: " + failure.get(), failure.get());
    }
    return run;
  }

  /**
   * Takes the counters at the start of a measured window; {@link #end} makes the run. {@code applicationPid} is the
   * process whose CPU counts as the application's (the node's JVM, or this JVM for in-process runs); {@code jdbcUrl}
   * is its PostgreSQL database, or null (H2: no database figures).
   */
  public static Window start(long applicationPid, String jdbcUrl, String user, String password) {
    return new Window(applicationPid, jdbcUrl, user, password);
  }

  /** The counters at the start of a measured window. */
  public static final class Window {
    private final long applicationPid;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final PostgresActivity database;
    private final long applicationCpu;
    private final long postgresCpu;
    private final long started;
    public final Map<String, Latencies> calls = new LinkedHashMap<>();
    public final Latencies lifecycle = new Latencies();

    private Window(long applicationPid, String jdbcUrl, String user, String password) {
      this.applicationPid = applicationPid;
      this.jdbcUrl = jdbcUrl;
      this.user = user;
      this.password = password;
      this.database = jdbcUrl == null ? PostgresActivity.NONE : PostgresActivity.of(jdbcUrl, user, password);
      this.applicationCpu = Cpu.ofProcess(applicationPid);
      this.postgresCpu = jdbcUrl == null ? -1 : Cpu.ofPostgres();
      this.started = System.nanoTime();
    }

    /** The latencies of one kind of call, e.g. {@code POST /api/claims}. */
    public synchronized Latencies call(String name) {
      return calls.computeIfAbsent(name, n -> new Latencies());
    }

    /** The run: {@code lifecycles} ended in the window, which ends now. */
    public LifecycleRun end(String what, int clients, int lifecycles) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      long applicationCpuNow = Cpu.ofProcess(applicationPid);
      long postgresCpuNow = jdbcUrl == null ? -1 : Cpu.ofPostgres();
      PostgresActivity activity = jdbcUrl == null ? PostgresActivity.NONE : PostgresActivity.of(jdbcUrl, user, password).since(database);
      return new LifecycleRun(what, clients, lifecycles, elapsed, applicationCpuNow - applicationCpu,
          postgresCpu < 0 || postgresCpuNow < 0 ? -1 : postgresCpuNow - postgresCpu, activity, Map.copyOf(calls), lifecycle);
    }
  }
}
