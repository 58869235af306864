package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
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
 * The Today screen ({@code GET /today}, #12) over a tenant with estate, residents, billing, devices
 * and security, and some of each: two estates (four rooms in estate 1, two in estate 2, one of them
 * occupied), three persons, a period billed six months ago (so over 90 days past due) and this
 * month, a payment that settles one room's old bill and part of its new one, two door controllers
 * that each raised an alarm (one acknowledged since), and two meters last heard from an hour ago
 * (offline, each with its device_offline alarm). The owner sees the whole company's numbers; a
 * project manager of estate 1 sees estate 1's only; a guard (no billing permission) gets no billing
 * tile; another company sees its own zeros; and a module that fails is named in {@code missing}
 * while the others' tiles are answered.
 *
 * <p>The tests build on each other in name order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TodayIT {

  private static final String TENANT = "today_co";
  private static final String OTHER = "today_other";
  private static final List<String> MODULES =
      List.of("estate", "residents", "billing", "devices", "security");

  private static Http owner;
  private static Http other;
  private static Http manager;
  private static Http guard;
  private static YearMonth current;
  private static YearMonth old;
  private static long e1;
  private static final Map<String, Long> rooms = new LinkedHashMap<>();

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    if (owner != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    owner = anonymous.tenant(operator.onboard(TENANT, MODULES));
    other = anonymous.tenant(operator.onboard(OTHER, MODULES));
    Http.Reply settings = owner.get("/billing/settings");
    assertEquals(settings.toString(), 200, settings.status);
    current = YearMonth.now(ZoneId.of(settings.json.path("timeZone").asText()));
    old = current.minusMonths(6);

    // estate 1: B1 with 101 (occupied), 102, 103 and B2 with 201; estate 2: B3 with 301, 302
    e1 = Http.id(owner.post("/estate/estates", map("code", "TE1", "name", "东苑")));
    building(e1, "B1", "101", "102", "103");
    building(e1, "B2", "201");
    long e2 = Http.id(owner.post("/estate/estates", map("code", "TE2", "name", "西苑")));
    building(e2, "B3", "301", "302");

    long both =
        Http.id(owner.post("/residents/persons", map("fullName", "陈静", "phone", "13900000021")));
    long west =
        Http.id(owner.post("/residents/persons", map("fullName", "王磊", "phone", "13900000022")));
    Http.id(owner.post("/residents/persons", map("fullName", "李娜", "phone", "13900000023")));
    occupy(both, rooms.get("101"));
    occupy(both, rooms.get("301"));
    occupy(west, rooms.get("302"));

    // 80 m² at 2.00 a month: 160.00 a room and period
    Http.id(
        owner.post(
            "/billing/fee-items",
            map(
                "code",
                "T_PROP",
                "name",
                "Property fee",
                "kind",
                "area",
                "unitPrice",
                2,
                "effectiveFrom",
                "2020-01-01")));
    runPeriod(old);
    runPeriod(current);
    // oldest first: 160.00 settles 201's old bill, 40.00 goes to its bill of this month
    pay(rooms.get("201"), "200.00");

    String doorE1 = register("door-e1", "door-controller", map("kind", "gate", "ref", "North"), e1);
    String doorE2 = register("door-e2", "door-controller", map("kind", "gate", "ref", "West"), e2);
    register("meter-e1", "water-meter", map("kind", "area", "ref", "Plant room"), e1);
    register("meter-e2", "water-meter", map("kind", "area", "ref", "Plant room"), e2);
    forced("door-e1", doorE1);
    forced("door-e2", doorE2);
    JsonNode raised =
        DevicesIT.await(owner, "/security/alarms?status=raised", j -> j.path("items").size() == 2);
    for (JsonNode alarm : raised.path("items")) {
      if (alarm.path("deviceId").asText().equals("door-e2")) {
        Http.Reply ack =
            owner.post(
                "/security/alarms/" + alarm.path("id").asLong() + "/acknowledge",
                map("by", "Guard Li", "note", "on the way"));
        assertEquals(ack.toString(), 200, ack.status);
      }
    }
    // heard from an hour ago: with the 300 s heartbeat timeout, offline; security's check raises
    // a device_offline alarm for each (checking every second here, for the test's sake)
    sql(
        "update t_"
            + TENANT
            + ".device set last_seen_at = now() - interval '1 hour'"
            + " where id in ('meter-e1', 'meter-e2')");
    configure("org.courtyard.security", "offlineCheckSeconds", 1);
    try {
      DevicesIT.await(
          owner,
          "/security/alarms?status=raised",
          j -> j.toString().split("\"kind\":\"device_offline\"", -1).length == 3);
    } finally {
      configure("org.courtyard.security", "offlineCheckSeconds", 60);
    }

    // a valve in each estate whose driver is gone (as when its package is uninstalled): faulty,
    // and never heard from, so security raises no device_offline alarm for it
    register("valve-e1", "water-meter", map("kind", "area", "ref", "Boiler room"), e1);
    register("valve-e2", "water-meter", map("kind", "area", "ref", "Boiler room"), e2);
    sql(
        "update t_"
            + TENANT
            + ".device set driver = 'retired-driver' where id in ('valve-e1', 'valve-e2')");

    manager = owner.staff(TENANT, "today.pm", "project_manager", "estates", e1);
    guard = owner.staff(TENANT, "today.guard", "guard", "estates", e1);
  }

  @Test
  public void a01_theOwnerSeesTheWholeCompanysNumbers() throws Exception {
    Today today = today(owner);
    assertEquals(today.text, List.of(), today.missing);
    assertEquals(
        today.text,
        List.of(
            "billing.billed-this-month",
            "billing.bills-this-month",
            "billing.collected-this-month",
            "billing.collection-rate",
            "billing.arrears-over-90-days",
            "devices.offline",
            "devices.faulty",
            "estate.estates",
            "estate.buildings",
            "estate.rooms",
            "estate.vacant-rooms",
            "residents.persons",
            "residents.occupied-rooms",
            "security.open-alarms",
            "security.alarms-in-hand"),
        today.ids());

    JsonNode billed = today.tile("billing.billed-this-month");
    assertMoney(billed, "960.00");
    assertEquals("money", billed.path("unit").asText());
    assertEquals("CNY", billed.path("currency").asText());
    assertEquals("billing.statistics.read", billed.path("permission").asText());
    assertEquals(
        "/api/v1/billing/statistics/collection?period=" + current, billed.path("link").asText());
    JsonNode series = billed.path("series");
    assertEquals(billed.toString(), 2, series.size());
    assertEquals("Billed", series.get(0).path("titleEn").asText());
    JsonNode billedPoints = series.get(0).path("points");
    JsonNode collectedPoints = series.get(1).path("points");
    assertEquals(12, billedPoints.size());
    assertEquals(current.minusMonths(11).toString(), billedPoints.get(0).path("label").asText());
    assertEquals(current.toString(), billedPoints.get(11).path("label").asText());
    assertAmount("960.00", billedPoints.get(11).path("value"));
    assertAmount("40.00", collectedPoints.get(11).path("value"));
    assertEquals(old.toString(), billedPoints.get(5).path("label").asText());
    assertAmount("960.00", billedPoints.get(5).path("value"));
    assertAmount("160.00", collectedPoints.get(5).path("value"));
    assertAmount("0.00", billedPoints.get(6).path("value"));

    assertCount(today.tile("billing.bills-this-month"), 6);
    assertMoney(today.tile("billing.collected-this-month"), "40.00");
    JsonNode rate = today.tile("billing.collection-rate");
    assertEquals("percent", rate.path("unit").asText());
    assertAmount("4.17", rate.path("value")); // 40.00 of 960.00
    JsonNode arrears = today.tile("billing.arrears-over-90-days");
    assertMoney(arrears, "800.00"); // five old bills of 160.00 still open
    assertEquals("warning", arrears.path("tone").asText());
    assertEquals("/api/v1/billing/arrears", arrears.path("link").asText());

    assertCount(today.tile("devices.offline"), 2);
    assertEquals("warning", today.tile("devices.offline").path("tone").asText());
    assertCount(today.tile("devices.faulty"), 2);
    assertEquals("alert", today.tile("devices.faulty").path("tone").asText());

    assertCount(today.tile("estate.estates"), 2);
    assertCount(today.tile("estate.buildings"), 3);
    assertCount(today.tile("estate.rooms"), 6);
    assertCount(today.tile("estate.vacant-rooms"), 5);
    assertEquals(
        "/api/v1/estate/rooms?status=vacant",
        today.tile("estate.vacant-rooms").path("link").asText());

    assertCount(today.tile("residents.persons"), 3);
    assertCount(today.tile("residents.occupied-rooms"), 3);

    // door-e1 forced, meter-e1 and meter-e2 offline; door-e2's forced door acknowledged
    JsonNode open = today.tile("security.open-alarms");
    assertCount(open, 3);
    assertEquals("alert", open.path("tone").asText());
    assertEquals("security.alarm.read", open.path("permission").asText());
    assertEquals("/api/v1/security/alarms?status=raised", open.path("link").asText());
    JsonNode inHand = today.tile("security.alarms-in-hand");
    assertCount(inHand, 1);
    assertEquals("warning", inHand.path("tone").asText());

    // the drill-down links answer, and with the tiles' numbers
    Http.Reply list = owner.get(open.path("link").asText().replace("/api/v1", ""));
    assertEquals(list.toString(), 200, list.status);
    assertEquals(list.text, 3, list.json.path("items").size());
    Http.Reply stats = owner.get(billed.path("link").asText().replace("/api/v1", ""));
    assertEquals(stats.toString(), 200, stats.status);
    assertAmount("960.00", stats.json.path("billed"));
  }

  @Test
  public void a02_aProjectManagerOfOneEstateSeesThatEstatesNumbersOnly() throws Exception {
    Today today = today(manager);
    assertEquals(today.text, List.of(), today.missing);
    assertMoney(today.tile("billing.billed-this-month"), "640.00");
    assertCount(today.tile("billing.bills-this-month"), 4);
    assertMoney(today.tile("billing.collected-this-month"), "40.00");
    assertAmount("6.25", today.tile("billing.collection-rate").path("value"));
    assertMoney(today.tile("billing.arrears-over-90-days"), "480.00");
    JsonNode points = today.tile("billing.billed-this-month").path("series").get(0).path("points");
    assertAmount("640.00", points.get(5).path("value"));

    assertCount(today.tile("devices.offline"), 1);
    assertCount(today.tile("devices.faulty"), 1);
    assertCount(today.tile("estate.estates"), 1);
    assertCount(today.tile("estate.buildings"), 2);
    assertCount(today.tile("estate.rooms"), 4);
    assertCount(today.tile("estate.vacant-rooms"), 3);
    // 陈静 lives in 101; 王磊 (estate 2 only) and 李娜 (no room, recorded by the owner) are not seen
    assertCount(today.tile("residents.persons"), 1);
    assertCount(today.tile("residents.occupied-rooms"), 1);
    assertCount(today.tile("security.open-alarms"), 2); // door-e1 forced, meter-e1 offline
    assertCount(today.tile("security.alarms-in-hand"), 0);
    assertEquals("normal", today.tile("security.alarms-in-hand").path("tone").asText());
  }

  @Test
  public void a03_aGuardWithoutBillingPermissionsGetsNoBillingTile() throws Exception {
    Today today = today(guard);
    assertEquals(today.text, List.of(), today.missing);
    assertFalse(today.text, today.ids().stream().anyMatch(id -> id.startsWith("billing.")));
    assertCount(today.tile("security.open-alarms"), 2);
    assertCount(today.tile("devices.offline"), 1);
    assertCount(today.tile("estate.rooms"), 4);
    assertCount(today.tile("residents.persons"), 1);
  }

  @Test
  public void a04_anotherCompanySeesItsOwnZeros() throws Exception {
    Today today = today(other);
    assertEquals(today.text, List.of(), today.missing);
    assertEquals(OTHER, today.json.path("tenant").asText());
    assertEquals(15, today.ids().size());
    assertMoney(today.tile("billing.billed-this-month"), "0.00");
    assertCount(today.tile("billing.bills-this-month"), 0);
    assertMoney(today.tile("billing.collected-this-month"), "0.00");
    JsonNode noRate = today.tile("billing.collection-rate").path("value");
    assertTrue(today.text, noRate.isNull() || noRate.isMissingNode()); // nothing billed
    assertMoney(today.tile("billing.arrears-over-90-days"), "0.00");
    assertEquals("good", today.tile("billing.arrears-over-90-days").path("tone").asText());
    for (String id :
        List.of(
            "billing.bills-this-month",
            "devices.offline",
            "devices.faulty",
            "estate.estates",
            "estate.buildings",
            "estate.rooms",
            "estate.vacant-rooms",
            "residents.persons",
            "residents.occupied-rooms",
            "security.open-alarms",
            "security.alarms-in-hand")) {
      assertCount(today.tile(id), 0);
    }
    assertEquals("good", today.tile("security.open-alarms").path("tone").asText());
  }

  @Test
  public void a05_aModuleThatFailsIsNamedMissingAndTheOthersAreAnswered() throws Exception {
    // billing's table gone from under it: its tiles fail, the other modules' do not
    sql("alter table t_" + OTHER + ".bill rename to bill_away");
    try {
      Today today = today(other);
      assertEquals(today.text, List.of("billing"), today.missing);
      assertFalse(today.text, today.ids().stream().anyMatch(id -> id.startsWith("billing.")));
      assertCount(today.tile("estate.rooms"), 0);
      assertCount(today.tile("security.open-alarms"), 0);
      assertEquals(10, today.ids().size());
    } finally {
      sql("alter table t_" + OTHER + ".bill_away rename to bill");
    }
    Today again = today(other);
    assertEquals(again.text, List.of(), again.missing);
    assertEquals(15, again.ids().size());
  }

  @Test
  public void a06_aSignedOutCallerIsRefused() throws Exception {
    Http.Reply anonymous = Http.anonymous(CourtyardContainer.httpPort()).get("/today");
    assertEquals(anonymous.toString(), 401, anonymous.status);
  }

  @Test
  public void a07_aDeviceTileLinksToTheListOfTheDevicesItCounts() throws Exception {
    assertTilesListTheirDevices(
        owner, List.of("meter-e1", "meter-e2"), List.of("valve-e1", "valve-e2"));
    // in the caller's scope: estate 1's devices only, in the list as on the tile
    assertTilesListTheirDevices(manager, List.of("meter-e1"), List.of("valve-e1"));
    assertTilesListTheirDevices(guard, List.of("meter-e1"), List.of("valve-e1"));
    assertTilesListTheirDevices(other, List.of(), List.of());

    // the filter goes with the others; a device whose driver is gone is faulty, never never-seen
    assertEquals(
        List.of("meter-e1", "meter-e2"),
        walk(owner, "/devices/devices?state=offline&type=water-meter&limit=5"));
    assertEquals(List.of(), walk(owner, "/devices/devices?state=offline&type=door-controller"));
    assertEquals(List.of(), walk(owner, "/devices/devices?state=never-seen"));
    assertTrue(
        List.of("door-e1", "door-e2").containsAll(walk(owner, "/devices/devices?state=online")));

    Http.Reply unknown = owner.get("/devices/devices?state=broken");
    assertEquals(unknown.toString(), 400, unknown.status);
    assertEquals(unknown.toString(), "invalid-parameter", unknown.problemType());
    assertTrue(unknown.toString(), unknown.contentType.startsWith("application/problem+json"));
    assertTrue(unknown.text, unknown.json.path("detail").asText().contains("state must be one of"));
  }

  @Test
  public void a08_theOccupiedRoomsTileLinksToTheListOfTheRoomsItCounts() throws Exception {
    // 101 and 301 (陈静), 302 (王磊); estate 1's manager and guard: 101 only
    assertTileListsItsRooms(owner, List.of("101", "301", "302"));
    assertTileListsItsRooms(manager, List.of("101"));
    assertTileListsItsRooms(guard, List.of("101"));
    assertTileListsItsRooms(other, List.of());
    // derived from occupancies: 301 and 302 were recorded vacant in estate, yet are lived in
    JsonNode first = owner.get("/residents/occupied-rooms?limit=1").json.path("items").get(0);
    assertEquals(first.toString(), "TE1/B1/U1/101", first.path("label").asText());
    assertEquals(first.toString(), 1, first.path("occupants").asLong());
  }

  /**
   * The residents.occupied-rooms tile of {@code api} counts exactly the rooms its link lists,
   * walked one room a page, in the caller's scope.
   */
  private static void assertTileListsItsRooms(Http api, List<String> numbers) throws Exception {
    JsonNode tile = today(api).tile("residents.occupied-rooms");
    String link = tile.path("link").asText();
    assertEquals(tile.toString(), "/api/v1/residents/occupied-rooms", link);
    List<Long> expected = new ArrayList<>();
    numbers.forEach(n -> expected.add(rooms.get(n)));
    List<Long> listed = ResidentsIT.occupiedRooms(api, "", 1);
    assertEquals(tile.toString(), expected, listed);
    assertEquals(tile.toString(), listed.size(), tile.path("value").asLong());
  }

  /**
   * The devices.offline and devices.faulty tiles of {@code api} count exactly the devices their
   * links list, walked one device a page (keyset paging under the filter), in the caller's scope.
   */
  private static void assertTilesListTheirDevices(
      Http api, List<String> offline, List<String> faulty) throws Exception {
    Today today = today(api);
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("offline", offline);
    expected.put("faulty", faulty);
    for (Map.Entry<String, List<String>> state : expected.entrySet()) {
      JsonNode tile = today.tile("devices." + state.getKey());
      String link = tile.path("link").asText();
      assertEquals(tile.toString(), "/api/v1/devices/devices?state=" + state.getKey(), link);
      List<String> listed = walk(api, link.replace("/api/v1", "") + "&limit=1");
      assertEquals(today.text, state.getValue(), listed);
      assertEquals(tile.toString(), listed.size(), tile.path("value").asLong());
    }
  }

  /** The ids of every page of a device list, following its cursor; each item shows the state. */
  private static List<String> walk(Http api, String path) throws Exception {
    String state = path.replaceAll(".*[?&]state=([a-z-]+).*", "$1");
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      Http.Reply page =
          api.get(
              path
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      assertEquals(page.toString(), 200, page.status);
      for (JsonNode d : page.json.path("items")) {
        assertEquals(d.toString(), state, d.path("state").asText());
        ids.add(d.path("id").asText());
      }
      cursor =
          page.json.path("nextCursor").isTextual() ? page.json.path("nextCursor").asText() : null;
    } while (cursor != null);
    return ids;
  }

  // ------------------------------------------------------------------------------ helpers

  /** A caller's Today screen: the tiles by id in order, and the modules missing. */
  private static final class Today {
    final String text;
    final JsonNode json;
    final Map<String, JsonNode> tiles = new LinkedHashMap<>();
    final List<String> missing = new ArrayList<>();

    Today(Http.Reply reply) {
      this.text = reply.text;
      this.json = reply.json;
      reply.json.path("tiles").forEach(t -> tiles.put(t.path("id").asText(), t));
      reply.json.path("missing").forEach(m -> missing.add(m.asText()));
    }

    List<String> ids() {
      return List.copyOf(tiles.keySet());
    }

    JsonNode tile(String id) {
      JsonNode t = tiles.get(id);
      assertTrue("no tile " + id + " in " + text, t != null);
      return t;
    }
  }

  private static Today today(Http api) throws Exception {
    Http.Reply r = api.get("/today");
    assertEquals(r.toString(), 200, r.status);
    return new Today(r);
  }

  private static void assertCount(JsonNode tile, long expected) {
    assertEquals(tile.toString(), "count", tile.path("unit").asText());
    assertEquals(tile.toString(), expected, tile.path("value").asLong());
    assertTrue(tile.toString(), tile.path("value").isIntegralNumber());
  }

  private static void assertMoney(JsonNode tile, String expected) {
    assertEquals(tile.toString(), "money", tile.path("unit").asText());
    assertAmount(expected, tile.path("value"));
  }

  private static void assertAmount(String expected, JsonNode value) {
    assertTrue(value.toString(), value.isNumber());
    assertEquals(value.toString(), 0, new BigDecimal(expected).compareTo(value.decimalValue()));
  }

  private static void building(long estate, String code, String... numbers) throws Exception {
    long building =
        Http.id(
            owner.post("/estate/buildings", map("estateId", estate, "code", code, "name", code)));
    long unit =
        Http.id(
            owner.post("/estate/units", map("buildingId", building, "code", "U1", "name", "1")));
    for (String number : numbers) {
      rooms.put(
          number,
          Http.id(
              owner.post(
                  "/estate/rooms",
                  map(
                      "unitId",
                      unit,
                      "number",
                      number,
                      "floor",
                      1,
                      "area",
                      80,
                      "type",
                      "residential",
                      "status",
                      number.equals("101") ? "occupied" : "vacant"))));
    }
  }

  private static void occupy(long person, long room) throws Exception {
    Http.id(
        owner.post(
            "/residents/occupancies",
            map("personId", person, "roomId", room, "role", "owner", "moveIn", "2024-01-01")));
  }

  private static void runPeriod(YearMonth period) throws Exception {
    Http.Reply started = owner.post("/billing/runs", map("period", period.toString()));
    assertEquals(started.toString(), 202, started.status);
    JsonNode run =
        DevicesIT.await(
            owner,
            "/billing/runs/" + started.json.path("id").asLong(),
            j ->
                !j.path("status").asText().equals("queued")
                    && !j.path("status").asText().equals("running"));
    assertEquals(run.toString(), "completed", run.path("status").asText());
    assertEquals(run.toString(), 6, run.path("billsCreated").asInt());
  }

  private static void pay(long room, String amount) throws Exception {
    HttpResponse<String> paid =
        owner.raw(
            "POST",
            "/billing/payments",
            Map.of(
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                UUID.randomUUID().toString()),
            Http.JSON
                .writeValueAsString(
                    map("roomId", room, "amount", new BigDecimal(amount), "method", "cash"))
                .getBytes(StandardCharsets.UTF_8),
            false);
    assertEquals(paid.body(), 201, paid.statusCode());
  }

  /** Registers a device placed in an estate; its one-time MQTT password. */
  private static String register(String id, String type, Map<String, Object> location, long estate)
      throws Exception {
    location.put("estateId", estate);
    Http.Reply r =
        owner.post(
            "/devices/devices",
            map(
                "id",
                id,
                "type",
                type,
                "name",
                "Device " + id,
                "location",
                location,
                "settings",
                type.equals("water-meter") ? Map.of("scale", "0.001") : Map.of()));
    assertEquals(r.toString(), 201, r.status);
    return r.json.path("mqtt").path("password").asText();
  }

  /** The door controller reports door 1 forced, over MQTT as a real one would. */
  private static void forced(String device, String password) throws Exception {
    MqttClient door = DevicesIT.connect(TENANT + "/" + device, password);
    try {
      door.publish(
          "t/" + TENANT + "/d/" + device + "/up", SecurityIT.alarm(1, 1, 1, true), 1, false);
    } finally {
      door.disconnect();
    }
  }

  @javax.inject.Inject private org.osgi.service.cm.ConfigurationAdmin configurations;

  private void configure(String pid, String key, Object value) throws Exception {
    org.osgi.service.cm.Configuration cfg = configurations.getConfiguration(pid, "?");
    java.util.Dictionary<String, Object> props = cfg.getProperties();
    if (props == null) {
      props = new java.util.Hashtable<>();
    }
    props.put(key, value);
    cfg.update(props);
  }

  private static void sql(String statement) throws Exception {
    try (Connection c = PlatformIT.db();
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
