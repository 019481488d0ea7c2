package org.cpor.performance;

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
  private static final List<Integer> CLIENTS = numbers("bench.clients", SMOKE ? "1,8" : "1,8,16,32");
  /** The client count whose figures are compared with the bare engine's. */
  private static final int COMPARED_CLIENTS = Settings.number("bench.comparedClients", 8);
  private static final Duration WARMUP = Duration.ofSeconds(Settings.number("bench.warmupSeconds", SMOKE ? 3 : 20));
  private static final Duration MEASURED = Duration.ofSeconds(Settings.number("bench.seconds", SMOKE ? 6 : 60));
  private static final boolean H2 = Boolean.parseBoolean(Settings.text("bench.h2", SMOKE ? "false" : "true"));

  private final Report report = new Report(Settings.output().resolve("report.md"));

  @Test
  void benchmark() {
    Database database = Database.fresh("http");
    report.line("## Performance benchmark" + (SMOKE ? " (smoke run: sizes too small for figures)" : ""));
    report.line("");
    report.line("Machine: " + machine(database));
    report.line("Command: `./mvnw verify -Pbench` " + String.join(" ", benchProperties()));

    List<LifecycleRun> overHttp = new ArrayList<>();
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
        report.section("5. Memory of the application (after the lifecycles above)");
        report.table("what", "value");
        report.row("heap in use after a full GC", Report.megabytes(heap));
        report.row("resident set size at the end of the " + CLIENTS.get(CLIENTS.size() - 1) + "-client run", Report.megabytes(rss));
      } finally {
        node.stop();
      }
      if (H2) {
        h2(mail);
      }
    }
    report.write();
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
