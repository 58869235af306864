package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Test;

/**
 * What the parking screens rely on: lots of an estate, a numbered range of spaces (all or none),
 * spaces by lot, leases with their first and last day, a second lease of the same months refused
 * with the holder's period, and a lease cancelled with a reason at its version.
 */
public abstract class ParkingContract extends TenantApiContract {

  private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 100000);

  private static String unique(String prefix) {
    return prefix + NEXT.incrementAndGet();
  }

  /** A new estate and a lot in it; answers the lot. */
  private JsonNode lot(String admin) {
    Answer estate =
        send(
            "POST",
            "estate/estates",
            Map.of("code", unique("PK"), "name", "Parking estate"),
            admin);
    assertEquals(describe(estate), 201, estate.status());
    Map<String, Object> lot = new LinkedHashMap<>();
    lot.put("estateId", estate.body().path("id").asLong());
    lot.put("code", unique("P"));
    lot.put("name", "Garage");
    lot.put("location", "underground");
    lot.put("levels", 2);
    Answer made = send("POST", "parking/lots", lot, admin);
    assertEquals(describe(made), 201, made.status());
    return made.body();
  }

  @Test
  public void lotsAndRangesOfSpacesAreMadeAllOrNothing() {
    String admin = accessToken(target().newStaff("administrator"));
    JsonNode lot = lot(admin);
    long lotId = lot.path("id").asLong();
    assertEquals(0, lot.path("spaces").asLong());

    Map<String, Object> range = new LinkedHashMap<>();
    range.put("prefix", "B1-");
    range.put("from", 1);
    range.put("to", 12);
    range.put("digits", 3);
    range.put("kind", "rented");
    range.put("level", -1);
    Answer spaces = send("POST", "parking/lots/" + lotId + "/spaces", range, admin);
    assertEquals(describe(spaces), 201, spaces.status());
    assertEquals(12, spaces.body().size());
    assertEquals("B1-001", spaces.body().get(0).path("number").asText());
    assertEquals("in_service", spaces.body().get(0).path("state").asText());

    range.put("from", 10);
    range.put("to", 20);
    Answer clash = send("POST", "parking/lots/" + lotId + "/spaces", range, admin);
    assertProblem(clash, 409, "duplicate");
    assertEquals("B1-010", clash.body().path("number").asText());

    Answer listed = send("GET", "parking/spaces?lotId=" + lotId + "&limit=5", null, admin);
    assertPage(listed);
    assertEquals(5, listed.body().path("items").size());
    boolean found = false;
    for (JsonNode l : send("GET", "parking/lots?limit=500", null, admin).body().path("items")) {
      if (l.path("id").asLong() == lotId) {
        assertEquals(12, l.path("spaces").asLong());
        found = true;
      }
    }
    assertTrue("the new lot is listed", found);

    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("estateId", lot.path("estateId").asLong());
    bad.put("code", "");
    bad.put("name", "");
    bad.put("location", "roof");
    assertProblem(send("POST", "parking/lots", bad, admin), 422, "validation-failed");
  }

  @Test
  public void aLotsMapShowsEverySpaceWithWhatHoldsItNow() {
    String admin = accessToken(target().newStaff("administrator"));
    long lotId = lot(admin).path("id").asLong();
    Answer below =
        send(
            "POST",
            "parking/lots/" + lotId + "/spaces",
            Map.of("prefix", "M-", "from", 1, "to", 3, "digits", 1, "kind", "rented", "level", -1),
            admin);
    assertEquals(describe(below), 201, below.status());
    Answer above =
        send(
            "POST",
            "parking/lots/" + lotId + "/spaces",
            Map.of("prefix", "U-", "from", 1, "to", 1, "digits", 1, "kind", "rented", "level", 1),
            admin);
    assertEquals(describe(above), 201, above.status());
    Map<String, Object> lease = new LinkedHashMap<>();
    lease.put("spaceId", below.body().get(1).path("id").asLong());
    lease.put(
        "startDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
    lease.put("term", "monthly");
    lease.put("terms", 1);
    lease.put("holderName", "Han Meimei");
    Answer leased = send("POST", "parking/leases", lease, admin);
    assertEquals(describe(leased), 201, leased.status());

    Answer map = send("GET", "parking/lots/" + lotId + "/map", null, admin);
    assertEquals(describe(map), 200, map.status());
    assertTrue(describe(map), map.body().path("complete").asBoolean());
    StringBuilder drawn = new StringBuilder();
    for (JsonNode t : map.body().path("spaces")) {
      drawn
          .append(t.path("space").path("number").asText())
          .append('=')
          .append(
              t.path("heldBy").isNull() || t.path("heldBy").isMissingNode()
                  ? "-"
                  : t.path("heldBy").asText())
          .append(' ');
    }
    assertEquals(describe(map), "U-1=- M-1=- M-2=lease M-3=- ", drawn.toString());
    assertProblem(
        send("GET", "parking/lots/" + (lotId + 1_000_000) + "/map", null, admin), 404, "not-found");

    // a new lot has no gates; one without its fields is refused at them
    Answer gates = send("GET", "parking/lots/" + lotId + "/gates", null, admin);
    assertEquals(describe(gates), 200, gates.status());
    assertEquals(describe(gates), 0, gates.body().size());
    Map<String, Object> gate = new LinkedHashMap<>();
    gate.put("lotId", lotId);
    gate.put("direction", "sideways");
    assertProblem(send("POST", "parking/gates", gate, admin), 422, "validation-failed");
  }

  @Test
  public void aMerchantsCouponServesOnceInItsLotAndIsListedByPlate() {
    String admin = accessToken(target().newStaff("administrator"));
    long lotId = lot(admin).path("id").asLong();
    String code = unique("C");
    Map<String, Object> coupon = new LinkedHashMap<>();
    coupon.put("plate", "粤b 12345");
    coupon.put("minutes", 60);
    coupon.put("merchant", "Corner cafe");
    coupon.put("code", code);
    Answer made = send("POST", "parking/lots/" + lotId + "/coupons", coupon, admin);
    assertEquals(describe(made), 201, made.status());
    assertEquals("coupon", made.body().path("kind").asText());
    assertEquals("粤B12345", made.body().path("plate").asText());
    assertEquals(60, made.body().path("minutes").asInt());
    Answer again = send("POST", "parking/lots/" + lotId + "/coupons", coupon, admin);
    assertEquals(describe(again), 200, again.status());
    assertEquals(made.body().path("id").asLong(), again.body().path("id").asLong());
    coupon.put("plate", "粤B54321");
    assertProblem(
        send("POST", "parking/lots/" + lotId + "/coupons", coupon, admin), 409, "coupon-used");
    coupon.put("code", unique("C"));
    coupon.put("minutes", 0);
    assertProblem(
        send("POST", "parking/lots/" + lotId + "/coupons", coupon, admin),
        422,
        "validation-failed");

    Answer listed =
        send(
            "GET",
            "parking/discounts?lotId="
                + lotId
                + "&plate="
                + java.net.URLEncoder.encode("粤B12345", java.nio.charset.StandardCharsets.UTF_8),
            null,
            admin);
    assertPage(listed);
    assertEquals(describe(listed), 1, listed.body().path("items").size());
    assertEquals(code, listed.body().path("items").get(0).path("code").asText());
  }

  @Test
  public void aLotsSpacesComeFromACsvFileAllOrNone() {
    String admin = accessToken(target().newStaff("administrator"));
    long lotId = lot(admin).path("id").asLong();
    String path = "parking/lots/" + lotId + "/spaces/import";
    Answer refused =
        upload(path, "number,kind,level\nC-1,garage,-1\nC-2,rented,0\nC-3,rented,-1\n", admin);
    assertProblem(refused, 422, "import-rejected");
    StringBuilder where = new StringBuilder();
    refused
        .body()
        .path("errors")
        .forEach(
            e ->
                where
                    .append(e.path("line").asInt())
                    .append(':')
                    .append(e.path("column").asText())
                    .append(' '));
    assertEquals(describe(refused), "2:kind 3:level ", where.toString());
    assertEquals(
        0, send("GET", "parking/spaces?lotId=" + lotId, null, admin).body().path("items").size());

    Answer done =
        upload(path, "\uFEFFkind,number,level,size\nrented,C-1,-1,large\nvisitor,C-2,1,\n", admin);
    assertEquals(describe(done), 200, done.status());
    assertEquals(2, done.body().path("spacesCreated").asInt());
    JsonNode listed =
        send("GET", "parking/spaces?lotId=" + lotId, null, admin).body().path("items");
    assertEquals(2, listed.size());
    assertEquals("large", listed.get(0).path("size").asText());
  }

  @Test
  public void aSecondLeaseOfTheSameMonthsIsRefusedWithTheHoldersPeriod() {
    String admin = accessToken(target().newStaff("administrator"));
    long lotId = lot(admin).path("id").asLong();
    Map<String, Object> range =
        Map.of("prefix", "R-", "from", 1, "to", 1, "digits", 1, "kind", "rented", "level", -1);
    long space =
        send("POST", "parking/lots/" + lotId + "/spaces", range, admin)
            .body()
            .get(0)
            .path("id")
            .asLong();

    Map<String, Object> lease = new LinkedHashMap<>();
    lease.put("spaceId", space);
    lease.put("startDate", "2027-01-01");
    lease.put("term", "quarterly");
    lease.put("terms", 1);
    lease.put("holderName", "Han Meimei");
    Answer first = send("POST", "parking/leases", lease, admin);
    assertEquals(describe(first), 201, first.status());
    assertEquals("2027-01-01", first.body().path("firstDay").asText());
    assertEquals("2027-03-31", first.body().path("lastDay").asText());
    assertEquals("R-1", first.body().path("spaceNumber").asText());
    assertEquals("active", first.body().path("state").asText());

    // a rent is billed to a room: one without the other is refused on the missing field
    lease.put("rent", 300);
    Answer rentAlone = send("POST", "parking/leases", lease, admin);
    assertProblem(rentAlone, 422, "validation-failed");
    assertEquals(
        describe(rentAlone),
        "roomId",
        rentAlone.body().path("errors").get(0).path("field").asText());
    lease.remove("rent");

    lease.put("startDate", "2027-03-01");
    lease.put("term", "monthly");
    lease.put("holderName", "Li Lei");
    Answer second = send("POST", "parking/leases", lease, admin);
    assertProblem(second, 409, "space-taken");
    assertEquals(
        first.body().path("id").asLong(), second.body().path("heldBy").path("bookingId").asLong());
    assertTrue(describe(second), second.body().path("detail").asText().contains("2027-03-31"));

    Answer current = send("GET", "parking/leases?current=true&limit=500", null, admin);
    assertPage(current);

    Answer cancelled =
        send(
            "POST",
            "parking/leases/" + first.body().path("id").asLong() + "/cancel",
            Map.of("reason", "moved away", "version", first.body().path("version").asInt()),
            admin);
    assertEquals(describe(cancelled), 200, cancelled.status());
    assertEquals("cancelled", cancelled.body().path("state").asText());
    assertEquals("moved away", cancelled.body().path("cancelReason").asText());
    assertEquals(201, send("POST", "parking/leases", lease, admin).status());
    assertProblem(
        send(
            "POST",
            "parking/leases/" + first.body().path("id").asLong() + "/cancel",
            Map.of("reason", "again", "version", cancelled.body().path("version").asInt()),
            admin),
        409,
        "wrong-state");
  }

  @Test
  public void aLotsTariffIsSetAndChangedAtItsVersion() {
    String admin = accessToken(target().newStaff("administrator"));
    long lotId = lot(admin).path("id").asLong();
    assertProblem(send("GET", "parking/lots/" + lotId + "/tariff", null, admin), 404, "no-tariff");
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("freeMinutes", 15);
    t.put("firstMinutes", 60);
    t.put("firstPrice", 5);
    t.put("unitMinutes", 30);
    t.put("unitPrice", 2.5);
    t.put("capPer24h", 40);
    Answer set = send("PUT", "parking/lots/" + lotId + "/tariff", t, admin);
    assertEquals(describe(set), 200, set.status());
    assertEquals(0, set.body().path("version").asInt());
    assertEquals(
        0, new java.math.BigDecimal("2.50").compareTo(set.body().path("unitPrice").decimalValue()));
    assertTrue(set.body().path("nightFrom").isNull());
    Answer read = send("GET", "parking/lots/" + lotId + "/tariff", null, admin);
    assertEquals(describe(read), 200, read.status());
    assertEquals(set.body().path("version"), read.body().path("version"));
    assertEquals(set.body().path("firstPrice"), read.body().path("firstPrice"));
    assertEquals(15, read.body().path("freeMinutes").asInt());
    // minutes to leave after paying ahead: 15 unless given, at most 120
    assertEquals(15, read.body().path("graceMinutes").asInt());
    assertEquals(120, read.body().path("visitorMinutes").asInt());
    t.put("nightFrom", "22:00");
    assertProblem(
        send("PUT", "parking/lots/" + lotId + "/tariff", t, admin), 422, "validation-failed");
    t.put("nightTo", "07:00");
    t.put("nightUnitPrice", 1);
    t.put("version", 0);
    t.put("graceMinutes", 121);
    assertProblem(
        send("PUT", "parking/lots/" + lotId + "/tariff", t, admin), 422, "validation-failed");
    t.put("graceMinutes", 10);
    Answer changed = send("PUT", "parking/lots/" + lotId + "/tariff", t, admin);
    assertEquals(describe(changed), 200, changed.status());
    assertEquals(1, changed.body().path("version").asInt());
    assertEquals("22:00", changed.body().path("nightFrom").asText());
    assertEquals(10, changed.body().path("graceMinutes").asInt());
    assertProblem(send("PUT", "parking/lots/" + lotId + "/tariff", t, admin), 409, "stale-version");
  }

  @Test
  public void aSoldSpacesOwnerIsRecordedAndShownOnTheSpace() {
    String admin = accessToken(target().newStaff("administrator"));
    long lotId = lot(admin).path("id").asLong();
    Map<String, Object> range =
        Map.of("prefix", "OW-", "from", 1, "to", 1, "digits", 1, "kind", "owned", "level", -1);
    long space =
        send("POST", "parking/lots/" + lotId + "/spaces", range, admin)
            .body()
            .get(0)
            .path("id")
            .asLong();
    Answer first =
        send(
            "POST",
            "parking/spaces/" + space + "/owners",
            Map.of("holderName", "Han Meimei", "since", "2020-05-01"),
            admin);
    assertEquals(describe(first), 201, first.status());
    assertEquals("2020-05-01", first.body().path("since").asText());
    boolean shown = false;
    for (JsonNode s :
        send("GET", "parking/spaces?lotId=" + lotId, null, admin).body().path("items")) {
      if (s.path("id").asLong() == space) {
        assertEquals("Han Meimei", s.path("ownerName").asText());
        shown = true;
      }
    }
    assertTrue("the space is listed with its owner", shown);
    Answer early =
        send(
            "POST",
            "parking/spaces/" + space + "/owners",
            Map.of("holderName", "Li Lei", "since", "2019-01-01"),
            admin);
    assertProblem(early, 409, "owner-since-order");
    assertEquals("2020-05-01", early.body().path("currentSince").asText());
    Answer history = send("GET", "parking/spaces/" + space + "/owners", null, admin);
    assertEquals(describe(history), 200, history.status());
    assertEquals(1, history.body().size());
  }
}
