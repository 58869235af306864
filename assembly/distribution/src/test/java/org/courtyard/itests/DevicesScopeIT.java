package org.courtyard.itests;

import static org.courtyard.itests.Http.id;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * Devices within staff users' data scopes (#11), through the real sign-in: a device is where its
 * location maps to (a room's estate and building, a building, the estate or building a gate names,
 * or nowhere), lists hold only the devices in scope, and every read or write of another is answered
 * exactly as a missing device, as is a registration into a place outside the scope.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class DevicesScopeIT {

  private static final String TENANT = "scope_dev";

  private static Http operator;
  private static Http owner;
  private static Http estate1;
  private static Http building11;
  private static Http company;
  private static long e1;
  private static long e2;
  private static long b11;
  private static long b12;
  private static long b21;
  private static long r11;
  private static long r21;

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
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    owner = anonymous.tenant(operator.onboard(TENANT, "estate", "devices"));
    e1 = id(owner.post("/estate/estates", map("code", "E1", "name", "Estate 1")));
    e2 = id(owner.post("/estate/estates", map("code", "E2", "name", "Estate 2")));
    b11 = building(e1, "B11");
    b12 = building(e1, "B12");
    b21 = building(e2, "B21");
    r11 = room(b11);
    room(b12);
    r21 = room(b21);
    estate1 = owner.staff(TENANT, "pm_e1", "project_manager", "estates", e1);
    building11 = owner.staff(TENANT, "tech_b11", "technician", "buildings", b11);
    company = owner.staff(TENANT, "pm_all", "project_manager", "company");
  }

  private static long building(long estate, String code) throws Exception {
    return id(owner.post("/estate/buildings", map("estateId", estate, "code", code, "name", code)));
  }

  private static long room(long building) throws Exception {
    long unit =
        id(owner.post("/estate/units", map("buildingId", building, "code", "U1", "name", "U1")));
    return id(
        owner.post(
            "/estate/rooms",
            map("unitId", unit, "number", "101", "floor", 1, "area", 80, "type", "residential")));
  }

  private static Http.Reply register(Http as, String id, String type, Map<String, Object> where)
      throws Exception {
    return as.post(
        "/devices/devices",
        map(
            "id", id,
            "type", type,
            "name", "Device " + id,
            "location", where,
            "settings", type.equals("water-meter") ? Map.of("scale", "0.001") : Map.of()));
  }

  private static Map<String, Object> at(String kind, String ref, Long estate, Long building) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(map("kind", kind, "ref", ref));
    if (estate != null) {
      m.put("estateId", estate);
    }
    if (building != null) {
      m.put("buildingId", building);
    }
    return m;
  }

  private static Set<String> ids(Http as, String path) throws Exception {
    Set<String> ids = new TreeSet<>();
    String cursor = null;
    do {
      Http.Reply r = as.get(path + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(r.toString(), 200, r.status);
      r.json.path("items").forEach(d -> ids.add(d.path("id").asText()));
      cursor = r.json.path("nextCursor").isTextual() ? r.json.path("nextCursor").asText() : null;
    } while (cursor != null);
    return ids;
  }

  /** The problem of a reply with the id it names taken out, to compare with a missing one's. */
  private static List<Object> problem(Http.Reply r, Object id) {
    return List.of(
        r.status,
        r.problemType(),
        r.json.path("title").asText(),
        r.json.path("detail").asText().replace(String.valueOf(id), "<id>"));
  }

  @Test
  public void a01_devicesArePlacedWhereTheirLocationsAre() throws Exception {
    Http.Reply meter = register(owner, "m-e1a", "water-meter", at("room", "" + r11, null, null));
    assertEquals(meter.toString(), 201, meter.status);
    assertEquals(e1, meter.json.path("location").path("estateId").asLong());
    assertEquals(b11, meter.json.path("location").path("buildingId").asLong());
    assertEquals(
        201, register(owner, "m-e1b", "water-meter", at("area", "Plant room", null, b12)).status);
    Http.Reply gate =
        register(owner, "g-e1", "door-controller", at("gate", "North gate", e1, null));
    assertEquals(gate.toString(), 201, gate.status);
    assertTrue(gate.json.path("location").path("buildingId").isNull());
    assertEquals(
        201, register(owner, "m-e2", "water-meter", at("room", "" + r21, null, null)).status);
    Http.Reply lobby =
        register(owner, "b-e2", "door-controller", at("building", "" + b21, null, null));
    assertEquals(lobby.toString(), 201, lobby.status);
    assertEquals(e2, lobby.json.path("location").path("estateId").asLong());
    Http.Reply nowhere =
        register(owner, "g-none", "door-controller", at("gate", "Depot", null, null));
    assertEquals(nowhere.toString(), 201, nowhere.status);
    assertTrue(nowhere.json.path("location").path("estateId").isNull());

    Http.Reply wrongEstate = register(owner, "x-1", "water-meter", at("room", "" + r11, e2, null));
    assertEquals(wrongEstate.toString(), 422, wrongEstate.status);
    assertEquals(
        "unknown-building",
        register(owner, "x-2", "door-controller", at("building", "999999", null, null))
            .problemType());
    assertEquals(
        "unknown-estate",
        register(owner, "x-3", "door-controller", at("gate", "G", 999999L, null)).problemType());
  }

  @Test
  public void a02_eachListHoldsOnlyTheDevicesInScope() throws Exception {
    Set<String> all = Set.of("m-e1a", "m-e1b", "g-e1", "m-e2", "b-e2", "g-none");
    assertEquals(all, ids(owner, "/devices/devices?limit=2"));
    assertEquals(all, ids(company, "/devices/devices?limit=2"));
    assertEquals(Set.of("m-e1a", "m-e1b", "g-e1"), ids(estate1, "/devices/devices?limit=2"));
    // pages of a scoped list stay whole: 2, then 1 and no cursor
    Http.Reply first = estate1.get("/devices/devices?limit=2");
    assertEquals(2, first.json.path("items").size());
    Http.Reply second =
        estate1.get("/devices/devices?limit=2&cursor=" + first.json.path("nextCursor").asText());
    assertEquals(1, second.json.path("items").size());
    assertTrue(second.json.path("nextCursor").isNull());
    assertEquals(
        Set.of("m-e1a", "m-e1b"), ids(estate1, "/devices/devices?type=water-meter&limit=1"));
    // a building's staff see its devices, not the estate's gate (that needs the whole estate)
    assertEquals(Set.of("m-e1a"), ids(building11, "/devices/devices?limit=5"));
    // the drivers are the company's configuration: every scope reads them
    Http.Reply drivers = building11.get("/devices/drivers");
    assertEquals(drivers.toString(), 200, drivers.status);
    assertTrue(drivers.json.size() > 0);
  }

  @Test
  public void a03_aDeviceOutsideTheScopeIsAnsweredAsAMissingOne() throws Exception {
    for (String outside : List.of("m-e2", "b-e2", "g-none")) {
      for (String path : List.of("", "/records", "/refusals", "/commands")) {
        Http.Reply r = estate1.get("/devices/devices/" + outside + path);
        Http.Reply missing = estate1.get("/devices/devices/no-such-1" + path);
        assertEquals(r.toString(), 404, r.status);
        assertEquals(problem(missing, "no-such-1"), problem(r, outside));
      }
      for (String action : List.of("/revoke", "/secret", "/release")) {
        Http.Reply r = estate1.post("/devices/devices/" + outside + action, "");
        assertEquals(r.toString(), 404, r.status);
        assertEquals(
            problem(estate1.post("/devices/devices/no-such-1" + action, ""), "no-such-1"),
            problem(r, outside));
      }
      Http.Reply cmd =
          estate1.post("/devices/devices/" + outside + "/commands", map("name", "open"));
      assertEquals(cmd.toString(), 404, cmd.status);
    }
    assertEquals(404, building11.get("/devices/devices/g-e1").status);
    assertEquals(200, building11.get("/devices/devices/m-e1a/records").status);
    assertEquals(200, estate1.get("/devices/devices/g-e1/commands").status);
    // nothing changed: still active, no command sent
    for (String outside : List.of("m-e2", "b-e2", "g-none")) {
      Http.Reply d = owner.get("/devices/devices/" + outside);
      assertEquals(d.toString(), "never-seen", d.json.path("state").asText());
      assertEquals(0, owner.get("/devices/devices/" + outside + "/commands").json.size());
    }
  }

  @Test
  public void a04_aRegistrationOutsideTheScopeIsAnsweredAsAnUnknownPlace() throws Exception {
    Http.Reply room = register(estate1, "s-1", "water-meter", at("room", "" + r21, null, null));
    assertEquals(room.toString(), 422, room.status);
    assertEquals(
        problem(
            register(estate1, "s-1", "water-meter", at("room", "99999999", null, null)), 99999999),
        problem(room, r21));
    Http.Reply building =
        register(estate1, "s-2", "door-controller", at("building", "" + b21, null, null));
    assertEquals(
        problem(
            register(estate1, "s-2", "door-controller", at("building", "999999", null, null)),
            999999),
        problem(building, b21));
    Http.Reply estate = register(estate1, "s-3", "door-controller", at("gate", "G", e2, null));
    assertEquals(
        problem(
            register(estate1, "s-3", "door-controller", at("gate", "G", 999999L, null)), 999999),
        problem(estate, e2));
    Http.Reply nowhere = register(estate1, "s-4", "door-controller", at("gate", "G", null, null));
    assertEquals(nowhere.toString(), 403, nowhere.status);
    assertEquals("outside-scope", nowhere.problemType());
    assertEquals("Outside your scope", nowhere.json.path("title").asText());
    // the estate-level gate needs the whole estate; a building's area is the building's
    assertEquals(
        422, register(building11, "s-5", "door-controller", at("gate", "G", e1, null)).status);
    for (String refused : List.of("s-1", "s-2", "s-3", "s-4", "s-5")) {
      assertEquals(refused, 404, owner.get("/devices/devices/" + refused).status);
    }

    Http.Reply mine = register(estate1, "s-6", "water-meter", at("room", "" + r11, null, null));
    assertEquals(mine.toString(), 201, mine.status);
    Http.Reply area =
        register(building11, "s-7", "door-controller", at("area", "Lobby", null, b11));
    assertEquals(area.toString(), 201, area.status);
    assertEquals(e1, area.json.path("location").path("estateId").asLong());
    assertTrue(ids(building11, "/devices/devices?limit=50").containsAll(List.of("s-7")));
  }

  @Test
  public void a05_devicesRegisteredBeforePlacesAreFilledWhenTheModuleStarts() throws Exception {
    try (Connection c = PlatformIT.db();
        PreparedStatement ps =
            c.prepareStatement(
                "update t_"
                    + TENANT
                    + ".device set estate_id = null, building_id = null"
                    + " where id in ('m-e1a', 'b-e2', 'g-e1')")) {
      assertEquals(3, ps.executeUpdate());
    }
    // unplaced, they are out of every narrow scope, never shown where they should not be
    assertFalse(ids(estate1, "/devices/devices?limit=50").contains("m-e1a"));
    assertEquals(404, building11.get("/devices/devices/m-e1a").status);
    Http.Reply off = operator.delete("/operator/tenants/" + TENANT + "/modules/devices");
    assertEquals(off.toString(), 200, off.status);
    Http.Reply on = operator.post("/operator/tenants/" + TENANT + "/modules/devices", "");
    assertEquals(on.toString(), 200, on.status);
    DevicesIT.await(
        building11,
        "/devices/devices?limit=50",
        j -> j.path("items").toString().contains("\"id\":\"m-e1a\""));
    assertEquals(200, building11.get("/devices/devices/m-e1a").status);
    assertEquals(
        1,
        PlatformIT.count(
            "select count(*) from t_"
                + TENANT
                + ".device where id = 'b-e2' and estate_id = ?"
                + " and building_id = ?",
            e2,
            b21));
    // a gate's place is what its registration said, kept nowhere else: it cannot be found again
    assertTrue(owner.get("/devices/devices/g-e1").json.path("location").path("estateId").isNull());
    assertEquals(404, estate1.get("/devices/devices/g-e1").status);
    JsonNode all = owner.get("/devices/devices?limit=50").json.path("items");
    assertEquals(all.toString(), 8, all.size());
  }
}
