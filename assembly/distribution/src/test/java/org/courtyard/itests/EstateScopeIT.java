package org.courtyard.itests;

import static org.courtyard.itests.Http.id;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Data scopes (#11) in the estate module, through the real sign-in: a project manager of one
 * estate, one of a single building and one of the whole company, on a tenant with two estates.
 * Lists hold only the scope's rows, every read of a row outside it answers exactly as a missing id,
 * writes into it are refused and change nothing, and an estate is readable, not changeable, through
 * one of its buildings.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class EstateScopeIT {

  private static final String TENANT = "scope_est";
  private static final long MISSING = 987_654_321L;

  private static Http owner;

  /** project_manager of estate 1 */
  private static Http east;

  /** project_manager of building 1 of estate 1 */
  private static Http tower;

  /** project_manager of the whole company */
  private static Http company;

  private static long e1;
  private static long e2;
  private static long b11;
  private static long b12;
  private static long b21;
  private static long u11;
  private static long u12;
  private static long u21;
  private static final List<Long> roomsOfB11 = new ArrayList<>();
  private static final List<Long> roomsOfB12 = new ArrayList<>();
  private static final List<Long> roomsOfE2 = new ArrayList<>();

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
    owner = anonymous.tenant(operator.onboard(TENANT, "estate"));
    e1 = id(owner.post("/estate/estates", map("code", "E1", "name", "East Garden")));
    e2 = id(owner.post("/estate/estates", map("code", "E2", "name", "West Garden")));
    b11 = building(e1, "B1");
    b12 = building(e1, "B2");
    b21 = building(e2, "B1");
    u11 = unit(b11);
    u12 = unit(b12);
    u21 = unit(b21);
    // Interleaved, so that a list that forgot the scope would show the other estate's rooms.
    for (int i = 1; i <= 3; i++) {
      roomsOfB11.add(room(owner, u11, "10" + i));
      roomsOfE2.add(room(owner, u21, "10" + i));
      roomsOfB12.add(room(owner, u12, "10" + i));
    }
    east = owner.staff(TENANT, "east_pm", "project_manager", "estates", e1);
    tower = owner.staff(TENANT, "tower_pm", "project_manager", "buildings", b11);
    company = owner.staff(TENANT, "head_pm", "project_manager", "company");
  }

  private static long building(long estate, String code) throws Exception {
    return id(
        owner.post(
            "/estate/buildings", map("estateId", estate, "code", code, "name", code, "floors", 9)));
  }

  private static long unit(long building) throws Exception {
    return id(owner.post("/estate/units", map("buildingId", building, "code", "U1", "name", "U1")));
  }

  private static long room(Http api, long unit, String number) throws Exception {
    return id(api.post("/estate/rooms", roomBody(unit, number)));
  }

  private static Map<String, Object> roomBody(long unit, String number) {
    return map("unitId", unit, "number", number, "floor", 1, "area", 80, "type", "residential");
  }

  /** Every item of a list, following its cursors, {@code limit} at a time. */
  private static List<JsonNode> all(Http api, String path, int limit) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    String sep = path.contains("?") ? "&" : "?";
    do {
      Http.Reply page =
          api.get(path + sep + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(page.toString(), 200, page.status);
      page.json.path("items").forEach(items::add);
      cursor = page.json.path("nextCursor").isNull() ? null : page.json.path("nextCursor").asText();
    } while (cursor != null);
    return items;
  }

  private static List<Long> ids(Http api, String path) throws Exception {
    List<Long> ids = new ArrayList<>();
    all(api, path, 500).forEach(i -> ids.add(i.path("id").asLong()));
    return ids;
  }

  private static List<Long> sorted(List<Long> a, List<Long> b) {
    Set<Long> s = new TreeSet<>(a);
    s.addAll(b);
    return new ArrayList<>(s);
  }

  /**
   * {@code reply} is the answer {@code api} gets for the same request with a missing id: same
   * status, type, title, and detail but for the id, so a probe cannot tell the two apart.
   */
  private static void assertLikeMissing(Http.Reply reply, Http.Reply missing, long id) {
    assertEquals(reply.toString(), missing.status, reply.status);
    assertEquals(reply.toString(), missing.problemType(), reply.problemType());
    assertEquals(missing.json.path("title").asText(), reply.json.path("title").asText());
    assertEquals(
        missing.json.path("detail").asText().replace(String.valueOf(MISSING), String.valueOf(id)),
        reply.json.path("detail").asText());
    assertEquals(
        missing.json.path("errors").toString().replace(String.valueOf(MISSING), String.valueOf(id)),
        reply.json.path("errors").toString());
  }

  private static void assertOutsideScope(Http.Reply reply, String detailPart) {
    assertEquals(reply.toString(), 403, reply.status);
    assertEquals("outside-scope", reply.problemType());
    assertEquals("Outside your scope", reply.json.path("title").asText());
    assertTrue(reply.text, reply.json.path("detail").asText().contains(detailPart));
  }

  @Test
  public void a01_listsHoldOnlyTheRowsOfTheScope() throws Exception {
    assertEquals(List.of(e1), ids(east, "/estate/estates"));
    assertEquals(List.of(b11, b12), ids(east, "/estate/buildings"));
    assertEquals(List.of(u11, u12), ids(east, "/estate/units"));
    List<Long> estate1Rooms = sorted(roomsOfB11, roomsOfB12);
    // a page of one at a time: the keyset pages stay right under the scope's filter
    List<JsonNode> rooms = all(east, "/estate/rooms", 1);
    List<Long> seen = new ArrayList<>();
    for (JsonNode room : rooms) {
      seen.add(room.path("id").asLong());
      assertEquals(room.toString(), e1, room.path("estateId").asLong());
    }
    assertEquals(estate1Rooms, seen);
    assertEquals(estate1Rooms, ids(east, "/estate/rooms?type=residential&floor=1"));

    assertEquals(List.of(), ids(east, "/estate/buildings?estateId=" + e2));
    assertEquals(List.of(), ids(east, "/estate/units?buildingId=" + b21));
    assertEquals(List.of(), ids(east, "/estate/rooms?buildingId=" + b21));
    assertEquals(List.of(), ids(east, "/estate/rooms?unitId=" + u21));
  }

  @Test
  public void a02_everyReadOutsideTheScopeAnswersLikeAMissingId() throws Exception {
    Map<String, Long> outside = new LinkedHashMap<>();
    outside.put("/estate/estates/", e2);
    outside.put("/estate/buildings/", b21);
    outside.put("/estate/units/", u21);
    outside.put("/estate/rooms/", roomsOfE2.get(0));
    for (Map.Entry<String, Long> e : outside.entrySet()) {
      Http.Reply missing = east.get(e.getKey() + MISSING);
      assertEquals(missing.toString(), 404, missing.status);
      assertEquals("not-found", missing.problemType());
      assertLikeMissing(east.get(e.getKey() + e.getValue()), missing, e.getValue());
      assertEquals(200, owner.get(e.getKey() + e.getValue()).status);
    }
  }

  @Test
  public void a03_writesOutsideTheScopeAreRefusedAndChangeNothing() throws Exception {
    long r21 = roomsOfE2.get(0);
    String[] paths = {
      "/estate/estates/" + e2,
      "/estate/buildings/" + b21,
      "/estate/units/" + u21,
      "/estate/rooms/" + r21
    };
    List<String> before = new ArrayList<>();
    for (String p : paths) {
      before.add(owner.get(p).text);
    }
    int version = 0;

    Map<String, Object> estateBody = map("code", "E2", "name", "Renamed", "version", version);
    assertLikeMissing(
        east.put("/estate/estates/" + e2, estateBody),
        east.put("/estate/estates/" + MISSING, estateBody),
        e2);
    Map<String, Object> buildingBody =
        map("code", "B1", "name", "Renamed", "floors", 9, "version", version);
    assertLikeMissing(
        east.put("/estate/buildings/" + b21, buildingBody),
        east.put("/estate/buildings/" + MISSING, buildingBody),
        b21);
    Map<String, Object> unitBody = map("code", "U1", "name", "Renamed", "version", version);
    assertLikeMissing(
        east.put("/estate/units/" + u21, unitBody),
        east.put("/estate/units/" + MISSING, unitBody),
        u21);
    Map<String, Object> roomBody =
        map(
            "number",
            "101",
            "floor",
            2,
            "area",
            99,
            "type",
            "commercial",
            "status",
            "rented",
            "version",
            version);
    assertLikeMissing(
        east.put("/estate/rooms/" + r21, roomBody),
        east.put("/estate/rooms/" + MISSING, roomBody),
        r21);

    String[] deletable = {
      "/estate/rooms/", "/estate/units/", "/estate/buildings/", "/estate/estates/"
    };
    long[] deleteIds = {r21, u21, b21, e2};
    for (int i = 0; i < deletable.length; i++) {
      assertLikeMissing(
          east.delete(deletable[i] + deleteIds[i]),
          east.delete(deletable[i] + MISSING),
          deleteIds[i]);
    }
    String csv = "unit,number,floor,area,type\nU9,901,9,70,residential\n";
    assertLikeMissing(
        east.postCsv("/estate/buildings/" + b21 + "/rooms/import", csv),
        east.postCsv("/estate/buildings/" + MISSING + "/rooms/import", csv),
        b21);

    // parents named in a body: the same 422 as a parent that does not exist
    assertLikeMissing(
        east.post("/estate/buildings", map("estateId", e2, "code", "NEW", "name", "New")),
        east.post("/estate/buildings", map("estateId", MISSING, "code", "NEW", "name", "New")),
        e2);
    assertLikeMissing(
        east.post("/estate/units", map("buildingId", b21, "code", "NEW", "name", "New")),
        east.post("/estate/units", map("buildingId", MISSING, "code", "NEW", "name", "New")),
        b21);
    assertLikeMissing(
        east.post("/estate/rooms", roomBody(u21, "NEW")),
        east.post("/estate/rooms", roomBody(MISSING, "NEW")),
        u21);
    assertEquals(422, east.post("/estate/rooms", roomBody(MISSING, "NEW")).status);

    // a new estate is in no narrower scope than the company
    assertOutsideScope(
        east.post("/estate/estates", map("code", "E3", "name", "Third")), "whole company");

    for (int i = 0; i < paths.length; i++) {
      assertEquals(paths[i], before.get(i), owner.get(paths[i]).text);
    }
    assertEquals(List.of(b21), ids(owner, "/estate/buildings?estateId=" + e2));
    assertEquals(List.of(u21), ids(owner, "/estate/units?buildingId=" + b21));
    assertEquals(roomsOfE2, ids(owner, "/estate/rooms?buildingId=" + b21));
    assertEquals(List.of(e1, e2), ids(owner, "/estate/estates"));
  }

  @Test
  public void a04_writesInsideTheScopeWork() throws Exception {
    Http.Reply estate = east.get("/estate/estates/" + e1);
    Http.Reply renamed =
        east.put(
            "/estate/estates/" + e1,
            map("code", "E1", "name", "East Garden 2", "version", estate.json.path("version")));
    assertEquals(renamed.toString(), 200, renamed.status);
    long b13 = id(east.post("/estate/buildings", map("estateId", e1, "code", "B3", "name", "B3")));
    long u13 = id(east.post("/estate/units", map("buildingId", b13, "code", "U1", "name", "U1")));
    Http.Reply room = east.post("/estate/rooms", roomBody(u13, "301"));
    assertEquals(room.toString(), 201, room.status);
    assertEquals(e1, room.json.path("estateId").asLong());
    assertEquals(b13, room.json.path("buildingId").asLong());
    Http.Reply imported =
        east.postCsv(
            "/estate/buildings/" + b13 + "/rooms/import",
            "unit,number,floor,area,type\nU2,201,2,70,residential\n");
    assertEquals(imported.toString(), 200, imported.status);
    List<JsonNode> b13Rooms = all(east, "/estate/rooms?buildingId=" + b13, 50);
    assertEquals(2, b13Rooms.size());
    for (JsonNode r : b13Rooms) {
      assertEquals(r.toString(), e1, r.path("estateId").asLong());
    }
    assertEquals(204, east.delete("/estate/rooms/" + room.json.path("id").asLong()).status);
    // east's new rows are theirs, not the other estate's scope
    assertEquals(List.of(), ids(tower, "/estate/rooms?buildingId=" + b13));
  }

  @Test
  public void a05_aBuildingScopeSeesItsBuildingAndFindsItsEstateButCannotChangeIt()
      throws Exception {
    assertEquals(List.of(e1), ids(tower, "/estate/estates"));
    Http.Reply estate = tower.get("/estate/estates/" + e1);
    assertEquals(estate.toString(), 200, estate.status);
    assertLikeMissing(
        tower.get("/estate/estates/" + e2), tower.get("/estate/estates/" + MISSING), e2);

    Map<String, Object> rename =
        map("code", "E1", "name", "Tower's", "version", estate.json.path("version"));
    assertOutsideScope(tower.put("/estate/estates/" + e1, rename), "whole estate");
    assertOutsideScope(tower.delete("/estate/estates/" + e1), "whole estate");
    assertOutsideScope(
        tower.post("/estate/buildings", map("estateId", e1, "code", "B9", "name", "B9")),
        "whole estate");
    assertEquals(estate.text, owner.get("/estate/estates/" + e1).text);

    assertEquals(List.of(b11), ids(tower, "/estate/buildings"));
    assertEquals(List.of(b11), ids(tower, "/estate/buildings?estateId=" + e1));
    assertEquals(List.of(u11), ids(tower, "/estate/units"));
    assertEquals(roomsOfB11, ids(tower, "/estate/rooms"));
    long r12 = roomsOfB12.get(0);
    assertLikeMissing(
        tower.get("/estate/rooms/" + r12), tower.get("/estate/rooms/" + MISSING), r12);
    assertLikeMissing(
        tower.get("/estate/buildings/" + b12), tower.get("/estate/buildings/" + MISSING), b12);
    assertLikeMissing(
        tower.post("/estate/units", map("buildingId", b12, "code", "U7", "name", "U7")),
        tower.post("/estate/units", map("buildingId", MISSING, "code", "U7", "name", "U7")),
        b12);

    long added = room(tower, u11, "109");
    assertEquals(200, tower.get("/estate/rooms/" + added).status);
    assertEquals(204, tower.delete("/estate/rooms/" + added).status);
  }

  @Test
  public void a06_aCompanyWideUserSeesEverything() throws Exception {
    assertEquals(ids(owner, "/estate/estates"), ids(company, "/estate/estates"));
    assertEquals(ids(owner, "/estate/rooms"), ids(company, "/estate/rooms"));
    assertTrue(ids(company, "/estate/rooms").containsAll(roomsOfE2));
    assertEquals(200, company.get("/estate/rooms/" + roomsOfE2.get(0)).status);
    long e3 = id(company.post("/estate/estates", map("code", "E3", "name", "Third")));
    assertEquals(204, company.delete("/estate/estates/" + e3).status);
  }

  /**
   * The measured list: a page of one estate's rooms is read from the (estate_id, id) index, not by
   * walking the primary key past the other estate's rooms, which come first and are as many (where
   * PostgreSQL, with {@code estate_id = ?}, prices both ways alike and takes the walk).
   */
  @Test
  public void a07_oneEstatesPageIsReadFromItsIndex() throws Exception {
    // as rooms are imported, estate by estate: estate 1's come first, then as many of estate 2's
    importRooms(b12, "U8");
    importRooms(b21, "U9");
    try (Connection c = PlatformIT.db();
        Statement s = c.createStatement()) {
      s.execute("analyze t_" + TENANT + ".room");
    }
    Http west = owner.staff(TENANT, "west_pm", "project_manager", "estates", e2);
    long before = settled();
    Http.Reply page = west.get("/estate/rooms?limit=20");
    assertEquals(page.toString(), 200, page.status);
    assertEquals(20, page.json.path("items").size());
    assertEquals(roomsOfE2.get(0).longValue(), page.json.path("items").get(0).path("id").asLong());
    for (JsonNode room : page.json.path("items")) {
      assertEquals(room.toString(), e2, room.path("estateId").asLong());
    }
    assertTrue(page.text, !page.json.path("nextCursor").isNull());
    long deadline = System.currentTimeMillis() + 30_000;
    while (estateIndexScans() == before && System.currentTimeMillis() < deadline) {
      Thread.sleep(250); // the server reports its index statistics once idle
    }
    assertTrue("room_estate_idx was not read", estateIndexScans() > before);
  }

  private static void importRooms(long building, String unit) throws Exception {
    StringBuilder csv = new StringBuilder("unit,number,floor,area,type\n");
    for (int i = 0; i < 2000; i++) {
      csv.append(unit).append(',').append(5000 + i).append(",5,70,residential\n");
    }
    Http.Reply imported =
        owner.postCsv("/estate/buildings/" + building + "/rooms/import", csv.toString());
    assertEquals(imported.toString(), 200, imported.status);
  }

  /**
   * The index's scans once the earlier tests' requests have been reported, so that only this test's
   * request can move the count.
   */
  private static long settled() throws Exception {
    long last = estateIndexScans();
    for (int i = 0; i < 10; i++) {
      Thread.sleep(3_000);
      long now = estateIndexScans();
      if (now == last) {
        return now;
      }
      last = now;
    }
    return last;
  }

  private static long estateIndexScans() throws Exception {
    return PlatformIT.count(
        "select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes"
            + " where schemaname = ? and indexrelname = 'room_estate_idx'",
        "t_" + TENANT);
  }
}
