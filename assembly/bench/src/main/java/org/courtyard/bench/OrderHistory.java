package org.courtyard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives a tenant's orders a history through the API, so that a third stays open: of every three
 * orders the first stays new, the other two are finished. Of the finished ones, one in eight goes
 * the whole way (dispatched to the tenant's technician, who accepts, starts and completes; staff
 * confirm for the resident and close), one in eight stops at done (waiting for the resident's
 * confirmation: what the sweep confirms automatically after the tenant's days), and the rest are
 * cancelled while new (withdrawn), the cheapest real way out: two calls per finished order on
 * average. None of this is timed against anything: it only makes the tables look like a company's
 * after a while.
 */
final class OrderHistory {

  /** What the tenant's orders became. */
  record Outcome(int open, int closed, int done, int cancelled, long[] doneIds, long[] openIds) {}

  private OrderHistory() {}

  static Outcome give(BenchHttp http, WorkordersFixture f, long[] ids, int threads)
      throws Exception {
    List<Long> open = new ArrayList<>();
    List<Long> finished = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      (i % 3 == 0 ? open : finished).add(ids[i]);
    }
    String tech = f.technician();
    long techId = f.technicianId();
    List<Long> done = new ArrayList<>();
    for (int k = 0; k < finished.size(); k++) {
      if (k % 8 == 1) {
        done.add(finished.get(k));
      }
    }
    OrderCreation.run(
        "history " + f.slug,
        finished.size(),
        threads,
        () ->
            k -> {
              String order = "/workorders/orders/" + finished.get(k);
              switch (k % 8) {
                case 0, 1 -> {
                  step(http, order, "dispatch", f.owner, Map.of("assigneeUserId", techId));
                  step(http, order, "accept", tech, Map.of());
                  step(http, order, "start", tech, Map.of());
                  step(http, order, "complete", tech, Map.of("note", "Fixed 已修好"));
                  if (k % 8 == 0) {
                    step(
                        http,
                        order,
                        "confirm",
                        f.owner,
                        Map.of("note", "Resident confirmed by phone 业主电话确认"));
                    step(http, order, "close", f.owner, Map.of());
                  }
                }
                default -> step(http, order, "cancel", f.owner, Map.of("reason", "withdrawn"));
              }
            });
    int closed = (finished.size() + 7) / 8;
    int cancelled = finished.size() - closed - done.size();
    return new Outcome(
        open.size(),
        closed,
        done.size(),
        cancelled,
        done.stream().mapToLong(Long::longValue).toArray(),
        open.stream().mapToLong(Long::longValue).toArray());
  }

  private static void step(
      BenchHttp http, String order, String action, String auth, Map<String, Object> body)
      throws Exception {
    http.call("POST", order + "/" + action, auth, body, 200);
  }
}
