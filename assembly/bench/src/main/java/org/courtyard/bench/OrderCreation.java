package org.courtyard.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The create comparison's two writers, each with the same number of client threads taking the next
 * order as soon as the last one is written: {@code POST /workorders/orders} with the owner token,
 * and {@link PlainJdbcOrders} into the plain schema. Progress (orders/s) is printed every few
 * seconds while they run.
 */
final class OrderCreation {

  private OrderCreation() {}

  /** What one pass wrote: orders, seconds, each order's milliseconds. */
  record Pass(int orders, double seconds, List<Double> ms) {
    double rate() {
      return orders / seconds;
    }
  }

  /** Creates the tenant's orders {@code 0..count-1} through the API; fills {@code ids}. */
  static Pass api(BenchHttp http, WorkordersFixture f, int count, int threads, long[] ids)
      throws Exception {
    return run(
        "API  " + f.slug,
        count,
        threads,
        () ->
            i -> {
              String body = BenchHttp.JSON.writeValueAsString(f.order(i).body());
              HttpResponse<String> r =
                  http.send(
                      HttpRequest.newBuilder(URI.create(http.base + "/workorders/orders"))
                          .header("Authorization", f.owner)
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body)));
              BenchHttp.expect(r, 201, "POST /workorders/orders");
              ids[i] = BenchHttp.JSON.readTree(r.body()).path("id").asLong();
            });
  }

  /** Writes the same orders by plain JDBC into {@code schema}, one connection per thread. */
  static Pass plain(
      BenchSupport.Database db,
      WorkordersFixture f,
      String schema,
      Map<String, Long> categoryIds,
      int warnPercent,
      int count,
      int threads)
      throws Exception {
    List<PlainJdbcOrders.Writer> writers = Collections.synchronizedList(new ArrayList<>());
    try {
      return run(
          "JDBC " + schema,
          count,
          threads,
          () -> {
            PlainJdbcOrders.Writer w = new PlainJdbcOrders.Writer(db, schema, warnPercent);
            writers.add(w);
            return i -> {
              WorkordersFixture.Order o = f.order(i);
              w.write(o, categoryIds.get(o.categoryCode()));
            };
          });
    } finally {
      for (PlainJdbcOrders.Writer w : writers) {
        w.close();
      }
    }
  }

  /** One writer thread's way of writing order {@code i}. */
  interface Step {
    void write(int i) throws Exception;
  }

  /** Makes a thread's {@link Step}, opening what it holds (a connection) before the clock runs. */
  interface StepFactory {
    Step open() throws Exception;
  }

  /**
   * Runs {@code count} steps on {@code threads} threads, printing progress every three seconds.
   * Each thread opens its step before a common start, so connections are not timed.
   */
  static Pass run(String label, int count, int threads, StepFactory factory) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon());
    List<Double> ms = Collections.synchronizedList(new ArrayList<>(count));
    AtomicInteger next = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    List<Step> steps = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      steps.add(factory.open());
    }
    long start = System.nanoTime();
    long[] last = {start, 0};
    ticker.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          long d = done.get();
          System.out.printf(
              Locale.ROOT,
              "    %s: %,d/%,d orders, %,.0f orders/s%n",
              label,
              d,
              count,
              (d - last[1]) / ((now - last[0]) / 1e9));
          last[0] = now;
          last[1] = d;
        },
        3,
        3,
        TimeUnit.SECONDS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Step step : steps) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long s = System.nanoTime();
                    step.write(i);
                    ms.add((System.nanoTime() - s) / 1e6);
                    done.incrementAndGet();
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      ticker.shutdownNow();
      pool.shutdownNow();
    }
    return new Pass(count, (System.nanoTime() - start) / 1e9, ms);
  }

  static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "bench-progress");
      t.setDaemon(true);
      return t;
    };
  }
}
