package org.cpor.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 6. Partner clients at once against two nodes behind a round-robin load balancer, for a while: each submits a claim
 * (half of them as the portal's form does it, in one multipart request; the others as the API describes first, PoE
 * upload then JSON), reads it back ({@code GET /api/claims/{id}}) and lists its organisation's claims
 * ({@code GET /api/claims}), again and again without pause. No call may fail. While they run, the database's sessions
 * are sampled: how many wait for a lock, and in which statement. Sizes: {@code -Dreliability.loadClients} (default 50),
 * {@code -Dreliability.loadSeconds} (default 120), {@code -Dreliability.loadMultipartPercent} (default 50).
 */
class LoadHeldReliabilityIT {

  private static final String RUN = "load";
  private static final int READS_PER_SUBMISSION = 3;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void partnerClientsSubmittingAndReading_againstTwoNodes_withoutErrors() throws InterruptedException {
    int clients = Settings.number("reliability.loadClients", 50);
    int multipartPercent = Settings.number("reliability.loadMultipartPercent", 50);
    Duration length = Duration.ofSeconds(Settings.number("reliability.loadSeconds", 120));
    Figures figures = new Figures("6-load", "6. Load held: " + clients + " partner clients for " + Figures.format(length) + " against two nodes");
    Database database = Database.fresh(RUN);
    Api api = new Api();
    Latencies submitsTwoStep = new Latencies();
    Latencies submitsMultipart = new Latencies();
    Latencies reads = new Latencies();
    Latencies lists = new Latencies();
    AtomicInteger numbers = new AtomicInteger();
    AtomicLong errorsTwoStep = new AtomicLong();
    AtomicLong errorsMultipart = new AtomicLong();
    AtomicLong errorsReading = new AtomicLong();
    List<String> examples = new CopyOnWriteArrayList<>();
    Map<String, AtomicLong> perNode = new ConcurrentHashMap<>();
    try (MailServer mail = MailServer.started(); Cluster cluster = Cluster.of(RUN, 2, database, mail, List.of())) {
      cluster.startOneAfterAnother();
      Instant start = Instant.now();
      Instant end = start.plus(length);
      LockSampler locks = new LockSampler(database);
      Thread sampler = new Thread(() -> locks.sampleUntil(end), "lock-sampler");
      sampler.start();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      for (int c = 0; c < clients; c++) {
        pool.submit(() -> {
          List<String> mine = new ArrayList<>();
          while (Instant.now().isBefore(end)) {
            int number = numbers.getAndIncrement();
            Claims.Partner partner = Claims.partnerOf(number);
            boolean multipart = number % 100 < multipartPercent;
            Node node = cluster.next();
            perNode.computeIfAbsent(node.name(), n -> new AtomicLong()).incrementAndGet();
            Api.Response created = call(examples, multipart ? errorsMultipart : errorsTwoStep, multipart ? "multipart submission" : "submission",
                () -> multipart ? api.submitMultipart(node, partner.admin(), Claims.body(RUN, number), null)
                    : api.submit(node, partner.admin(), Claims.body(RUN, number), null), 201);
            if (created != null) {
              (multipart ? submitsMultipart : submitsTwoStep).add(created.latency());
              mine.add(created.json().get("id").asText() + " " + partner.admin());
            }
            for (int r = 0; r < READS_PER_SUBMISSION && !mine.isEmpty(); r++) {
              String[] own = mine.get(ThreadLocalRandom.current().nextInt(mine.size())).split(" ");
              Node reader = cluster.next();
              perNode.computeIfAbsent(reader.name(), n -> new AtomicLong()).incrementAndGet();
              Api.Response read = call(examples, errorsReading, "read", () -> api.claim(reader, own[1], own[0]), 200);
              if (read != null) {
                reads.add(read.latency());
              }
            }
            Node lister = cluster.next();
            perNode.computeIfAbsent(lister.name(), n -> new AtomicLong()).incrementAndGet();
            Api.Response list = call(examples, errorsReading, "list", () -> api.get(lister, partner.admin(), "/api/claims?size=20"), 200);
            if (list != null) {
              lists.add(list.latency());
            }
          }
        });
      }
      pool.shutdown();
      boolean ended = pool.awaitTermination(length.toSeconds() + 300, TimeUnit.SECONDS);
      Duration took = Duration.between(start, Instant.now());
      double seconds = took.toMillis() / 1000.0;
      long requests = submitsTwoStep.count() * 2L + submitsMultipart.count() + reads.count() + lists.count()
          + errorsTwoStep.get() + errorsMultipart.get() + errorsReading.get();
      figures.add("clients ended within 5 min of the end", ended);
      figures.add("submissions, PoE upload + JSON (2 requests)", submitsTwoStep.count() + "; " + submitsTwoStep.summary());
      figures.add("submissions, one multipart request (" + multipartPercent + "% of them)", submitsMultipart.count() + "; " + submitsMultipart.summary());
      figures.add("reads GET /api/claims/{id}", reads.count() + "; " + reads.summary());
      figures.add("lists GET /api/claims", lists.count() + "; " + lists.summary());
      figures.add("throughput", String.format(java.util.Locale.ROOT, "%.1f requests/s, %.1f claims submitted/s",
          requests / seconds, (submitsTwoStep.count() + submitsMultipart.count()) / seconds));
      figures.add("calls per node (round-robin)", new java.util.TreeMap<>(perNode));
      sampler.join();
      figures.add("database sessions of the nodes, most at once: all / active / waiting for a lock", locks.summary());
      locks.statementsWaitedIn().forEach(w -> figures.note("sessions waited for a lock in: " + w));
      figures.check("errors: submissions PoE upload + JSON", errorsTwoStep.get(), errorsTwoStep.get() == 0);
      figures.check("errors: multipart submissions", errorsMultipart.get(), errorsMultipart.get() == 0);
      figures.check("errors: reads and lists", errorsReading.get(), errorsReading.get() == 0);
      long stored = database.count("select count(*) from claims");
      long answered = submitsTwoStep.count() + submitsMultipart.count();
      figures.check("claims in the store = submissions answered 201", stored + " stored, " + answered + " answered 201", stored == answered);
      examples.stream().limit(5).forEach(e -> figures.note("error: " + e));
    } finally {
      figures.publish();
    }
    figures.assertChecksPass();
  }

  /** One call; null (and the error counted, with an example kept) when it fails or answers another status. */
  private static Api.Response call(List<String> examples, AtomicLong errors, String what, java.util.function.Supplier<Api.Response> call, int expected) {
    try {
      Api.Response response = call.get();
      if (response.status() == expected) {
        return response;
      }
      errors.incrementAndGet();
      if (examples.size() < 20) {
        examples.add(what + ": " + response.status() + " " + Api.abbreviate(response.body()));
      }
    } catch (RuntimeException e) {
      errors.incrementAndGet();
      if (examples.size() < 20) {
        examples.add(what + ": " + e);
      }
    }
    return null;
  }
}
