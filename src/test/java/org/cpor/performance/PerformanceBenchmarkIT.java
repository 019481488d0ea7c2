package org.cpor.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cpor.reliability.Database;
import org.cpor.reliability.Latencies;
import org.cpor.reliability.MailServer;
import org.cpor.reliability.Node;
import org.cpor.reliability.Settings;
import org.junit.jupiter.api.Test;

/**
 * The performance benchmark ({@code ./mvnw verify -Pbench}; docs/PERFORMANCE.md): claim lifecycles over HTTP against
 * the packaged application on PostgreSQL (and H2), the bare engine and the product's use cases in-process on the same
 * PostgreSQL, reads with many claims in the store, many opt-out windows falling due at once, and memory. It prints one
 * report and writes it to {@code target/bench/report.md}. It asserts nothing about speed: only that every part ran.
 * Sizes are system properties ({@code -Dbench.…}); {@code -Dbench.smoke=true} is the short run CI makes.
 */
class PerformanceBenchmarkIT {

  private static final boolean SMOKE = Boolean.parseBoolean(Settings.text("bench.smoke", "false"));
  private static final List<Integer> CLIENTS = numbers("bench.clients", SMOKE ? "8" : "1,8,16,32");
  /** The client count whose figures are compared with the bare engine's. */
  private static final int COMPARED_CLIENTS = Settings.number("bench.comparedClients", 8);
  private static final Duration WARMUP = Duration.ofSeconds(Settings.number("bench.warmupSeconds", SMOKE ? 3 : 20));
  private static final Duration MEASURED = Duration.ofSeconds(Settings.number("bench.seconds", SMOKE ? 6 : 60));
  private static final boolean H2 = Boolean.parseBoolean(Settings.text("bench.h2", SMOKE ? "false" : "true"));
  private static final List<Integer> READ_CLAIMS = numbers("bench.readClaims", SMOKE ? "1000" : "10000,100000,1000000");
  private static final int READ_SAMPLES = Settings.number("bench.readSamples", SMOKE ? 20 : 200);
  private static final int TIMER_WINDOWS = Settings.number("bench.timerWindows", SMOKE ? 100 : 10_000);
  private static final List<Integer> TIMER_NODES = numbers("bench.timerNodes", SMOKE ? "2" : "1,2");
  /** How often the compared lifecycles (over HTTP, in-process, bare engine) run: the ratios are their medians. */
  private static final int ROUNDS = Settings.number("bench.rounds", SMOKE ? 1 : 3);

  private final Report report = new Report(Settings.output().resolve("report.md"));

  @Test
  void benchmark() {
    Database database = Database.fresh("http");
    report.line("## Performance benchmark" + (SMOKE ? " (smoke run: sizes too small for figures)" : ""));
    report.line("");
    report.line("Machine: " + machine(database));
    report.line("Command: `./mvnw verify -Pbench` " + String.join(" ", benchProperties()));

    List<LifecycleRun> overHttp = new ArrayList<>();
    List<LifecycleRun> comparedOverHttp = new ArrayList<>();
    List<LifecycleRun> ran = new ArrayList<>();
    try (MailServer mail = MailServer.started()) {
      Node node = new Node("bench-node", database, mail.host(), mail.port(), List.of());
      try {
        node.startAndAwaitHealthy();
        HttpLifecycles driver = new HttpLifecycles(node, database.jdbcUrl(), Settings.dbUser(), Settings.dbPassword());
        for (int clients : CLIENTS) {
          overHttp.add(driver.run("product over HTTP, PostgreSQL", clients, WARMUP, MEASURED));
        }
        long rss = Cpu.residentBytes(node.pid());
        long heap = Memory.heapAfterFullGc(node.pid());
        lifecycles("1. Claim lifecycles over HTTP (PostgreSQL, job executor on)", overHttp);
        calls(overHttp);
        memory(heap, rss);
        comparedOverHttp.add(overHttp.stream().filter(r -> r.clients() == COMPARED_CLIENTS).findFirst().orElse(overHttp.get(0)));
        for (int round = 2; round <= ROUNDS; round++) {
          comparedOverHttp.add(driver.run("product over HTTP, PostgreSQL", comparedOverHttp.get(0).clients(), WARMUP, MEASURED));
        }
        reads(ReadsWithData.run(node, database, READ_CLAIMS, READ_SAMPLES));
      } finally {
        node.stop();
      }
      if (H2) {
        h2(mail);
      }
      List<LifecycleRun> bare = new ArrayList<>();
      for (int round = 1; round <= ROUNDS; round++) {
        bare.add(BareEngine.run(Database.fresh("bare").jdbcUrl(), Settings.dbUser(), Settings.dbPassword(),
            COMPARED_CLIENTS, WARMUP, MEASURED));
      }
      List<LifecycleRun> inProcess = new ArrayList<>();
      try (InProcessProduct product = InProcessProduct.start(Database.fresh("inprocess"), mail)) {
        for (int round = 1; round <= ROUNDS; round++) {
          inProcess.add(product.run(COMPARED_CLIENTS, WARMUP, MEASURED));
        }
      }
      comparison(comparedOverHttp, inProcess, bare);
      ran.addAll(overHttp);
      ran.addAll(comparedOverHttp);
      ran.addAll(inProcess);
      ran.addAll(bare);
    }
    List<TimerBurst.Result> bursts = TimerBurst.run(TIMER_WINDOWS, TIMER_NODES.stream().mapToInt(Integer::intValue).toArray());
    timerBursts(bursts);
    report.write();
    // nothing about speed: only that every part ran (a timer burst whose claims do not all become OFFICIAL throws)
    ran.forEach(run -> assertThat(run.lifecycles()).as(run.what() + ", " + run.clients() + " clients: lifecycles").isPositive());
  }

