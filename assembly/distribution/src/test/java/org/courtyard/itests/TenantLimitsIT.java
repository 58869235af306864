package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * What keeps one tenant from hurting another or its own data: billing runs wait in one queue (one
 * per tenant, {@code maxConcurrentRuns} across tenants, here 1), one run per period, a statement
 * timeout on tenant connections (here 3 s) that a run's bulk writes outlast and that answers a
 * request with 503 {@code statement-timeout}, and rooms that other modules' records refer to cannot
 * be deleted.
 *
 * <p>To hold runs back without timing luck, the test locks a tenant's {@code bill} table from its
 * own connection: a run then waits in its first batch for as long as the test wants.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TenantLimitsIT {

  private static final int STATEMENT_TIMEOUT_MS = 3000;

  private static Http operator;
  private static Http limA;
  private static Http limB;
  private static YearMonth lastMonth;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options(
        KarafDistributionOption.editConfigurationFilePut(
            "etc/org.courtyard.db.cfg", "statementTimeoutMs", String.valueOf(STATEMENT_TIMEOUT_MS)),
        KarafDistributionOption.editConfigurationFilePut(
            "etc/org.courtyard.billing.cfg", "maxConcurrentRuns", "1"));
  }

  @Before
  public void tenants() throws Exception {
    if (limB != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    limA = anonymous.tenant(operator.onboard("lim_a", "estate", "billing"));
    limB = anonymous.tenant(operator.onboard("lim_b", "estate", "billing"));
    ZoneId zone =
        ZoneId.of(limA.get("/billing/settings").json.path("timeZone").asText("Asia/Shanghai"));
    lastMonth = YearMonth.now(zone).minusMonths(1);
    for (Http t : List.of(limA, limB)) {
      long room = rooms(t, 1).get(0);
      assertTrue(room > 0);
      Http.id(
          t.post(
              "/billing/fee-items",
              map(
                  "code",
                  "PROP",
                  "name",
                  "Property fee",
                  "kind",
                  "area",
                  "unitPrice",
                  new BigDecimal("2.50"),
                  "effectiveFrom",
                  lastMonth.minusMonths(3).atDay(1).toString())));
    }
  }

  @Test
  public void a01_runsOfOnePeriodAreOneAndRunsQueueAcrossTenants() throws Exception {
    long runA;
    long otherPeriodA;
    long runB;
    try (Connection lock = PlatformIT.db()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE t_lim_a.bill IN ACCESS EXCLUSIVE MODE");
      }
      // two POSTs of the same period at the same moment: one is accepted, the other refused
      ExecutorService pool = Executors.newFixedThreadPool(2);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Http.Reply>> posts = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        posts.add(
            pool.submit(
                () -> {
                  go.await();
                  return limA.post("/billing/runs", map("period", lastMonth.toString()));
                }));
      }
      go.countDown();
      List<Http.Reply> replies = new ArrayList<>();
      for (Future<Http.Reply> f : posts) {
        replies.add(f.get());
      }
      pool.shutdown();
      replies.sort((x, y) -> Integer.compare(x.status, y.status));
      assertEquals(replies.toString(), 202, replies.get(0).status);
      Http.Reply refused = replies.get(1);
      assertEquals(replies.toString(), 409, refused.status);
      assertTrue(refused.contentType, refused.contentType.startsWith("application/problem+json"));
      assertEquals("run-in-progress", refused.problemType());
      runA = replies.get(0).json.path("id").asLong();
      // the refusal names the run that holds the period, for a screen to follow
      assertEquals(refused.toString(), runA, refused.json.path("runId").asLong());
      assertEquals(lastMonth.toString(), refused.json.path("period").asText());
      assertEquals(
          1,
          PlatformIT.count(
              "select count(*) from t_lim_a.billing_run where period = ?", lastMonth.toString()));

      // the run now waits for the lock in its first batch
      awaitStatus(limA, runA, "running");
      // the tenant's next period waits behind it, and so does the next tenant's (cap 1)
      Http.Reply second =
          limA.post("/billing/runs", map("period", lastMonth.minusMonths(1).toString()));
      assertEquals(second.toString(), 202, second.status);
      assertEquals(second.text, "queued", second.json.path("status").asText());
      assertTrue(second.text, second.json.path("startedAt").isNull());
      otherPeriodA = second.json.path("id").asLong();
      Http.Reply other = limB.post("/billing/runs", map("period", lastMonth.toString()));
      assertEquals(other.toString(), 202, other.status);
      assertEquals(other.text, "queued", other.json.path("status").asText());
      runB = other.json.path("id").asLong();
      // queued runs of a period hold it too
      assertEquals(409, limB.post("/billing/runs", map("period", lastMonth.toString())).status);

      // hold the batch longer than the statement timeout of tenant connections: a run's bulk
      // writes have their own, longer one, so the run is not cancelled
      Thread.sleep(STATEMENT_TIMEOUT_MS + 1500);
      assertEquals("queued", limB.get("/billing/runs/" + runB).json.path("status").asText());
      assertEquals("running", limA.get("/billing/runs/" + runA).json.path("status").asText());
      lock.rollback();
    }
    assertEquals(1, awaitStatus(limA, runA, "completed").path("billsCreated").asInt());
    awaitStatus(limA, otherPeriodA, "completed");
    assertEquals(1, awaitStatus(limB, runB, "completed").path("billsCreated").asInt());
  }

  @Test
  public void a02_aStatementOverTheTimeoutIsCancelledAndAnswered503() throws Exception {
    // plain JDBC (billing's bills) and JPA (estate's rooms), each held by a lock the test takes
    assertCancelledAtTheLimit("t_lim_b.bill", "/billing/bills");
    assertCancelledAtTheLimit("t_lim_b.room", "/estate/rooms");
    // the other tenant, and this one afterwards, are served as before
    assertEquals(200, limA.get("/billing/bills").status);
    assertEquals(200, limB.get("/billing/bills").status);
    assertEquals(200, limB.get("/estate/rooms").status);
  }

  /**
   * Locks {@code table} from the test's own connection and GETs {@code path} as tenant B: without a
   * timeout the request would wait for the lock as long as the test holds it.
   */
  private static void assertCancelledAtTheLimit(String table, String path) throws Exception {
    try (Connection lock = PlatformIT.db()) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
      }
      long start = System.nanoTime();
      HttpResponse<String> r = limB.raw("GET", path, Map.of(), null, false);
      long ms = (System.nanoTime() - start) / 1_000_000;
      lock.rollback();
      String said = path + ": " + r.statusCode() + " " + r.headers().map() + " " + r.body();
      assertTrue(said + " after " + ms + " ms", ms >= STATEMENT_TIMEOUT_MS - 100 && ms < 20_000);
      assertEquals(said, 503, r.statusCode());
      assertTrue(
          said,
          r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
      JsonNode problem = Http.JSON.readTree(r.body());
      assertEquals(said, "urn:courtyard:problem:statement-timeout", problem.path("type").asText());
      assertEquals(said, 503, problem.path("status").asInt());
      String detail = problem.path("detail").asText();
      assertTrue(said, detail.contains("the tenant's statement limit of 3 s"));
      // Retry-After: as long as the limit
      assertEquals(said, "3", r.headers().firstValue("Retry-After").orElse(null));
    }
  }

  @Test
  public void a03_aRoomOthersReferToIsNotDeleted() throws Exception {
    Http t =
        Http.anonymous(CourtyardContainer.httpPort())
            .tenant(operator.onboard("lim_c", "estate", "residents", "billing", "devices"));
    List<Long> rooms = rooms(t, 4);
    long billed = rooms.get(0);
    long lived = rooms.get(1);
    long wired = rooms.get(2);
    long free = rooms.get(3);

    long key =
        Http.id(
            t.post(
                "/billing/fee-items",
                map(
                    "code",
                    "KEY",
                    "name",
                    "Access card",
                    "kind",
                    "one_off",
                    "unitPrice",
                    new BigDecimal("20.00"),
                    "effectiveFrom",
                    "2020-01-01")));
    Http.Reply charged =
        t.post("/billing/fee-items/" + key + "/charges", map("roomIds", List.of(billed)));
    assertEquals(charged.toString(), 201, charged.status);
    long person =
        Http.id(
            t.post("/residents/persons", map("fullName", "Li Lei", "phone", "+86 139 0000 0099")));
    Http.id(
        t.post(
            "/residents/occupancies",
            map("personId", person, "roomId", lived, "role", "occupant", "moveIn", "2024-01-01")));
    Http.Reply device =
        t.post(
            "/devices/devices",
            map(
                "id",
                "door-1",
                "type",
                "water-meter",
                "name",
                "Meter",
                "location",
                map("kind", "room", "ref", String.valueOf(wired))));
    assertEquals(device.toString(), 201, device.status);

    assertReferenced(t, billed, "billing", "bills", "1 bill");
    assertReferenced(t, lived, "residents", "occupancies", "1 occupancy");
    assertReferenced(t, wired, "devices", "devices", "1 device");
    for (long room : List.of(billed, lived, wired)) {
      assertEquals("room " + room + " kept", 200, t.get("/estate/rooms/" + room).status);
    }
    assertEquals(204, t.delete("/estate/rooms/" + free).status);
    assertEquals(404, t.get("/estate/rooms/" + free).status);

    // a revoked device no longer holds its room
    assertEquals(200, t.post("/devices/devices/door-1/revoke", "").status);
    assertEquals(204, t.delete("/estate/rooms/" + wired).status);
  }

  private static void assertReferenced(Http t, long room, String module, String kind, String text)
      throws Exception {
    Http.Reply r = t.delete("/estate/rooms/" + room);
    assertEquals(r.toString(), 409, r.status);
    assertTrue(r.contentType, r.contentType.startsWith("application/problem+json"));
    assertEquals("referenced", r.problemType());
    String detail = r.json.path("detail").asText();
    assertTrue(detail, detail.contains("Room " + room + " has " + text));
    JsonNode refs = r.json.path("references");
    assertEquals(r.text, 1, refs.size());
    assertEquals(module, refs.get(0).path("module").asText());
    assertEquals(kind, refs.get(0).path("kind").asText());
    assertEquals(1, refs.get(0).path("count").asInt());
  }

  /** An estate, building and unit with {@code n} residential rooms; their ids. */
  private static List<Long> rooms(Http t, int n) throws Exception {
    long estate = Http.id(t.post("/estate/estates", map("code", "E1", "name", "Estate")));
    long building =
        Http.id(t.post("/estate/buildings", map("estateId", estate, "code", "B1", "name", "B1")));
    long unit =
        Http.id(t.post("/estate/units", map("buildingId", building, "code", "U1", "name", "U1")));
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add(
          Http.id(
              t.post(
                  "/estate/rooms",
                  map(
                      "unitId",
                      unit,
                      "number",
                      "10" + i,
                      "floor",
                      1,
                      "area",
                      80,
                      "type",
                      "residential"))));
    }
    return ids;
  }

  /** Polls the run until it has {@code status}; fails on a final status that is not it. */
  private static JsonNode awaitStatus(Http t, long id, String status) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (true) {
      Http.Reply r = t.get("/billing/runs/" + id);
      assertEquals(r.toString(), 200, r.status);
      String now = r.json.path("status").asText();
      if (now.equals(status)) {
        return r.json;
      }
      assertTrue(
          "run " + id + " is " + r.text + ", waited for " + status,
          !Set.of("completed", "failed").contains(now) && System.currentTimeMillis() < deadline);
      Thread.sleep(50);
    }
  }
}
