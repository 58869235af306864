package org.courtyard.itests;

import static org.courtyard.itests.Http.id;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
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
 * Data scopes (#11) in the residents module, through the real sign-in, on a tenant with two
 * estates. Persons are in scope through their occupancies, current or past; occupancies through
 * their rooms; vehicles through their persons; a person with no occupancy only for the whole
 * company and for the member of staff who recorded them. Reads outside answer as missing ids,
 * writes outside change nothing, and occupancies recorded before scopes get their places from the
 * backfill when the module starts.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ResidentsScopeIT {

  private static final String TENANT = "scope_res";
  private static final String SCHEMA = "t_" + TENANT;
  private static final long MISSING = 987_654_321L;

  private static Http operator;
  private static Http owner;

  /** project_manager of estate 1 */
  private static Http east;

  /** customer_service of building 1 of estate 1 */
  private static Http desk;

  /** project_manager of the whole company */
  private static Http company;

  private static long e1;
  private static long b11;

  /** rooms of estate 1: building 1, building 1, building 2 */
  private static long r11;

  private static long r11b;
  private static long r12;

  /** a room of estate 2 */
  private static long r21;

  /** lives in r11 */
  private static long alice;

  /** lives in r21 (estate 2) */
  private static long bob;

  /** lived in r12 (moved out), lives in r21 now */
  private static long carol;

  /** lives in r11b and in r21 */
  private static long erin;

  /** no occupancy, recorded by the owner */
  private static long frank;

  private static long aliceOccupancy;
  private static long bobOccupancy;
  private static long aliceCar;
  private static long bobCar;

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
    owner = anonymous.tenant(operator.onboard(TENANT, "estate", "residents"));
    e1 = id(owner.post("/estate/estates", map("code", "E1", "name", "East Garden")));
    long e2 = id(owner.post("/estate/estates", map("code", "E2", "name", "West Garden")));
    b11 = building(e1, "B1");
    long b12 = building(e1, "B2");
    long b21 = building(e2, "B1");
    long u11 = unit(b11);
    r11 = room(u11, "101");
    r11b = room(u11, "102");
    r12 = room(unit(b12), "101");
    r21 = room(unit(b21), "101");

    alice = person("Alice Wang", "13800000001");
    bob = person("Bob Li", "13800000002");
    carol = person("Carol Zhang", "13800000003");
    erin = person("Erin Chen", "13800000005");
    frank = person("Frank Sun", "13800000006");
    aliceOccupancy = occupancy(owner, alice, r11);
    bobOccupancy = occupancy(owner, bob, r21);
    long moved = occupancy(owner, carol, r12);
    assertEquals(
        200,
        owner.post("/residents/occupancies/" + moved + "/end", map("moveOut", "2024-12-31"))
            .status);
    occupancy(owner, carol, r21);
    occupancy(owner, erin, r11b);
    occupancy(owner, erin, r21);
    aliceCar = vehicle(alice, "SCA001");
    bobCar = vehicle(bob, "SCB002");

    east = owner.staff(TENANT, "east_pm", "project_manager", "estates", e1);
    desk = owner.staff(TENANT, "b1_desk", "customer_service", "buildings", b11);
    company = owner.staff(TENANT, "head_pm", "project_manager", "company");
  }

  private static long building(long estate, String code) throws Exception {
    return id(owner.post("/estate/buildings", map("estateId", estate, "code", code, "name", code)));
  }

  private static long unit(long building) throws Exception {
    return id(owner.post("/estate/units", map("buildingId", building, "code", "U1", "name", "U1")));
  }

  private static long room(long unit, String number) throws Exception {
    return id(
        owner.post(
            "/estate/rooms",
            map("unitId", unit, "number", number, "floor", 1, "area", 80, "type", "residential")));
  }

  private static long person(String name, String phone) throws Exception {
    return id(owner.post("/residents/persons", map("fullName", name, "phone", phone)));
  }

  private static long occupancy(Http api, long person, long room) throws Exception {
    return id(
        api.post(
            "/residents/occupancies",
            map("personId", person, "roomId", room, "role", "occupant", "moveIn", "2024-01-01")));
  }

  private static long vehicle(long person, String plate) throws Exception {
    return id(owner.post("/residents/vehicles", map("personId", person, "plate", plate)));
  }

  /** The ids of every item of a list, following its cursors, {@code limit} at a time. */
  private static Set<Long> ids(Http api, String path, int limit) throws Exception {
    Set<Long> ids = new TreeSet<>();
    List<Long> order = new ArrayList<>();
    String cursor = null;
    String sep = path.contains("?") ? "&" : "?";
    do {
      Http.Reply page =
          api.get(path + sep + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(page.toString(), 200, page.status);
      for (JsonNode item : page.json.path("items")) {
        ids.add(item.path("id").asLong());
        order.add(item.path("id").asLong());
      }
      cursor = page.json.path("nextCursor").isNull() ? null : page.json.path("nextCursor").asText();
    } while (cursor != null);
    assertEquals("in id order, each once", new ArrayList<>(ids), order);
    return ids;
  }

  private static Set<Long> ids(Http api, String path) throws Exception {
    return ids(api, path, 500);
  }

  /**
   * {@code reply} is the answer to the same request with a missing id: same status, type, title,
   * and detail and field errors but for the id, so a probe cannot tell the two apart.
   */
  private static void assertLikeMissing(Http.Reply reply, Http.Reply missing, long id) {
    assertEquals(reply.toString(), missing.status, reply.status);
    assertEquals(reply.toString(), missing.problemType(), reply.problemType());
    assertEquals(missing.json.path("title").asText(), reply.json.path("title").asText());
    String m = String.valueOf(MISSING);
    String i = String.valueOf(id);
    assertEquals(
        missing.json.path("detail").asText().replace(m, i), reply.json.path("detail").asText());
    assertEquals(
        missing.json.path("errors").toString().replace(m, i), reply.json.path("errors").toString());
  }

  @Test
  public void a01_listsHoldOnlyPersonsOccupanciesAndVehiclesInScope() throws Exception {
    // carol through her past occupancy in estate 1; erin through hers, though she also lives in 2
    assertEquals(Set.of(alice, carol, erin), ids(east, "/residents/persons", 1));
    assertEquals(Set.of(), ids(east, "/residents/persons?q=Bob"));
    assertEquals(Set.of(), ids(east, "/residents/persons?q=SCB002"));
    assertEquals(Set.of(alice), ids(east, "/residents/persons?q=SCA"));
    // erin lives in r21 too, but estate 1's staff must not learn it from a room filter
    assertEquals(Set.of(), ids(east, "/residents/persons?roomId=" + r21));
    assertEquals(Set.of(alice), ids(east, "/residents/persons?roomId=" + r11));
    assertEquals(Set.of(aliceCar), ids(east, "/residents/vehicles?history=true"));
    assertEquals(Set.of(), ids(east, "/residents/vehicles?plate=SCB"));
    assertEquals(1, ids(east, "/residents/rooms/" + r11 + "/occupancies").size());
    assertEquals(1, ids(east, "/residents/rooms/" + r12 + "/occupancies?history=true").size());

    Set<Long> everyone = ids(owner, "/residents/persons");
    assertTrue(everyone.containsAll(Set.of(alice, bob, carol, erin, frank)));
    assertEquals(everyone, ids(company, "/residents/persons", 2));
    assertEquals(Set.of(aliceCar, bobCar), ids(company, "/residents/vehicles"));
  }

  @Test
  public void a02_everyReadOutsideTheScopeAnswersLikeAMissingId() throws Exception {
    for (long outside : List.of(bob, frank)) {
      assertLikeMissing(
          east.get("/residents/persons/" + outside),
          east.get("/residents/persons/" + MISSING),
          outside);
      assertLikeMissing(
          east.get("/residents/persons/" + outside + "/vehicles"),
          east.get("/residents/persons/" + MISSING + "/vehicles"),
          outside);
    }
    Http.Reply missingOccupancy = east.get("/residents/occupancies/" + MISSING);
    assertEquals(missingOccupancy.toString(), 404, missingOccupancy.status);
    assertLikeMissing(
        east.get("/residents/occupancies/" + bobOccupancy), missingOccupancy, bobOccupancy);
    assertLikeMissing(
        east.get("/residents/vehicles/" + bobCar),
        east.get("/residents/vehicles/" + MISSING),
        bobCar);
    assertLikeMissing(
        east.get("/residents/rooms/" + r21 + "/occupancies?history=true"),
        east.get("/residents/rooms/" + MISSING + "/occupancies?history=true"),
        r21);
    assertEquals(200, east.get("/residents/persons/" + alice).status);
    assertEquals(200, east.get("/residents/occupancies/" + aliceOccupancy).status);
    assertEquals(200, east.get("/residents/vehicles/" + aliceCar).status);
  }

  @Test
  public void a03_writesOutsideTheScopeAreRefusedAndChangeNothing() throws Exception {
    String bobBefore = owner.get("/residents/persons/" + bob).text;
    Map<String, Object> update = map("fullName", "Robert Li", "phone", "13800000002", "version", 0);
    assertLikeMissing(
        east.put("/residents/persons/" + bob, update),
        east.put("/residents/persons/" + MISSING, update),
        bob);
    // frank has no occupancy and could be deleted by someone who sees him
    assertLikeMissing(
        east.delete("/residents/persons/" + frank),
        east.delete("/residents/persons/" + MISSING),
        frank);
    assertLikeMissing(
        east.post("/residents/occupancies/" + bobOccupancy + "/end", map("moveOut", "2025-06-30")),
        east.post("/residents/occupancies/" + MISSING + "/end", map("moveOut", "2025-06-30")),
        bobOccupancy);
    assertLikeMissing(
        east.delete("/residents/vehicles/" + bobCar),
        east.delete("/residents/vehicles/" + MISSING),
        bobCar);
    // a room or person outside, named in a body: the 422 of one that does not exist
    assertLikeMissing(
        east.post(
            "/residents/occupancies",
            map("personId", alice, "roomId", r21, "role", "tenant", "moveIn", "2025-01-01")),
        east.post(
            "/residents/occupancies",
            map("personId", alice, "roomId", MISSING, "role", "tenant", "moveIn", "2025-01-01")),
        r21);
    assertLikeMissing(
        east.post(
            "/residents/occupancies",
            map("personId", bob, "roomId", r11, "role", "tenant", "moveIn", "2025-01-01")),
        east.post(
            "/residents/occupancies",
            map("personId", MISSING, "roomId", r11, "role", "tenant", "moveIn", "2025-01-01")),
        bob);
    assertLikeMissing(
        east.post("/residents/vehicles", map("personId", bob, "plate", "SCX009")),
        east.post("/residents/vehicles", map("personId", MISSING, "plate", "SCX009")),
        bob);

    assertEquals(bobBefore, owner.get("/residents/persons/" + bob).text);
    assertEquals(200, owner.get("/residents/persons/" + frank).status);
    assertTrue(owner.get("/residents/occupancies/" + bobOccupancy).json.path("moveOut").isNull());
    assertTrue(owner.get("/residents/vehicles/" + bobCar).json.path("removedAt").isNull());
    assertEquals(Set.of(alice), ids(owner, "/residents/persons?roomId=" + r11));
    assertEquals(
        0,
        PlatformIT.count(
            "select count(*) from " + SCHEMA + ".residents_vehicle where plate = 'SCX009'"));
    // bob's, carol's and erin's, and no other
    Set<Long> r21Occupancies = ids(owner, "/residents/rooms/" + r21 + "/occupancies");
    assertTrue(r21Occupancies.contains(bobOccupancy));
    assertEquals(3, r21Occupancies.size());
  }

  @Test
  public void a04_aNewResidentAtTheDeskIsTheRecordersUntilAnOccupancyPlacesThem() throws Exception {
    Http.Reply created =
        desk.post("/residents/persons", map("fullName", "Gina Wu", "phone", "13800000007"));
    assertEquals(created.toString(), 201, created.status);
    long gina = created.json.path("id").asLong();
    assertEquals(200, desk.get("/residents/persons/" + gina).status);
    assertTrue(ids(desk, "/residents/persons").contains(gina));
    // the estate's manager did not record her: she is in no estate yet
    assertLikeMissing(
        east.get("/residents/persons/" + gina), east.get("/residents/persons/" + MISSING), gina);
    long car = id(desk.post("/residents/vehicles", map("personId", gina, "plate", "SCG007")));
    assertEquals(Set.of(car), ids(desk, "/residents/persons/" + gina + "/vehicles"));

    long occupancy = occupancy(desk, gina, r11);
    assertEquals(200, desk.get("/residents/occupancies/" + occupancy).status);
    assertEquals(200, east.get("/residents/persons/" + gina).status);
    assertTrue(ids(east, "/residents/vehicles").contains(car));

    // recorded at one desk, placed by the owner in the other estate: gone from the desk's view
    Http.Reply hank =
        desk.post("/residents/persons", map("fullName", "Hank Xu", "phone", "13800000008"));
    long hankId = hank.json.path("id").asLong();
    occupancy(owner, hankId, r21);
    assertLikeMissing(
        desk.get("/residents/persons/" + hankId),
        desk.get("/residents/persons/" + MISSING),
        hankId);
    assertFalse(ids(desk, "/residents/persons").contains(hankId));
  }

  @Test
  public void a05_aBuildingScopeSeesOnlyItsBuildingsResidents() throws Exception {
    Set<Long> seen = ids(desk, "/residents/persons");
    assertTrue(seen.toString(), seen.containsAll(Set.of(alice, erin)));
    // carol lived in building 2 only
    assertFalse(
        seen.toString(), seen.contains(carol) || seen.contains(bob) || seen.contains(frank));
    assertLikeMissing(
        desk.get("/residents/rooms/" + r12 + "/occupancies?history=true"),
        desk.get("/residents/rooms/" + MISSING + "/occupancies?history=true"),
        r12);
    assertEquals(1, ids(desk, "/residents/rooms/" + r11b + "/occupancies").size());
  }

  @Test
  public void a06_occupanciesRecordedBeforeScopesArePlacedWhenTheModuleStarts() throws Exception {
    long ivy = person("Ivy Ma", "13800000009");
    try (Connection c = PlatformIT.db()) {
      // as before #11: no place kept, and one occupancy of a room estate does not have
      c.createStatement()
          .executeUpdate(
              "update "
                  + SCHEMA
                  + ".residents_occupancy set estate_id = null, building_id = null"
                  + " where person_id in ("
                  + alice
                  + ", "
                  + erin
                  + ")");
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into "
                  + SCHEMA
                  + ".residents_occupancy (person_id, room_id, role, move_in)"
                  + " values (?, ?, 'occupant', date '2020-01-01')")) {
        ps.setLong(1, ivy);
        ps.setLong(2, MISSING);
        ps.executeUpdate();
      }
    }
    // alice's one, erin's two and ivy's
    assertEquals(
        4,
        PlatformIT.count(
            "select count(*) from " + SCHEMA + ".residents_occupancy where estate_id is null"));
    Http.Reply off = operator.delete("/operator/tenants/" + TENANT + "/modules/residents");
    assertEquals(off.toString(), 200, off.status);
    Http.Reply on = operator.post("/operator/tenants/" + TENANT + "/modules/residents", "");
    assertEquals(on.toString(), 200, on.status);

    long deadline = System.currentTimeMillis() + 60_000;
    while (PlatformIT.count(
                "select count(*) from " + SCHEMA + ".residents_occupancy where estate_id is null")
            > 1
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(
        "alice's and erin's occupancies are placed again, the unknown room's is not",
        1,
        PlatformIT.count(
            "select count(*) from "
                + SCHEMA
                + ".residents_occupancy where estate_id is null and room_id = ?",
            MISSING));
    assertEquals(
        0,
        PlatformIT.count(
            "select count(*) from "
                + SCHEMA
                + ".residents_occupancy where estate_id is null and room_id <> ?",
            MISSING));
    assertEquals(
        e1,
        PlatformIT.count(
            "select estate_id from " + SCHEMA + ".residents_occupancy where id = ?",
            aliceOccupancy));
    assertEquals(
        b11,
        PlatformIT.count(
            "select building_id from " + SCHEMA + ".residents_occupancy where id = ?",
            aliceOccupancy));
    assertEquals(200, east.get("/residents/persons/" + alice).status);
    assertTrue(ids(desk, "/residents/persons").containsAll(Set.of(alice, erin)));
    // the occupancy nobody can place stays with the whole company
    assertLikeMissing(
        east.get("/residents/persons/" + ivy), east.get("/residents/persons/" + MISSING), ivy);
    assertEquals(200, company.get("/residents/persons/" + ivy).status);
    assertTrue(ids(company, "/residents/persons").contains(ivy));
  }

  @Test
  public void a07_occupiedRoomsAreListedInTheScopeAndCountedAsTheTodayTileSays() throws Exception {
    // r11: alice and gina (a04); r11b: erin; r21: bob, carol, erin and hank; r12: carol moved out;
    // MISSING: ivy's occupancy of a room estate does not have (a06), placed nowhere
    List<Long> all = List.of(r11, r11b, r21, MISSING);
    assertEquals(all, ResidentsIT.occupiedRooms(owner, "", 1));
    assertEquals(all, ResidentsIT.occupiedRooms(company, "", 2));
    assertEquals(List.of(r11, r11b), ResidentsIT.occupiedRooms(east, "", 1));
    assertEquals(List.of(r11, r11b), ResidentsIT.occupiedRooms(desk, "", 500));
    assertEquals(List.of(r11, r11b), ResidentsIT.occupiedRooms(owner, "estateId=" + e1, 500));
    assertEquals(List.of(r11, r11b), ResidentsIT.occupiedRooms(owner, "buildingId=" + b11, 500));
    // a filter does not widen the scope: estate 2 is not the east manager's
    long e2 = owner.get("/residents/occupancies/" + bobOccupancy).json.path("estateId").asLong();
    assertEquals(List.of(r21), ResidentsIT.occupiedRooms(owner, "estateId=" + e2, 500));
    assertEquals(List.of(), ResidentsIT.occupiedRooms(east, "estateId=" + e2, 500));

    Map<Long, JsonNode> rooms = new java.util.HashMap<>();
    owner
        .get("/residents/occupied-rooms")
        .json
        .path("items")
        .forEach(r -> rooms.put(r.path("roomId").asLong(), r));
    assertEquals("E1/B1/U1/101", rooms.get(r11).path("label").asText());
    assertEquals(2, rooms.get(r11).path("occupants").asLong());
    assertEquals(e1, rooms.get(r11).path("estateId").asLong());
    assertEquals(b11, rooms.get(r11).path("buildingId").asLong());
    assertEquals("E2/B1/U1/101", rooms.get(r21).path("label").asText());
    assertEquals(4, rooms.get(r21).path("occupants").asLong());
    JsonNode unknown = rooms.get(MISSING);
    assertTrue(unknown.toString(), unknown.path("label").isNull());
    assertTrue(unknown.toString(), unknown.path("estateId").isNull());

    // the Today tile counts exactly the rooms its link lists, in each caller's scope
    for (Http api : List.of(owner, company, east, desk)) {
      JsonNode tile = null;
      for (JsonNode t : api.get("/today").json.path("tiles")) {
        if (t.path("id").asText().equals("residents.occupied-rooms")) {
          tile = t;
        }
      }
      assertTrue("no occupied-rooms tile", tile != null);
      assertEquals(tile.toString(), "/api/v1/residents/occupied-rooms", tile.path("link").asText());
      assertEquals(
          tile.toString(),
          ResidentsIT.occupiedRooms(api, "", 500).size(),
          tile.path("value").asLong());
    }
  }
}
