package org.cpor.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the product: the packaged jar started with {@code java -jar} as an OS process, with the postgres
 * profile, the shared database, the shared customer-link key, the demo data, its own port and Camunda host name, and
 * the test's SMTP server. Its output goes to {@code target/reliability/<name>.log}, each start marked there.
 */
public final class Node {

  /** The key that signs customer links: the same on every node of a run, as the README requires. */
  public static final String LINK_KEY = randomKey();

  private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  private final String name;
  private final int port;
  private final String jdbcUrl;
  private final String mailHost;
  private final int mailPort;
  private final List<String> extraArguments;
  private final Path log;
  private Process process;
  private long logOffset;
  private int starts;
  private Instant startedAt;
  private boolean ready;
  /** Healthy since its last start, as a load balancer's health check would see it; false from a kill or stop on. */
  private volatile boolean serving;

  public Node(String name, Database database, String mailHost, int mailPort, List<String> extraArguments) {
    this(name, database.jdbcUrl(), mailHost, mailPort, extraArguments);
  }

  /** A node on the database at {@code jdbcUrl} (PostgreSQL, or H2 for contrast). */
  public Node(String name, String jdbcUrl, String mailHost, int mailPort, List<String> extraArguments) {
    this.name = name;
    this.port = freePort();
    this.jdbcUrl = jdbcUrl;
    this.mailHost = mailHost;
    this.mailPort = mailPort;
    this.extraArguments = List.copyOf(extraArguments);
    this.log = Settings.output().resolve(name + ".log");
    Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "kill-" + name));
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  /** Launches the process and returns at once; see {@link #awaitHealthy()}. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    try {
      Files.createDirectories(log.getParent());
      starts++;
      logOffset = Files.exists(log) ? Files.size(log) : 0;
      Files.writeString(log, "%n===== %s: start #%d of %s on port %d =====%n".formatted(Instant.now(), starts, name, port),
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      logOffset = Files.size(log);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(Settings.jvmOptions());
      command.add("-jar");
      command.add(Settings.jar().toAbsolutePath().toString());
      command.add("--spring.mail.host=" + mailHost);
      command.add("--spring.mail.port=" + mailPort);
      command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
      command.addAll(extraArguments);
      ProcessBuilder builder = new ProcessBuilder(command).directory(log.getParent().toFile())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      Map<String, String> environment = builder.environment();
      // whatever the developer's shell sets for the product stays out: the node gets exactly these
      environment.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("CPOR_") || key.startsWith("CAMUNDA_"));
      environment.put("SPRING_PROFILES_ACTIVE", "postgres");
      environment.put("CPOR_DB_URL", jdbcUrl);
      environment.put("CPOR_DB_USER", Settings.dbUser());
      environment.put("CPOR_DB_PASSWORD", Settings.dbPassword());
      environment.put("CPOR_CUSTOMER_LINK_KEY", LINK_KEY);
      environment.put("CPOR_DEMO_DATA", "true");
      environment.put("PORT", Integer.toString(port));
      environment.put("TZ", "UTC");
      startedAt = Instant.now();
      ready = false;
      serving = false;
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the node and waits until its health check answers UP; returns how long that took. */
  public Duration startAndAwaitHealthy() {
    start();
    return awaitHealthy();
  }

  /**
   * Waits until the node is ready: {@code /actuator/health} answers UP (and {@code /actuator/health/readiness}, where
   * the product has it), and its start-up work is done (the readiness probe says so, or, without one, see
   * {@link #startupWorkDone()}). Throws
   * {@link NodeFailedToStart} (with the cause from its log) when the process ends first or the start timeout passes.
   * Returns the time since {@link #start()}.
   */
  public Duration awaitHealthy() {
    Instant deadline = Instant.now().plus(Settings.startTimeout());
    while (Instant.now().isBefore(deadline)) {
      if (!isAlive()) {
        throw new NodeFailedToStart(name + " ended during its start (exit " + exitValue() + "): " + failureFromLog());
      }
      if ((startupWorkDone() || readinessUp()) && isHealthy()) {
        serving = true;
        return Duration.between(startedAt, Instant.now());
      }
      sleep(250);
    }
    throw new NodeFailedToStart(name + " was not healthy after " + Settings.startTimeout().toSeconds() + " s: " + failureFromLog());
  }

  /** {@code GET /actuator/health} answers 200 with status UP, and so does the readiness group where there is one. */
  public boolean isHealthy() {
    HttpResponse<String> health = probe("/actuator/health");
    if (health == null || health.statusCode() != 200 || !health.body().contains("\"UP\"")) {
      return false;
    }
    HttpResponse<String> readiness = probe("/actuator/health/readiness");
    return readiness != null && (readiness.statusCode() == 404 || readiness.statusCode() == 200 && readiness.body().contains("\"UP\""));
  }

  /** {@code /actuator/health/readiness} answers UP: Spring Boot says so only once the application runners have run. */
  public boolean readinessUp() {
    HttpResponse<String> readiness = probe("/actuator/health/readiness");
    return readiness != null && readiness.statusCode() == 200 && readiness.body().contains("\"UP\"");
  }

  /**
   * Spring Boot serves HTTP, and answers health UP, before the application runners have run (the demo users, the
   * authorisations and the Tasklist filters). The first thing a node logs once they have run is springdoc's notice on
   * ApplicationReadyEvent; this start has logged it.
   */
  public synchronized boolean startupWorkDone() {
    if (!ready) {
      ready = logSinceStart().stream().anyMatch(line -> line.contains("SpringDocAppInitializer"));
    }
    return ready;
  }

  /** A GET with a 3 s limit; null when the node does not answer. */
  public HttpResponse<String> probe(String path) {
    try {
      return PROBE.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The node has become healthy since it was last started, and has not been killed or stopped since. */
  public boolean isServing() {
    return serving && isAlive();
  }

  /** The operating system's process ID of the running node (its JVM). */
  public synchronized long pid() {
    if (process == null || !process.isAlive()) {
      throw new IllegalStateException(name + " is not running");
    }
    return process.pid();
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized Integer exitValue() {
    return process == null || process.isAlive() ? null : process.exitValue();
  }

  /** SIGKILL ({@code Process.destroyForcibly()} on Linux): no shutdown hook, no graceful end of anything. */
  public synchronized void kill() {
    serving = false;
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      waitForEnd(Duration.ofSeconds(30));
    }
  }

  /** SIGTERM: Spring's graceful shutdown; killed when it takes longer than 60 s. */
  public synchronized void stop() {
    serving = false;
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!waitForEnd(Duration.ofSeconds(60))) {
        kill();
      }
    }
  }

  private boolean waitForEnd(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What this start wrote to the log: the failure analysis, else the last cause, else the last error line. */
  public String failureFromLog() {
    List<String> lines = logSinceStart();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("APPLICATION FAILED TO START")) {
        return String.join(" ", lines.subList(i + 1, Math.min(lines.size(), i + 8))).replaceAll("\\s+", " ").strip();
      }
    }
    String cause = null;
    String error = null;
    for (String line : lines) {
      if (line.startsWith("Caused by:")) {
        cause = line;
      } else if (line.contains(" ERROR ")) {
        error = line;
      }
    }
    return cause != null ? cause : error != null ? error : "(nothing in " + log + ")";
  }

  /** The lines this start wrote to the log. */
  public List<String> logSinceStart() {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(log)) {
      long size = channel.size();
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) Math.max(0, size - logOffset));
      channel.read(buffer, logOffset);
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ")";
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** A node that ended or never became healthy; the message carries the cause from its log. */
  public static final class NodeFailedToStart extends RuntimeException {
    NodeFailedToStart(String message) {
      super(message);
    }
  }
}
