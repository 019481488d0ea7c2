package org.cpor.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Many clients at once: {@code count} calls spread over {@code clients} threads. */
public final class Parallel {

  private Parallel() {}

  /** Runs {@code call(i)} for every i below {@code count}; answers the results in order, or throws the first failure. */
  public static <T> List<T> map(int clients, int count, IntFunction<T> call) {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> call.apply(index)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
