package org.cpor.reliability;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Looks at PostgreSQL's sessions of one database every second (pg_stat_activity): how many the nodes hold, how many
 * are running a statement, how many wait for a lock, and in which statement they wait.
 */
final class LockSampler {

  private final Database database;
  private final AtomicLong mostSessions = new AtomicLong();
  private final AtomicLong mostActive = new AtomicLong();
  private final AtomicLong mostWaiting = new AtomicLong();
  private final Map<String, AtomicLong> waitedIn = new ConcurrentHashMap<>();

  LockSampler(Database database) {
    this.database = database;
  }

  void sampleUntil(Instant end) {
    while (Instant.now().isBefore(end)) {
      try {
        sample();
      } catch (RuntimeException e) {
        // a sample lost is a sample lost; the next one counts
      }
      Node.sleep(1000);
    }
  }

  private void sample() {
    List<Map<String, Object>> sessions = database.rows("""
        select state, wait_event_type, left(regexp_replace(query, '\\s+', ' ', 'g'), 120) as query from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()""");
    mostSessions.accumulateAndGet(sessions.size(), Math::max);
    mostActive.accumulateAndGet(sessions.stream().filter(s -> "active".equals(s.get("state"))).count(), Math::max);
    List<Map<String, Object>> waiting = sessions.stream().filter(s -> "Lock".equals(s.get("wait_event_type"))).toList();
    mostWaiting.accumulateAndGet(waiting.size(), Math::max);
    waiting.forEach(w -> waitedIn.computeIfAbsent(String.valueOf(w.get("query")), q -> new AtomicLong()).incrementAndGet());
  }

  String summary() {
    return mostSessions.get() + " / " + mostActive.get() + " / " + mostWaiting.get();
  }

  /** The statements sessions were seen waiting in, most often first, with how often. */
  List<String> statementsWaitedIn() {
    return waitedIn.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get())).limit(3)
        .map(e -> e.getValue().get() + "× " + e.getKey()).collect(Collectors.toList());
  }
}