  private void memory(long heap, long rss) {
    report.section("5. Memory of the application (after the lifecycles above)");
    report.table("what", "value");
    report.row("heap in use after a full GC", Report.megabytes(heap));
    report.row("resident set size at the end of the " + CLIENTS.get(CLIENTS.size() - 1) + "-client run", Report.megabytes(rss));
  }

  /**
   * Each kind of run {@link #ROUNDS} times: every run's figures, each round's ratios, and the medians of the rate and
   * of the CPU per lifecycle of each kind, whose ratios are the result.
   */
  private void comparison(List<LifecycleRun> overHttp, List<LifecycleRun> inProcess, List<LifecycleRun> bare) {
    List<LifecycleRun> all = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (LifecycleRun run : List.of(overHttp.get(round), inProcess.get(round), bare.get(round))) {
        all.add(ROUNDS > 1 ? run.named(run.what() + ", round " + (round + 1)) : run);
      }
    }
    lifecycles("2. The same lifecycle: the product over HTTP, its use cases in-process, the bare engine (same PostgreSQL"
        + (ROUNDS > 1 ? "; " + ROUNDS + " rounds" : "") + ")", all);
    report.line("");
    report.table("ratio to the bare engine", "lifecycles/s", "target", "CPU ms per lifecycle (application + PostgreSQL)", "target");
    for (int round = 0; round < ROUNDS; round++) {
      ratios(ROUNDS > 1 ? ", round " + (round + 1) : "", List.of(overHttp.get(round)), List.of(inProcess.get(round)),
          List.of(bare.get(round)));
    }
    if (ROUNDS > 1) {
      ratios(", median of the rounds", overHttp, inProcess, bare);
    }
  }

  /** The ratios of the medians of the runs (of one run, its own figures). */
  private void ratios(String of, List<LifecycleRun> overHttp, List<LifecycleRun> inProcess, List<LifecycleRun> bare) {
    double bareRate = median(bare, LifecycleRun::perSecond);
    double bareCpu = median(bare, LifecycleRun::cpuMillisPerLifecycle);
    report.row("product over HTTP, " + COMPARED_CLIENTS + " clients" + of, Report.ratio(median(overHttp, LifecycleRun::perSecond), bareRate),
        "≥ 0.4 ×", Report.ratio(median(overHttp, LifecycleRun::cpuMillisPerLifecycle), bareCpu), "≤ 2.5 ×");
    report.row("product in-process, " + COMPARED_CLIENTS + " clients" + of, Report.ratio(median(inProcess, LifecycleRun::perSecond), bareRate),
        "≥ 0.5 ×", Report.ratio(median(inProcess, LifecycleRun::cpuMillisPerLifecycle), bareCpu), "");
  }

  private static double median(List<LifecycleRun> runs, java.util.function.ToDoubleFunction<LifecycleRun> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private void reads(List<ReadsWithData.ReadFigure> figures) {
    report.section("3. Reads with claims in the store (sequential, after a warm-up; " + ReadsWithData.OPEN_TASKS
        + " open validation tasks at every size)");
    report.table("claims in the store", "read", "p50", "p99", "samples");
    figures.forEach(f -> report.row(f.claims(), f.read(), f.p50(), f.p99(), f.samples()));
  }

  private void timerBursts(List<TimerBurst.Result> results) {
    report.section("4. Opt-out windows falling due at once (after a tenth as many as a warm-up)");
    report.table("windows", "nodes", "all OFFICIAL after (s)", "windows/s", "first timer after (s)", "timers per node", "failed attempts",
        "nodes' CPU ms/window", "PG CPU ms/window", "SQL statements/window", "seeding (s)");
    results.forEach(r -> report.row(r.windows(), r.nodes(), r.seconds(), r.windowsPerSecond(), r.firstTimerSeconds(),
        r.timersPerNode(), r.failedAttempts(), r.work().nodeCpuMillisPerWindow(), r.work().postgresCpuMillisPerWindow(),
        r.work().statementsPerWindow(), r.seedingSeconds()));
  }

  private void h2(MailServer mail) {
    Path directory = Settings.output().resolve("h2");
    deleteRecursively(directory);
    Node node = new Node("bench-node-h2", "jdbc:h2:file:" + directory.toAbsolutePath().resolve("cpor") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        mail.host(), mail.port(), List.of());
    try {
      node.startAndAwaitHealthy();
      LifecycleRun run = new HttpLifecycles(node, null, null, null).run("product over HTTP, H2 (file)", COMPARED_CLIENTS, WARMUP, MEASURED);
      lifecycles("1b. The same over HTTP on the embedded H2 database, for contrast", List.of(run));
    } finally {
      node.stop();
    }
  }

  private void lifecycles(String title, List<LifecycleRun> runs) {
    report.section(title);
    report.table("run", "clients", "lifecycles", "lifecycles/s", "lifecycle p50", "lifecycle p99", "app CPU ms/lc", "PG CPU ms/lc",
        "SQL statements/lc", "rows written/lc", "commits/lc", "calls/lc");
    for (LifecycleRun run : runs) {
      report.row(run.what(), run.clients(), run.lifecycles(), run.perSecond(), run.lifecycle().percentile(50), run.lifecycle().percentile(99),
          run.applicationCpuMillisPerLifecycle(), run.postgresCpuMillisPerLifecycle(), run.statementsPerLifecycle(),
          run.rowsWrittenPerLifecycle(), run.commitsPerLifecycle(), run.callsPerLifecycle());
    }
  }

  private void calls(List<LifecycleRun> runs) {
    report.section("1a. Latency per call over HTTP, p50 / p99 (ms)");
    List<String> headers = new ArrayList<>(List.of("call"));
    runs.forEach(r -> headers.add(r.clients() + " clients"));
    report.table(headers.toArray(String[]::new));
    for (String call : HttpLifecycles.CALLS) {
      List<Object> cells = new ArrayList<>(List.of(call));
      for (LifecycleRun run : runs) {
        Latencies latencies = run.calls().get(call);
        cells.add(latencies == null ? "n/a" : latencies.percentile(50).toMillis() + " / " + latencies.percentile(99).toMillis());
      }
      report.row(cells.toArray());
    }
  }

  static String machine(Database database) {
    String memory = "unknown";
    try {
      memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024) + " GB").findFirst().orElse(memory);
    } catch (IOException | RuntimeException e) {
      // stays unknown
    }
    String postgres;
    try {
      postgres = database.jdbc().sql("show server_version").query(String.class).single();
    } catch (RuntimeException e) {
      postgres = "unknown";
    }
    return String.format(Locale.ROOT, "%d cores, %s memory, Java %s (%s), PostgreSQL %s, load average at the start %s",
        Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.version"), System.getProperty("java.vm.name"),
        postgres, org.cpor.reliability.Figures.loadAverage());
  }

  private static List<String> benchProperties() {
    return System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith("bench.")).sorted()
        .map(n -> "-D" + n + "=" + System.getProperty(n)).toList();
  }

  private static List<Integer> numbers(String property, String defaults) {
    return Arrays.stream(Settings.text(property, defaults).split(",")).map(String::strip).map(Integer::parseInt).toList();
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
