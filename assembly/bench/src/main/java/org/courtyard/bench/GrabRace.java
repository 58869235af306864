package org.courtyard.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The grab pool (抢单) under contention: a category dispatched by grabbing, {@value #TECHNICIANS}
 * technicians signed in, and round after round one new order in the pool that all of them grab at
 * the same instant (released by a latch). Each round must have exactly one winner (200) and {@value
 * #TECHNICIANS}-1 losers (409); every grab request's latency is kept, winners' and losers' alike.
 */
final class GrabRace {

  static final int TECHNICIANS = 50;
  private static final int WARM_UP_ROUNDS = 2;

  /** All grabs' milliseconds, the winners' alone, and the rounds without exactly one winner. */
  record Result(List<Double> ms, List<Double> winnersMs, int rounds, List<String> failures) {}

  private GrabRace() {}

  static Result run(BenchHttp http, WorkordersFixture f, int rounds) throws Exception {
    Map<String, Object> category = new LinkedHashMap<>();
    category.put("code", "bench-grab");
    category.put("nameEn", "Light bulbs (grab)");
    category.put("nameZh", "更换灯泡（抢单）");
    category.put("kind", "repair");
    category.put("dispatchMode", "grab");
    category.put("responseMinutes", Map.of("normal", 120, "urgent", 60, "emergency", 30));
    category.put("resolutionMinutes", Map.of("normal", 480, "urgent", 240, "emergency", 120));
    long categoryId =
        http.call("POST", "/workorders/categories", f.owner, category, 201).path("id").asLong();
    System.out.printf(Locale.ROOT, "    creating and signing in %d technicians%n", TECHNICIANS);
    List<String> technicians = new ArrayList<>();
    for (int t = 0; t < TECHNICIANS; t++) {
      f.staffUser("grabber" + t, "technician");
      technicians.add(f.signIn("grabber" + t));
    }
    List<Double> all = new ArrayList<>();
    List<Double> winners = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(TECHNICIANS);
    try {
      for (int r = 0; r < WARM_UP_ROUNDS + rounds; r++) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("categoryId", categoryId);
        order.put("description", "Corridor light out 楼道灯不亮, round " + r);
        order.put("estateId", f.estate);
        order.put("place", "Corridor, floor " + (r % 30 + 1));
        order.put("channel", "visit");
        long id = http.call("POST", "/workorders/orders", f.owner, order, 201).path("id").asLong();
        URI grab = URI.create(http.base + "/workorders/orders/" + id + "/grab");
        CountDownLatch ready = new CountDownLatch(TECHNICIANS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<double[]>> replies = new ArrayList<>();
        for (String tech : technicians) {
          replies.add(
              pool.submit(
                  () -> {
                    HttpRequest.Builder b =
                        HttpRequest.newBuilder(grab)
                            .header("Authorization", tech)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"));
                    ready.countDown();
                    go.await();
                    long s = System.nanoTime();
                    HttpResponse<String> reply = http.send(b);
                    double ms = (System.nanoTime() - s) / 1e6;
                    if (reply.statusCode() != 200 && reply.statusCode() != 409) {
                      throw new IllegalStateException(
                          "grab: " + reply.statusCode() + " " + reply.body());
                    }
                    return new double[] {reply.statusCode(), ms};
                  }));
        }
        ready.await();
        go.countDown();
        int won = 0;
        int lost = 0;
        List<Double> roundMs = new ArrayList<>();
        for (Future<double[]> reply : replies) {
          double[] x = reply.get();
          roundMs.add(x[1]);
          if (x[0] == 200) {
            won++;
            if (r >= WARM_UP_ROUNDS) {
              winners.add(x[1]);
            }
          } else {
            lost++;
          }
        }
        if (won != 1 || lost != TECHNICIANS - 1) {
          failures.add(
              "round " + (r + 1) + ": " + won + " grabs won and " + lost + " lost, not 1 and 49");
        }
        String state =
            http.call("GET", "/workorders/orders/" + id, f.owner, null, 200).path("state").asText();
        if (!"accepted".equals(state)) {
          failures.add("round " + (r + 1) + ": the grabbed order is " + state + ", not accepted");
        }
        if (r >= WARM_UP_ROUNDS) {
          all.addAll(roundMs);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result(all, winners, rounds, failures);
  }
}
