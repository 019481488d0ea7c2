package org.cpor.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one kind of call, for percentiles. */
final class Latencies {

  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  void add(Duration latency) {
    nanos.add(latency.toNanos());
  }

  int count() {
    return nanos.size();
  }

  /** The p-th percentile (nearest rank), e.g. 50 or 99; zero when nothing was measured. */
  Duration percentile(double p) {
    List<Long> sorted;
    synchronized (nanos) {
      sorted = new ArrayList<>(nanos);
    }
    if (sorted.isEmpty()) {
      return Duration.ZERO;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return Duration.ofNanos(sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))));
  }

  Duration max() {
    return percentile(100);
  }

  /** {@code p50 / p99 / max} in milliseconds. */
  String summary() {
    return "p50 " + percentile(50).toMillis() + " ms, p99 " + percentile(99).toMillis() + " ms, max " + max().toMillis() + " ms (n=" + count() + ")";
  }
}
