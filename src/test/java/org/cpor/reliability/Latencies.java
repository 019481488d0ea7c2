package org.cpor.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies of one kind of call, for percentiles. */
public final class Latencies {

  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  public void add(Duration latency) {
    nanos.add(latency.toNanos());
  }

  public int count() {
    return nanos.size();
  }

  /** The p-th percentile (nearest rank), e.g. 50 or 99; zero when nothing was measured. */
  public Duration percentile(double p) {
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

  public Duration max() {
    return percentile(100);
  }

  /** {@code p50 / p99 / max} in milliseconds. */
  public String summary() {
    return "p50 " + percentile(50).toMillis() + " ms, p99 " + percentile(99).toMillis() + " ms, max " + max().toMillis() + " ms (n=" + count() + ")";
  }
}
