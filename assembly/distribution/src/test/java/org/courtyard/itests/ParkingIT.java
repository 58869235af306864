package org.courtyard.itests;

import static org.courtyard.itests.Http.id;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The parking module through its REST API: lots and ranges of spaces of an estate, leases and
 * reservations, 50 requests racing for one space and period (exactly one holds it, the others are
 * told whose period it is), idempotent retries, data scopes and permissions, and another company's
 * ids out of reach.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ParkingIT {

  private static final String TENANT = "park_co";

  private static Http operator;
  private static Http owner;
  private static Http other;
  private static long estate1;
  private static long estate2;
  private static long lot1;

  /** The gate camera a10 set up, for the later tests' reads. */
  private static String camPassword;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void tenants() throws Exception {
    if (owner != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    owner = anonymous.tenant(operator.onboard(TENANT, "estate", "residents", "devices", "parking"));
    other = anonymous.tenant(operator.onboard("park_other", "estate", "parking"));
    estate1 = id(owner.post("/estate/estates", map("code", "E1", "name", "东园")));
    estate2 = id(owner.post("/estate/estates", map("code", "E2", "name", "西园")));
    lot1 =
        id(
            owner.post(
                "/parking/lots",
                map(
                    "estateId",
                    estate1,
                    "code",
                    "P1",
                    "name",
                    "地下车库",
                    "location",
                    "underground",
                    "levels",
                    2)));
  }

  /**
   * A lot of estate 1 with an entry lane {@code in-<lanes>} and an exit lane {@code out-<lanes>} of
   * the camera cam-p1.
   */
  private static long lotWithGates(String code, String name, int temporarySpaces, String lanes)
      throws Exception {
    long lot =
        id(
            owner.post(
                "/parking/lots",
                map(
                    "estateId",
                    estate1,
                    "code",
                    code,
                    "name",
                    name,
                    "location",
                    "above_ground",
                    "temporarySpaces",
                    temporarySpaces)));
    for (String[] g : new String[][] {{"in-" + lanes, "entry"}, {"out-" + lanes, "exit"}}) {
      Http.Reply gate =
          owner.post(
              "/parking/gates",
              map(
                  "lotId",
                  lot,
                  "deviceId",
                  "cam-p1",
                  "lane",
                  g[0],
                  "direction",
                  g[1],
                  "name",
                  g[0]));
      assertEquals(gate.toString(), 201, gate.status);
    }
    return lot;
  }

  private static long space(long lot, String number, String kind) throws Exception {
    return id(owner.post("/parking/spaces", map("lotId", lot, "number", number, "kind", kind)));
  }

  @Test
  public void a01_lotsAndRangesOfSpaces() throws Exception {
    Http.Reply range =
        owner.post(
            "/parking/lots/" + lot1 + "/spaces",
            map("prefix", "B1-", "from", 1, "to", 30, "kind", "rented", "level", -1));
    assertEquals(range.toString(), 201, range.status);
    assertEquals(30, range.json.size());
    assertEquals("B1-001", range.json.get(0).path("number").asText());
    Http.Reply lot = owner.get("/parking/lots/" + lot1);
    assertEquals(30, lot.json.path("spaces").asInt());

    Http.Reply clash =
        owner.post(
            "/parking/lots/" + lot1 + "/spaces",
            map("prefix", "B1-", "from", 25, "to", 40, "kind", "rented", "level", -1));
    assertEquals(clash.toString(), 409, clash.status);
    assertEquals("B1-025", clash.json.path("number").asText());
    assertEquals(30, owner.get("/parking/lots/" + lot1).json.path("spaces").asInt());

    Http.Reply bad =
        owner.post(
            "/parking/lots",
            map("estateId", estate1, "code", "bad code", "name", "", "location", "roof"));
    assertEquals(bad.toString(), 422, bad.status);
    assertEquals(3, bad.json.path("errors").size());
    Http.Reply unknown =
        owner.post(
            "/parking/lots",
            map("estateId", 999999, "code", "PX", "name", "X", "location", "underground"));
    assertEquals(unknown.toString(), 422, unknown.status);
    assertEquals("unknown-estate", unknown.problemType());
    Http.Reply twice =
        owner.post(
            "/parking/lots",
            map("estateId", estate2, "code", "P1", "name", "X", "location", "underground"));
    assertEquals(twice.toString(), 409, twice.status);

    JsonNode rented = owner.get("/parking/spaces?lotId=" + lot1 + "&kind=rented&limit=5").json;
    assertEquals(5, rented.path("items").size());
    assertTrue(rented.path("nextCursor").isTextual());
    assertEquals(400, owner.get("/parking/spaces?kind=garage").status);

    long spaceId = range.json.get(0).path("id").asLong();
    JsonNode s = owner.get("/parking/spaces/" + spaceId).json;
    Http.Reply changed =
        owner.put(
            "/parking/spaces/" + spaceId,
            map(
                "number",
                "B1-001",
                "kind",
                "ev_charging",
                "level",
                -1,
                "size",
                "large",
                "state",
                "in_service",
                "version",
                s.path("version").asInt()));
    assertEquals(changed.toString(), 200, changed.status);
    assertEquals("ev_charging", changed.json.path("kind").asText());
    Http.Reply stale =
        owner.put(
            "/parking/spaces/" + spaceId,
            map(
                "number",
                "B1-001",
                "kind",
                "rented",
                "level",
                -1,
                "version",
                s.path("version").asInt()));
    assertEquals(stale.toString(), 409, stale.status);
    assertEquals("stale-version", stale.problemType());
  }

  @Test
  public void a02_fiftyRequestsForOneSpaceAndPeriodLeaveExactlyOneLease() throws Exception {
    long space = space(lot1, "RACE-1", "rented");
    int n = 50;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Http.Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        String holder = "住户" + i;
        replies.add(
            pool.submit(
                () -> {
                  go.await();
                  return owner.post(
                      "/parking/leases",
                      map(
                          "spaceId",
                          space,
                          "startDate",
                          "2027-01-01",
                          "term",
                          "quarterly",
                          "holderName",
                          holder));
                }));
      }
      go.countDown();
      List<Http.Reply> won = new ArrayList<>();
      List<Http.Reply> lost = new ArrayList<>();
      for (Future<Http.Reply> f : replies) {
        Http.Reply r = f.get();
        if (r.status == 201) {
          won.add(r);
        } else {
          lost.add(r);
        }
      }
      assertEquals(1, won.size());
      long winner = won.get(0).json.path("id").asLong();
      for (Http.Reply r : lost) {
        assertEquals(r.toString(), 409, r.status);
        assertEquals("space-taken", r.problemType());
        assertEquals(winner, r.json.path("heldBy").path("bookingId").asLong());
        assertEquals("2026-12-31T16:00:00Z", r.json.path("heldBy").path("from").asText());
        assertEquals("2027-03-31T16:00:00Z", r.json.path("heldBy").path("to").asText());
        assertTrue(
            r.toString(), r.json.path("detail").asText().contains("2027-01-01 – 2027-03-31"));
      }
      JsonNode leases = owner.get("/parking/leases?spaceId=" + space).json.path("items");
      assertEquals(1, leases.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void a03_reservationsAndRetriesWithTheSameKey() throws Exception {
    long visitor = space(lot1, "V-1", "visitor");
    OffsetDateTime from = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withNano(0);
    byte[] body =
        Http.JSON
            .writeValueAsString(
                map(
                    "spaceId",
                    visitor,
                    "from",
                    from.toString(),
                    "to",
                    from.plusHours(2).toString(),
                    "holderName",
                    "访客 张",
                    "holderPhone",
                    "13800000000"))
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        Map.of("Content-Type", "application/json", "Idempotency-Key", "visit-42");
    HttpResponse<String> first = owner.raw("POST", "/parking/reservations", headers, body, false);
    assertEquals(first.body(), 201, first.statusCode());
    HttpResponse<String> again = owner.raw("POST", "/parking/reservations", headers, body, false);
    assertEquals(again.body(), 200, again.statusCode());
    assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
    long id = Http.JSON.readTree(first.body()).path("id").asLong();
    assertEquals(id, Http.JSON.readTree(again.body()).path("id").asLong());

    Http.Reply overlap =
        owner.post(
            "/parking/reservations",
            map(
                "spaceId",
                visitor,
                "from",
                from.plusHours(1).toString(),
                "to",
                from.plusHours(3).toString(),
                "holderName",
                "访客 李"));
    assertEquals(overlap.toString(), 409, overlap.status);
    assertEquals(id, overlap.json.path("heldBy").path("bookingId").asLong());

    JsonNode r = owner.get("/parking/reservations/" + id).json;
    Http.Reply cancelled =
        owner.post(
            "/parking/reservations/" + id + "/cancel",
            map("reason", "访客改期", "version", r.path("version").asInt()));
    assertEquals(cancelled.toString(), 200, cancelled.status);
    Http.Reply now =
        owner.post(
            "/parking/reservations",
            map(
                "spaceId",
                visitor,
                "from",
                from.plusHours(1).toString(),
                "to",
                from.plusHours(3).toString(),
                "holderName",
                "访客 李"));
    assertEquals(now.toString(), 201, now.status);

    Http.Reply notForLease =
        owner.post(
            "/parking/leases",
            map(
                "spaceId",
                visitor,
                "startDate",
                LocalDate.now().toString(),
                "term",
                "monthly",
                "holderName",
                "X"));
    assertEquals(notForLease.toString(), 422, notForLease.status);
    assertEquals("space-not-leasable", notForLease.problemType());
  }

  @Test
  public void a04_staffSeeAndBookOnlyWithinTheirEstatesAndPermissions() throws Exception {
    long lot2 =
        id(
            owner.post(
                "/parking/lots",
                map(
                    "estateId",
                    estate2,
                    "code",
                    "P2",
                    "name",
                    "西园地面",
                    "location",
                    "above_ground")));
    long space2 = space(lot2, "W-1", "rented");
    Http east = owner.staff(TENANT, "park_east", "administrator", "estates", estate1);
    assertEquals(404, east.get("/parking/lots/" + lot2).status);
    assertEquals(404, east.get("/parking/spaces/" + space2).status);
    for (JsonNode l : east.get("/parking/lots").json.path("items")) {
      assertEquals(estate1, l.path("estateId").asLong());
    }
    Http.Reply outside =
        east.post(
            "/parking/lots",
            map("estateId", estate2, "code", "P3", "name", "X", "location", "underground"));
    assertEquals(outside.toString(), 403, outside.status);
    Http.Reply lease =
        east.post(
            "/parking/leases",
            map(
                "spaceId",
                space2,
                "startDate",
                "2027-01-01",
                "term",
                "monthly",
                "holderName",
                "X"));
    assertEquals(lease.toString(), 404, lease.status);

    Http.Reply role =
        owner.post(
            "/identity/roles",
            map(
                "code",
                "park_viewer",
                "nameEn",
                "Parking viewer",
                "nameZh",
                "停车查看",
                "permissions",
                List.of("parking.lot.read", "parking.booking.read")));
    assertEquals(role.toString(), 201, role.status);
    Http viewer = owner.staff(TENANT, "park_view", "park_viewer", "company");
    assertEquals(200, viewer.get("/parking/spaces/" + space2).status);
    Http.Reply refused =
        viewer.post(
            "/parking/leases",
            map(
                "spaceId",
                space2,
                "startDate",
                "2027-01-01",
                "term",
                "monthly",
                "holderName",
                "X"));
    assertEquals(refused.toString(), 403, refused.status);
  }

  @Test
  public void a05_anotherCompanysIdsAreNotFound() throws Exception {
    long space = space(lot1, "MINE-1", "rented");
    long lease =
        id(
            owner.post(
                "/parking/leases",
                map(
                    "spaceId",
                    space,
                    "startDate",
                    "2028-01-01",
                    "term",
                    "yearly",
                    "holderName",
                    "业主")));
    assertEquals(404, other.get("/parking/lots/" + lot1).status);
    assertEquals(404, other.get("/parking/spaces/" + space).status);
    assertEquals(404, other.get("/parking/leases/" + lease).status);
    Http.Reply steal =
        other.post(
            "/parking/leases",
            map("spaceId", space, "startDate", "2029-01-01", "term", "yearly", "holderName", "X"));
    assertEquals(steal.toString(), 404, steal.status);
    Http.Reply cancel =
        other.post("/parking/leases/" + lease + "/cancel", map("reason", "X", "version", 0));
    assertEquals(cancel.toString(), 404, cancel.status);
    assertEquals(0, other.get("/parking/leases").json.path("items").size());
  }

  @Test
  public void a06_aLotsTariffPricesAStay() throws Exception {
    Http.Reply none = owner.get("/parking/lots/" + lot1 + "/tariff");
    assertEquals(none.toString(), 404, none.status);
    assertEquals("no-tariff", none.problemType());
    Http.Reply set =
        owner.put(
            "/parking/lots/" + lot1 + "/tariff",
            map(
                "freeMinutes",
                15,
                "firstMinutes",
                60,
                "firstPrice",
                5,
                "unitMinutes",
                30,
                "unitPrice",
                2,
                "nightFrom",
                "22:00",
                "nightTo",
                "07:00",
                "nightUnitPrice",
                1,
                "capPer24h",
                40));
    assertEquals(set.toString(), 200, set.status);
    assertEquals(0, set.json.path("version").asInt());
    Http.Reply bad =
        owner.put(
            "/parking/lots/" + lot1 + "/tariff",
            map(
                "freeMinutes",
                15,
                "firstMinutes",
                60,
                "firstPrice",
                5.001,
                "unitMinutes",
                30,
                "unitPrice",
                2,
                "nightFrom",
                "22:00",
                "version",
                0));
    assertEquals(bad.toString(), 422, bad.status);
    assertEquals(2, bad.json.path("errors").size());

    Http.Reply quote =
        owner.get(
            "/parking/lots/"
                + lot1
                + "/tariff/quote?entry=2026-12-07T08:00:00%2B08:00"
                + "&exit=2026-12-09T09:00:00%2B08:00");
    assertEquals(quote.toString(), 200, quote.status);
    assertEquals(
        0, new java.math.BigDecimal("84.00").compareTo(quote.json.path("amount").decimalValue()));
    assertEquals(3, quote.json.path("days").size());
    Http.Reply free =
        owner.get(
            "/parking/lots/"
                + lot1
                + "/tariff/quote?entry=2026-12-07T08:00:00Z"
                + "&exit=2026-12-07T08:15:00Z");
    assertEquals(0, free.json.path("amount").decimalValue().signum());
    Http.Reply backwards =
        owner.get(
            "/parking/lots/"
                + lot1
                + "/tariff/quote?entry=2026-12-07T08:00:00Z"
                + "&exit=2026-12-07T07:00:00Z");
    assertEquals(backwards.toString(), 422, backwards.status);
    assertEquals(404, other.get("/parking/lots/" + lot1 + "/tariff").status);
    assertEquals(
        404,
        other.get(
                "/parking/lots/"
                    + lot1
                    + "/tariff/quote?entry=2026-12-07T08:00:00Z"
                    + "&exit=2026-12-07T09:00:00Z")
            .status);
  }

  @Test
  public void a07_aSoldSpaceKeepsItsOwnersHistory() throws Exception {
    long space = space(lot1, "OWN-1", "owned");
    Http.Reply first =
        owner.post(
            "/parking/spaces/" + space + "/owners",
            map("holderName", "韩梅梅", "since", "2020-05-01", "holderPhone", "13900000001"));
    assertEquals(first.toString(), 201, first.status);
    Http.Reply second =
        owner.post(
            "/parking/spaces/" + space + "/owners", map("holderName", "李雷", "since", "2026-12-01"));
    assertEquals(second.toString(), 201, second.status);
    JsonNode history = owner.get("/parking/spaces/" + space + "/owners").json;
    assertEquals(2, history.size());
    assertEquals("李雷", history.get(0).path("holderName").asText());
    assertEquals("2026-12-01", history.get(1).path("until").asText());
    assertEquals("李雷", owner.get("/parking/spaces/" + space).json.path("ownerName").asText());
    Http.Reply early =
        owner.post(
            "/parking/spaces/" + space + "/owners", map("holderName", "王芳", "since", "2026-01-01"));
    assertEquals(early.toString(), 409, early.status);
    assertEquals("owner-since-order", early.problemType());
    long rented = space(lot1, "NOT-OWN", "rented");
    Http.Reply notOwned =
        owner.post(
            "/parking/spaces/" + rented + "/owners", map("holderName", "X", "since", "2026-01-01"));
    assertEquals(notOwned.toString(), 422, notOwned.status);
    assertEquals(404, other.get("/parking/spaces/" + space + "/owners").status);
    assertEquals(
        404,
        other.post(
                "/parking/spaces/" + space + "/owners",
                map("holderName", "X", "since", "2027-01-01"))
            .status);
  }

  @Test
  public void a08_monthlyCardsAndListsByRole() throws Exception {
    long person =
        id(owner.post("/residents/persons", map("fullName", "王芳", "phone", "13800000005")));
    Http cashier = owner.staff(TENANT, "park_cashier", "cashier", "company");
    Http.Reply card =
        cashier.post(
            "/parking/cards",
            map(
                "lotId",
                lot1,
                "plate",
                "粤b·123 45",
                "personId",
                person,
                "firstDay",
                "2027-01-01",
                "lastDay",
                "2027-01-31"));
    assertEquals(card.toString(), 201, card.status);
    assertEquals("粤B12345", card.json.path("plate").asText());
    assertEquals("王芳", card.json.path("holderName").asText());
    Http.Reply overlap =
        cashier.post(
            "/parking/cards",
            map(
                "lotId",
                lot1,
                "plate",
                "粤B12345",
                "holderName",
                "李雷",
                "firstDay",
                "2027-01-31",
                "lastDay",
                "2027-02-27"));
    assertEquals(overlap.toString(), 409, overlap.status);
    assertEquals("card-overlaps", overlap.problemType());
    assertEquals(
        card.json.path("id").asLong(), overlap.json.path("heldBy").path("cardId").asLong());
    Http.Reply nobody =
        cashier.post(
            "/parking/cards",
            map(
                "lotId",
                lot1,
                "plate",
                "粤B54321",
                "personId",
                person + 1000,
                "firstDay",
                "2027-01-01",
                "lastDay",
                "2027-01-31"));
    assertEquals(nobody.toString(), 422, nobody.status);
    assertEquals("unknown-person", nobody.problemType());
    assertEquals(1, owner.get("/parking/cards?plate=" + enc("粤b 12345")).json.path("items").size());

    Http guard = owner.staff(TENANT, "park_guard", "guard", "estates", estate1);
    Http.Reply byGuard =
        guard.post(
            "/parking/lists",
            map("list", "black", "plate", "苏E55555", "lotId", lot1, "reason", "damaged the gate"));
    assertEquals(byGuard.toString(), 403, byGuard.status);
    Http.Reply black =
        owner.post(
            "/parking/lists",
            map("list", "black", "plate", "苏E55555", "lotId", lot1, "reason", "damaged the gate"));
    assertEquals(black.toString(), 201, black.status);
    Http.Reply white =
        owner.post(
            "/parking/lists",
            map("list", "white", "plate", "苏e 55555", "lotId", lot1, "reason", "staff"));
    assertEquals(white.toString(), 409, white.status);
    assertEquals("already-listed", white.problemType());
    Http.Reply wide =
        owner.post("/parking/lists", map("list", "white", "plate", "120JJ", "reason", "ambulance"));
    assertEquals(wide.toString(), 201, wide.status);
    JsonNode seen = guard.get("/parking/lists?lotId=" + lot1).json.path("items");
    assertEquals(seen.toString(), 2, seen.size());

    long entry = black.json.path("id").asLong();
    assertEquals(404, other.get("/parking/lists/" + entry).status);
    assertEquals(404, other.delete("/parking/lists/" + entry).status);
    assertEquals(404, other.get("/parking/cards/" + card.json.path("id").asLong()).status);
    assertEquals(204, owner.delete("/parking/lists/" + entry).status);
    assertEquals(404, owner.get("/parking/lists/" + entry).status);
  }

  @Test
  public void a09_aLotsSpacesFromACsvFileAllOrNone() throws Exception {
    Http.Reply bad =
        owner.postCsv(
            "/parking/lots/" + lot1 + "/spaces/import",
            "number,kind,level\nCSV-1,rented,-1\nCSV-2,garage,-1\nCSV-1,rented,-1\n");
    assertEquals(bad.toString(), 422, bad.status);
    assertEquals("import-rejected", bad.problemType());
    assertEquals(2, bad.json.path("errors").size());
    for (JsonNode space : owner.get("/parking/spaces?limit=500&lotId=" + lot1).json.path("items")) {
      assertFalse(space.toString(), space.path("number").asText().startsWith("CSV-"));
    }
    Http.Reply good =
        owner.postCsv(
            "/parking/lots/" + lot1 + "/spaces/import",
            "\uFEFFNumber,Kind,Level,Size\nCSV-1,rented,-1,large\nCSV-2,visitor,-1,\n");
    assertEquals(good.toString(), 200, good.status);
    assertEquals(2, good.json.path("spacesCreated").asInt());
    Http.Reply again =
        owner.postCsv(
            "/parking/lots/" + lot1 + "/spaces/import",
            "number,kind,level\nCSV-3,rented,-1\nCSV-2,rented,-1\n");
    assertEquals(again.toString(), 422, again.status);
    assertEquals(3, again.json.path("errors").get(0).path("line").asInt());
    assertEquals(
        404,
        other.postCsv(
                "/parking/lots/" + lot1 + "/spaces/import", "number,kind,level\nX-1,rented,1\n")
            .status);
  }

  @Test
  public void a10_aGateCameraReadsPlatesAndTheGateDecidesOverMqtt() throws Exception {
    Http.Reply camera =
        owner.post(
            "/devices/devices",
            map(
                "id", "cam-p1",
                "type", "plate-camera",
                "name", "Garage gate camera",
                "location", map("kind", "gate", "ref", "Garage gate")));
    assertEquals(camera.toString(), 201, camera.status);
    Http.Reply in =
        owner.post(
            "/parking/gates",
            map(
                "lotId",
                lot1,
                "deviceId",
                "cam-p1",
                "lane",
                "in-1",
                "direction",
                "entry",
                "name",
                "入口"));
    assertEquals(in.toString(), 201, in.status);
    assertEquals(
        201,
        owner.post(
                "/parking/gates",
                map(
                    "lotId",
                    lot1,
                    "deviceId",
                    "cam-p1",
                    "lane",
                    "out-1",
                    "direction",
                    "exit",
                    "name",
                    "出口"))
            .status);
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    assertEquals(
        201,
        owner.post(
                "/parking/cards",
                map(
                    "lotId",
                    lot1,
                    "plate",
                    "闽D88888",
                    "holderName",
                    "月卡车主",
                    "firstDay",
                    today,
                    "lastDay",
                    today))
            .status);
    assertEquals(
        201,
        owner.post(
                "/parking/lists",
                map("list", "black", "plate", "闽D44444", "lotId", lot1, "reason", "逃费"))
            .status);
    camPassword = camera.json.path("mqtt").path("password").asText();
    org.eclipse.paho.client.mqttv3.MqttClient cam =
        DevicesIT.connect(TENANT + "/cam-p1", camPassword);
    try {
      java.util.concurrent.BlockingQueue<String> down =
          new java.util.concurrent.LinkedBlockingQueue<>();
      cam.subscribe(
          "t/" + TENANT + "/d/cam-p1/down",
          1,
          (topic, msg) ->
              down.add(new String(msg.getPayload(), java.nio.charset.StandardCharsets.UTF_8)));
      publishRead(cam, 1, "in-1", "in", "闽D·88888", 97);
      JsonNode card = awaitPassage("闽D88888", p -> p.path("commandId").isNumber());
      assertEquals("open", card.path("decision").asText());
      assertEquals("card", card.path("reason").asText());
      String open = down.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(
          "{\"cmd\":\"open\",\"id\":" + card.path("commandId").asLong() + ",\"lane\":\"in-1\"}",
          open);

      publishRead(cam, 2, "in-1", "in", "闽D44444", 97);
      JsonNode black = awaitPassage("闽D44444", p -> true);
      assertEquals("refuse", black.path("decision").asText());
      assertEquals("black-list", black.path("reason").asText());

      publishRead(cam, 3, "in-1", "in", "闽D55555", 41);
      JsonNode doubtful = awaitPassage("闽D55555", p -> true);
      assertEquals("guard", doubtful.path("decision").asText());
      assertEquals("low-confidence", doubtful.path("reason").asText());
      assertTrue(down.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS) == null);
      Http cashier = owner.staff(TENANT, "park_gate_cashier", "cashier", "company");
      Http.Reply refused =
          cashier.post(
              "/parking/passages/" + doubtful.path("id").asLong() + "/decide",
              map("decision", "open", "note", "看清了车牌"));
      assertEquals(refused.toString(), 403, refused.status);
      Http guard = owner.staff(TENANT, "park_gate_guard", "guard", "estates", estate1);
      Http.Reply decided =
          guard.post(
              "/parking/passages/" + doubtful.path("id").asLong() + "/decide",
              map("decision", "open", "note", "看清了车牌"));
      assertEquals(decided.toString(), 200, decided.status);
      assertEquals("open", decided.json.path("decision").asText());
      assertTrue(decided.json.toString(), decided.json.path("commandId").isNumber());
      assertTrue(
          down.poll(10, java.util.concurrent.TimeUnit.SECONDS).contains("\"lane\":\"in-1\""));
      assertEquals(
          2, owner.get("/parking/lots/" + lot1 + "/occupancy").json.path("inside").asInt());
      Http.Reply out =
          guard.post(
              "/parking/passages/" + doubtful.path("id").asLong() + "/out",
              map("note", "出口未识别，人工放行"));
      assertEquals(out.toString(), 200, out.status);
      assertEquals(
          1, owner.get("/parking/lots/" + lot1 + "/occupancy").json.path("inside").asInt());
      assertEquals(
          409,
          guard.post(
                  "/parking/passages/" + doubtful.path("id").asLong() + "/out",
                  map("note", "again"))
              .status);
      assertEquals(200, owner.get("/parking/gates/" + in.json.path("id").asLong()).status);
      assertEquals(404, other.get("/parking/gates/" + in.json.path("id").asLong()).status);
      assertEquals(200, guard.get("/parking/passages?waiting=true").status);
      assertEquals(404, other.get("/parking/passages/" + doubtful.path("id").asLong()).status);
    } finally {
      cam.disconnect();
    }
  }

  @Test
  public void a11_aStayIsPaidAtTheExitOrAheadIntoBillingsLedger() throws Exception {
    long lot = lotWithGates("P9", "访客车场", 10, "9");
    Http.Reply tariff =
        owner.put(
            "/parking/lots/" + lot + "/tariff",
            map(
                "freeMinutes",
                0,
                "firstMinutes",
                60,
                "firstPrice",
                5,
                "unitMinutes",
                30,
                "unitPrice",
                2,
                "graceMinutes",
                15));
    assertEquals(tariff.toString(), 200, tariff.status);
    assertEquals(15, tariff.json.path("graceMinutes").asInt());
    Http guard = owner.staff(TENANT, "park_pay_guard", "guard", "estates", estate1);
    org.eclipse.paho.client.mqttv3.MqttClient cam =
        DevicesIT.connect(TENANT + "/cam-p1", camPassword);
    try {
      java.util.concurrent.BlockingQueue<String> down =
          new java.util.concurrent.LinkedBlockingQueue<>();
      cam.subscribe(
          "t/" + TENANT + "/d/cam-p1/down",
          1,
          (topic, msg) ->
              down.add(new String(msg.getPayload(), java.nio.charset.StandardCharsets.UTF_8)));
      // at the exit: the gate holds the car for its fee
      publishRead(cam, 21, "in-9", "in", "闽D70001", 97, 180);
      assertEquals("temporary", awaitPassage("闽D70001", p -> true).path("reason").asText());
      assertTrue(down.poll(10, java.util.concurrent.TimeUnit.SECONDS).contains("in-9"));
      publishRead(cam, 22, "out-9", "out", "闽D70001", 97);
      JsonNode held = awaitPassage("闽D70001", p -> p.path("direction").asText().equals("exit"));
      assertEquals("payment-due", held.path("reason").asText());
      assertEquals(0, new java.math.BigDecimal("5.00").compareTo(held.path("fee").decimalValue()));
      String pay = "/parking/passages/" + held.path("id").asLong() + "/pay";

      // the money goes to billing's ledger: without billing nothing is taken
      Http.Reply noBilling = guard.post(pay, map("method", "cash"));
      assertEquals(noBilling.toString(), 409, noBilling.status);
      assertEquals("billing-not-enabled", noBilling.problemType());
      Http.Reply enabled = operator.post("/operator/tenants/" + TENANT + "/modules/billing", "");
      assertEquals(enabled.toString(), 200, enabled.status);

      Http.Reply paid = guard.post(pay, map("method", "cash", "note", "现金"));
      assertEquals(paid.toString(), 201, paid.status);
      assertEquals("posted", paid.json.path("state").asText());
      String receipt = paid.json.path("receiptNo").asText();
      assertTrue(paid.toString(), receipt.startsWith("I"));
      String open = down.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(String.valueOf(open), open != null && open.contains("\"lane\":\"out-9\""));
      JsonNode opened = owner.get("/parking/passages/" + held.path("id").asLong()).json;
      assertEquals("open", opened.path("decision").asText());
      assertEquals("paid", opened.path("reason").asText());
      // pressing again pays nothing more
      Http.Reply again = guard.post(pay, map("method", "cash"));
      assertEquals(again.toString(), 200, again.status);
      assertEquals(paid.json.path("id").asLong(), again.json.path("id").asLong());
      JsonNode income = owner.get("/billing/income/" + paid.json.path("incomeId").asLong()).json;
      assertEquals(receipt, income.path("receiptNo").asText());
      assertEquals("parking", income.path("source").asText());
      assertEquals("闽D70001", income.path("payer").asText());
      assertEquals(
          0, new java.math.BigDecimal("5.00").compareTo(income.path("amount").decimalValue()));
      Http.Reply printed =
          owner.get("/billing/income/" + paid.json.path("incomeId").asLong() + "/receipt.html");
      assertEquals(200, printed.status);
      assertTrue(printed.text.contains(receipt) && printed.text.contains("伍元整"));
      assertTrue(owner.get("/billing/ledger/check").json.path("balanced").asBoolean());

      // ahead, at a pay station: the exit then opens by itself
      publishRead(cam, 23, "in-9", "in", "闽D70002", 97, 180);
      awaitPassage("闽D70002", p -> true);
      assertTrue(down.poll(10, java.util.concurrent.TimeUnit.SECONDS).contains("in-9"));
      JsonNode due = owner.get("/parking/lots/" + lot + "/due?plate=" + enc("闽D70002")).json;
      assertEquals(0, new java.math.BigDecimal("5.00").compareTo(due.path("due").decimalValue()));
      byte[] body =
          "{\"plate\":\"闽D70002\",\"method\":\"wechat\"}"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      java.util.Map<String, String> headers =
          java.util.Map.of("Content-Type", "application/json", "Idempotency-Key", "kiosk-7-1");
      java.net.http.HttpResponse<String> ahead =
          guard.raw("POST", "/parking/lots/" + lot + "/payments", headers, body, false);
      assertEquals(ahead.body(), 201, ahead.statusCode());
      java.net.http.HttpResponse<String> replay =
          guard.raw("POST", "/parking/lots/" + lot + "/payments", headers, body, false);
      assertEquals(replay.body(), 200, replay.statusCode());
      assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
      assertEquals(
          409,
          guard
              .raw(
                  "POST",
                  "/parking/lots/" + lot + "/payments",
                  java.util.Map.of("Content-Type", "application/json", "Idempotency-Key", "k-2"),
                  body,
                  false)
              .statusCode());
      publishRead(cam, 24, "out-9", "out", "闽D70002", 97);
      JsonNode left = awaitPassage("闽D70002", p -> p.path("direction").asText().equals("exit"));
      assertEquals("open", left.path("decision").asText());
      assertEquals("paid", left.path("reason").asText());
      assertEquals(2, owner.get("/parking/payments?lotId=" + lot).json.path("items").size());
      assertEquals(404, other.get("/parking/payments/" + paid.json.path("id").asLong()).status);
      assertEquals(404, other.post(pay, map("method", "cash")).status);
      assertTrue(owner.get("/billing/ledger/check").json.path("balanced").asBoolean());

      // a merchant's coupon takes an hour off: a short stay leaves free
      Map<String, Object> coupon =
          map("plate", "闽D70003", "minutes", 60, "merchant", "咖啡馆", "code", "CAFE-7");
      Http.Reply couponed = owner.post("/parking/lots/" + lot + "/coupons", coupon);
      assertEquals(couponed.toString(), 201, couponed.status);
      assertEquals(200, owner.post("/parking/lots/" + lot + "/coupons", coupon).status);
      assertEquals(
          409,
          owner.post(
                  "/parking/lots/" + lot + "/coupons",
                  map("plate", "闽D70004", "minutes", 60, "merchant", "咖啡馆", "code", "CAFE-7"))
              .status);
      assertEquals(404, other.post("/parking/lots/" + lot + "/coupons", coupon).status);
      publishRead(cam, 25, "in-9", "in", "闽D70003", 97, 180);
      JsonNode in3 = awaitPassage("闽D70003", p -> p.path("commandId").isNumber());
      assertEquals("open", in3.path("decision").asText());
      publishRead(cam, 26, "out-9", "out", "闽D70003", 97);
      JsonNode free = awaitPassage("闽D70003", p -> p.path("direction").asText().equals("exit"));
      assertEquals(free.toString(), "open", free.path("decision").asText());
      assertEquals("free", free.path("reason").asText());
      assertEquals(
          1, owner.get("/parking/discounts?plate=" + enc("闽D70003")).json.path("items").size());

      // the day's takings in the revenue report, and as a CSV file for a spreadsheet
      String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
      String period = "from=" + today + "&to=" + today + "&lotId=" + lot;
      JsonNode revenue = owner.get("/parking/reports/revenue?" + period).json;
      assertEquals(
          revenue.toString(),
          0,
          new java.math.BigDecimal("10.00").compareTo(revenue.path("total").decimalValue()));
      assertEquals(2, revenue.path("payments").asInt());
      Http.Reply csv = owner.get("/parking/reports/revenue?" + period + "&format=csv");
      assertEquals(csv.toString(), 200, csv.status);
      assertTrue(csv.contentType, csv.contentType.startsWith("text/csv"));
      assertTrue(csv.text, csv.text.startsWith("\ufeff") && csv.text.contains("10.00"));
      JsonNode occupancy = owner.get("/parking/reports/occupancy?" + period).json;
      assertEquals(24, occupancy.path("lots").get(0).path("hours").size());
      JsonNode dwell = owner.get("/parking/reports/dwell?" + period).json;
      assertEquals(3, dwell.path("buckets").get(0).path("temporary").asInt());
      assertEquals(200, owner.get("/parking/reports/expiring-cards?days=30").status);
      assertEquals(
          422, owner.get("/parking/reports/revenue?from=" + today + "&to=2020-01-01").status);
      assertEquals(404, other.get("/parking/reports/revenue?" + period).status);
    } finally {
      cam.disconnect();
    }
  }

  @Test
  public void a12_leasesRentsAndOwnersFeesGoOnTheRoomsBillsOnce() throws Exception {
    // billing may have been enabled by a11; enabling it again changes nothing
    operator.post("/operator/tenants/" + TENANT + "/modules/billing", "");
    long building =
        id(
            owner.post(
                "/estate/buildings",
                map("estateId", estate1, "code", "RB", "name", "租户楼", "floors", 6)));
    long unit =
        id(owner.post("/estate/units", map("buildingId", building, "code", "U1", "name", "一单元")));
    long room =
        id(
            owner.post(
                "/estate/rooms",
                map(
                    "unitId",
                    unit,
                    "number",
                    "301",
                    "floor",
                    3,
                    "area",
                    90,
                    "type",
                    "residential")));
    java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
    long rented = space(lot1, "R-12", "rented");
    long sold = space(lot1, "S-12", "owned");
    Http.Reply lease =
        owner.post(
            "/parking/leases",
            map(
                "spaceId",
                rented,
                "startDate",
                month.atDay(1).toString(),
                "term",
                "monthly",
                "terms",
                3,
                "holderName",
                "韩梅梅",
                "roomId",
                room,
                "rent",
                300));
    assertEquals(lease.toString(), 201, lease.status);
    assertEquals(room, lease.json.path("roomId").asLong());
    Http.Reply owned =
        owner.post(
            "/parking/spaces/" + sold + "/owners",
            map(
                "holderName",
                "李雷",
                "since",
                month.minusMonths(1).atDay(1).toString(),
                "roomId",
                room,
                "monthlyFee",
                80));
    assertEquals(owned.toString(), 201, owned.status);
    // a rent without its room, and a room the company does not have, are refused
    Http.Reply half =
        owner.post(
            "/parking/leases",
            map(
                "spaceId",
                rented,
                "startDate",
                month.plusMonths(6).atDay(1).toString(),
                "term",
                "monthly",
                "holderName",
                "A",
                "rent",
                300));
    assertEquals(half.toString(), 422, half.status);
    assertTrue(half.toString(), half.toString().contains("roomId"));
    Http.Reply stranger =
        owner.post(
            "/parking/spaces/" + sold + "/owners",
            map(
                "holderName",
                "王",
                "since",
                month.plusMonths(1).atDay(1).toString(),
                "roomId",
                99999999,
                "monthlyFee",
                80));
    assertEquals(stranger.toString(), 422, stranger.status);

    // the month's run bills each on its own; a second run of the month bills nothing again
    for (int run = 0; run < 2; run++) {
      Http.Reply started = owner.post("/billing/runs", map("period", month.toString()));
      assertEquals(started.toString(), 202, started.status);
      JsonNode state = null;
      for (int i = 0; i < 300; i++) {
        state = owner.get("/billing/runs/" + started.json.path("id").asLong()).json;
        if (state.path("finishedAt").isTextual()) {
          break;
        }
        Thread.sleep(100);
      }
      assertEquals(state.toString(), "completed", state.path("status").asText());
      JsonNode bills = owner.get("/billing/bills?roomId=" + room).json.path("items");
      assertEquals(bills.toString(), 2, bills.size());
      java.util.List<String> lines = new java.util.ArrayList<>();
      for (JsonNode listed : bills) {
        JsonNode bill = owner.get("/billing/bills/" + listed.path("id").asLong()).json;
        assertEquals(bill.toString(), month.toString(), bill.path("period").asText());
        bill.path("lines")
            .forEach(
                l ->
                    lines.add(
                        l.path("feeCode").asText()
                            + " "
                            + l.path("amount")
                                .decimalValue()
                                .stripTrailingZeros()
                                .toPlainString()));
      }
      java.util.Collections.sort(lines);
      assertEquals(
          bills.toString(), java.util.List.of("PARKING-MGMT 80", "PARKING-RENT 300"), lines);
    }
    assertTrue(owner.get("/billing/ledger/check").json.path("balanced").asBoolean());
    // the room is billed for a space: estate keeps it
    Http.Reply delete = owner.delete("/estate/rooms/" + room);
    assertEquals(delete.toString(), 409, delete.status);
    assertTrue(delete.toString(), delete.toString().contains("parking"));
  }

  @Test
  public void a13_aReservedPlateIsLetInAndAReservationNobodyCameForIsReleased() throws Exception {
    long lot = lotWithGates("P13", "访客预约车场", 0, "13");
    long visitor = space(lot, "V-13", "visitor");
    long later = space(lot, "V-14", "visitor");
    long lapsed = space(lot, "V-15", "visitor");
    java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8));
    Http.Reply reserved =
        owner.post(
            "/parking/reservations",
            map(
                "spaceId",
                visitor,
                "from",
                now.minusMinutes(5).toString(),
                "to",
                now.plusHours(2).toString(),
                "holderName",
                "访客",
                "plate",
                "闽d·71313"));
    assertEquals(reserved.toString(), 201, reserved.status);
    assertEquals("闽D71313", reserved.json.path("plate").asText());
    assertEquals(30, reserved.json.path("noShowMinutes").asInt());
    assertEquals(
        422,
        owner.post(
                "/parking/reservations",
                map(
                    "spaceId",
                    later,
                    "from",
                    now.plusHours(1).toString(),
                    "to",
                    now.plusHours(2).toString(),
                    "holderName",
                    "访客",
                    "plate",
                    "粤B!?"))
            .status);

    org.eclipse.paho.client.mqttv3.MqttClient cam =
        DevicesIT.connect(TENANT + "/cam-p1", camPassword);
    try {
      // no temporary space: a stranger is refused, the reserved plate comes in on its reservation
      publishRead(cam, 31, "in-13", "in", "闽D79999", 97);
      assertEquals("full", awaitPassage("闽D79999", p -> true).path("reason").asText());
      publishRead(cam, 32, "in-13", "in", "闽D71313", 97);
      JsonNode in = awaitPassage("闽D71313", p -> true);
      assertEquals(in.toString(), "open", in.path("decision").asText());
      assertEquals("reservation", in.path("reason").asText());
      JsonNode arrived =
          owner.get("/parking/reservations/" + reserved.json.path("id").asLong()).json;
      assertTrue(arrived.toString(), arrived.path("arrivedAt").isTextual());
    } finally {
      cam.disconnect();
    }

    // a guard notes an arrival by hand; another company cannot
    Http.Reply next =
        owner.post(
            "/parking/reservations",
            map(
                "spaceId",
                later,
                "from",
                now.plusMinutes(20).toString(),
                "to",
                now.plusHours(2).toString(),
                "holderName",
                "访客"));
    String arrive = "/parking/reservations/" + next.json.path("id").asLong() + "/arrive";
    assertEquals(404, other.post(arrive, map()).status);
    Http guard = owner.staff(TENANT, "park_res_guard", "guard", "estates", estate1);
    Http.Reply noted = guard.post(arrive, map());
    assertEquals(noted.toString(), 200, noted.status);
    assertTrue(noted.toString(), noted.json.path("arrivedAt").isTextual());

    // nobody came 5 minutes after the slot began: released within the next minute's chores
    Http.Reply noShow =
        owner.post(
            "/parking/reservations",
            map(
                "spaceId",
                lapsed,
                "from",
                now.minusMinutes(10).toString(),
                "to",
                now.plusHours(1).toString(),
                "holderName",
                "没来的人",
                "noShowMinutes",
                5));
    assertEquals(noShow.toString(), 201, noShow.status);
    String path = "/parking/reservations/" + noShow.json.path("id").asLong();
    JsonNode state = owner.get(path).json;
    for (long deadline = System.currentTimeMillis() + 90_000;
        !state.path("state").asText().equals("cancelled")
            && System.currentTimeMillis() < deadline; ) {
      Thread.sleep(500);
      state = owner.get(path).json;
    }
    assertEquals(state.toString(), "cancelled", state.path("state").asText());
    assertEquals("no-show", state.path("cancelReason").asText());
    assertTrue(state.toString(), state.path("releasedAt").isTextual());
    assertEquals(409, guard.post(path + "/arrive", map()).status);

    // a resident of the estate reserves a visitor space for their visitor: the platform picks it
    long building =
        id(
            owner.post(
                "/estate/buildings",
                map("estateId", estate1, "code", "VB", "name", "访客楼", "floors", 6)));
    long unit =
        id(owner.post("/estate/units", map("buildingId", building, "code", "U1", "name", "一单元")));
    long room =
        id(
            owner.post(
                "/estate/rooms",
                map(
                    "unitId",
                    unit,
                    "number",
                    "501",
                    "floor",
                    5,
                    "area",
                    90,
                    "type",
                    "residential")));
    long person =
        id(owner.post("/residents/persons", map("fullName", "王芳", "phone", "13900001313")));
    id(
        owner.post(
            "/residents/occupancies",
            map("personId", person, "roomId", room, "role", "owner", "moveIn", "2025-01-01")));
    Http.Reply in = owner.residentSignIn(TENANT, "+8613900001313");
    assertEquals(in.toString(), 200, in.status);
    Http resident =
        Http.anonymous(CourtyardContainer.httpPort()).tenant(in.json.path("accessToken").asText());
    Map<String, Object> visit =
        map(
            "lotId",
            lot,
            "from",
            now.plusHours(3).toString(),
            "to",
            now.plusHours(4).toString(),
            "holderName",
            "王芳的客人",
            "plate",
            "闽D71414");
    Http.Reply mine = resident.post("/parking/my/reservations", visit);
    assertEquals(mine.toString(), 201, mine.status);
    assertEquals("V-13", mine.json.path("spaceNumber").asText());
    assertEquals(1, resident.get("/parking/my/reservations").json.size());
    assertEquals(403, owner.post("/parking/my/reservations", visit).status);
    assertEquals(
        404, resident.get("/parking/my/reservations/" + reserved.json.path("id").asLong()).status);
    Http.Reply cancelled =
        resident.post(
            "/parking/my/reservations/" + mine.json.path("id").asLong() + "/cancel",
            map("reason", "plans changed", "version", mine.json.path("version").asInt()));
    assertEquals(cancelled.toString(), "cancelled", cancelled.json.path("state").asText());
  }

  @Test
  public void a14_aSpacesOccupancySensorSaysWhetherItIsTaken() throws Exception {
    long lot =
        id(
            owner.post(
                "/parking/lots",
                map(
                    "estateId",
                    estate1,
                    "code",
                    "P14",
                    "name",
                    "地面车位",
                    "location",
                    "above_ground",
                    "temporarySpaces",
                    2)));
    long watched = space(lot, "S-1", "visitor");
    Http.Reply sensor =
        owner.post(
            "/devices/devices",
            map(
                "id", "sensor-p14",
                "type", "parking-sensor",
                "name", "Space S-1 sensor",
                "location", map("kind", "area", "ref", "Yard")));
    assertEquals(sensor.toString(), 201, sensor.status);
    assertEquals(
        404, owner.put("/parking/spaces/" + watched + "/sensor", map("deviceId", "nobody")).status);
    assertEquals(
        404,
        other.put("/parking/spaces/" + watched + "/sensor", map("deviceId", "sensor-p14")).status);
    Http.Reply bound =
        owner.put("/parking/spaces/" + watched + "/sensor", map("deviceId", "sensor-p14"));
    assertEquals(bound.toString(), 200, bound.status);
    assertEquals("sensor-p14", bound.json.path("sensorDeviceId").asText());

    org.eclipse.paho.client.mqttv3.MqttClient device =
        DevicesIT.connect(
            TENANT + "/sensor-p14", sensor.json.path("mqtt").path("password").asText());
    try {
      device.publish(
          "t/" + TENANT + "/d/sensor-p14/up",
          ("seq=1;ts=" + java.time.Instant.now().getEpochSecond() + ";sp=S-1;occ=1;bat=90")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8),
          1,
          false);
      JsonNode taken =
          DevicesIT.await(
              owner, "/parking/spaces/" + watched, j -> j.path("occupied").asBoolean(false));
      assertTrue(taken.toString(), taken.path("occupiedAt").isTextual());
      JsonNode occupancy = owner.get("/parking/lots/" + lot + "/occupancy").json;
      assertEquals(occupancy.toString(), 1, occupancy.path("sensedSpaces").asInt());
      assertEquals(0, occupancy.path("sensedFree").asInt());
      device.publish(
          "t/" + TENANT + "/d/sensor-p14/up",
          ("seq=2;ts=" + (java.time.Instant.now().getEpochSecond() + 1) + ";sp=S-1;occ=0")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8),
          1,
          false);
      DevicesIT.await(
          owner, "/parking/lots/" + lot + "/occupancy", j -> j.path("sensedFree").asInt() == 1);
    } finally {
      device.disconnect();
    }
    assertEquals(200, owner.delete("/parking/spaces/" + watched + "/sensor").status);
    assertTrue(owner.get("/parking/spaces/" + watched).json.path("occupied").isNull());
  }

  private static void publishRead(
      org.eclipse.paho.client.mqttv3.MqttClient cam,
      int seq,
      String lane,
      String dir,
      String plate,
      int confidence)
      throws Exception {
    publishRead(cam, seq, lane, dir, plate, confidence, 0);
  }

  /** A read the camera made {@code agoSeconds} before now (less than its allowed clock skew). */
  private static void publishRead(
      org.eclipse.paho.client.mqttv3.MqttClient cam,
      int seq,
      String lane,
      String dir,
      String plate,
      int confidence,
      int agoSeconds)
      throws Exception {
    cam.publish(
        "t/" + TENANT + "/d/cam-p1/up",
        ("{\"seq\":"
                + seq
                + ",\"type\":\"plate\",\"ts\":\""
                + java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
                    .minusSeconds(agoSeconds)
                    .withNano(0)
                + "\",\"lane\":\""
                + lane
                + "\",\"dir\":\""
                + dir
                + "\",\"plate\":\""
                + plate
                + "\",\"color\":\"blue\",\"conf\":"
                + confidence
                + "}")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
        1,
        false);
  }

  /** The newest passage of the plate once {@code done} holds for it. */
  private static JsonNode awaitPassage(String plate, java.util.function.Predicate<JsonNode> done)
      throws Exception {
    JsonNode items =
        DevicesIT.await(
            owner,
            "/parking/passages?plate=" + enc(plate),
            j -> j.path("items").size() > 0 && done.test(j.path("items").get(0)));
    return items.path("items").get(0);
  }

  private static String enc(String v) {
    return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
  }
}
