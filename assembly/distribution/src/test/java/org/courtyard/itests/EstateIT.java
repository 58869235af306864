package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * The estate module over HTTP: CRUD with validation, filtering and cursor pagination, CSV import,
 * tenant isolation on every endpoint and concurrent writers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class EstateIT {

  private static Http north;
  private static Http south;
  private static Http operator;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void tenants() throws Exception {
    if (north != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    north = anonymous.tenant(operator.onboard("north_prop", "estate"));
    south = anonymous.tenant(operator.onboard("south_prop", "estate"));
  }

  private static long create(Http api, String path, Map<String, Object> body) throws Exception {
    Http.Reply r = api.post(path, body);
    assertEquals(r.toString(), 201, r.status);
    assertTrue(r.json.path("id").asLong() > 0);
    return r.json.path("id").asLong();
  }

  @Test
  public void a01_fullHierarchyCrudWithVersionsAndDeleteRules() throws Exception {
    long estate =
        create(
            north,
            "/estate/estates",
            map("code", "SUN", "name", "Sunshine Garden", "address", "8 Lake Rd"));
    long building =
        create(
            north,
            "/estate/buildings",
            map("estateId", estate, "code", "B1", "name", "Building 1", "floors", 18));
    long unit =
        create(north, "/estate/units", map("buildingId", building, "code", "U1", "name", "Unit 1"));
    Http.Reply room =
        north.post(
            "/estate/rooms",
            map(
                "unitId",
                unit,
                "number",
                "1801",
                "floor",
                18,
                "area",
                89.5,
                "type",
                "residential"));
    assertEquals(room.toString(), 201, room.status);
    assertEquals(building, room.json.path("buildingId").asLong());
    assertEquals("vacant", room.json.path("status").asText());
    assertTrue(room.text, room.text.contains("\"area\":89.50"));
    long roomId = room.json.path("id").asLong();

    Http.Reply fetched = north.get("/estate/rooms/" + roomId);
    assertEquals(200, fetched.status);
    int version = fetched.json.path("version").asInt();
    Http.Reply updated =
        north.put(
            "/estate/rooms/" + roomId,
            map(
                "number",
                "1801",
                "floor",
                18,
                "area",
                90,
                "type",
                "residential",
                "status",
                "occupied",
                "version",
                version));
    assertEquals(updated.toString(), 200, updated.status);
    assertEquals("occupied", updated.json.path("status").asText());
    Http.Reply stale =
        north.put(
            "/estate/rooms/" + roomId,
            map(
                "number",
                "1801",
                "floor",
                18,
                "area",
                91,
                "type",
                "residential",
                "status",
                "vacant",
                "version",
                version));
    assertEquals(stale.toString(), 409, stale.status);
    assertEquals("stale-version", stale.problemType());
    assertEquals("occupied", north.get("/estate/rooms/" + roomId).json.path("status").asText());

    Http.Reply blocked = north.delete("/estate/units/" + unit);
    assertEquals(409, blocked.status);
    assertEquals("has-children", blocked.problemType());
    assertEquals(204, north.delete("/estate/rooms/" + roomId).status);
    assertEquals(404, north.get("/estate/rooms/" + roomId).status);
    assertEquals(204, north.delete("/estate/units/" + unit).status);
    assertEquals(204, north.delete("/estate/buildings/" + building).status);
    assertEquals(204, north.delete("/estate/estates/" + estate).status);
    assertEquals(404, north.delete("/estate/estates/" + estate).status);
  }

  @Test
  public void a02_badInputIsRejectedWithReadableProblemsAndWritesNothing() throws Exception {
    long estate = create(north, "/estate/estates", map("code", "VAL", "name", "Validation Court"));
    Http.Reply invalid = north.post("/estate/estates", map("code", "has space", "name", ""));
    assertEquals(invalid.toString(), 422, invalid.status);
    assertEquals("validation-failed", invalid.problemType());
    assertTrue(invalid.contentType.startsWith("application/problem+json"));
    Set<String> fields = new HashSet<>();
    invalid.json.path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertTrue(fields.toString(), fields.containsAll(List.of("code", "name")));

    assertEquals(409, north.post("/estate/estates", map("code", "VAL", "name", "Again")).status);
    assertEquals(400, north.post("/estate/estates", "{\"code\": \"X1\", \"name\": ").status);
    assertEquals(
        400,
        north.post("/estate/estates", "{\"code\": \"X1\", \"name\": \"n\", \"colour\": 1}").status);
    assertEquals(400, north.post("/estate/estates", "").status);
    Http.Reply noParent =
        north.post("/estate/buildings", map("estateId", 999999, "code", "B9", "name", "Nowhere"));
    assertEquals(noParent.toString(), 422, noParent.status);
    long building =
        create(north, "/estate/buildings", map("estateId", estate, "code", "B1", "name", "B1"));
    long unit =
        create(north, "/estate/units", map("buildingId", building, "code", "U1", "name", "U1"));
    Http.Reply badRoom =
        north.post(
            "/estate/rooms",
            map("unitId", unit, "number", "101", "floor", 500, "area", -3, "type", "castle"));
    assertEquals(badRoom.toString(), 422, badRoom.status);
    assertEquals(3, badRoom.json.path("errors").size());
    assertEquals(400, north.get("/estate/rooms?limit=0").status);
    assertEquals(400, north.get("/estate/rooms?cursor=not-a-cursor").status);
    assertEquals(
        0, PlatformIT.count("select count(*) from t_north_prop.room where unit_id = ?", unit));
    assertEquals(404, north.get("/estate/estates/424242").status);
  }

  @Test
  public void a03_listsFilterByParentAndPageWithCursors() throws Exception {
    long estate = create(north, "/estate/estates", map("code", "PAGE", "name", "Paging Park"));
    long b1 =
        create(north, "/estate/buildings", map("estateId", estate, "code", "P1", "name", "P1"));
    long b2 =
        create(north, "/estate/buildings", map("estateId", estate, "code", "P2", "name", "P2"));
    long u1 = create(north, "/estate/units", map("buildingId", b1, "code", "A", "name", "A"));
    long u2 = create(north, "/estate/units", map("buildingId", b2, "code", "A", "name", "A"));
    for (int i = 1; i <= 7; i++) {
      create(
          north,
          "/estate/rooms",
          map(
              "unitId",
              u1,
              "number",
              "10" + i,
              "floor",
              1,
              "area",
              50 + i,
              "type",
              i % 2 == 0 ? "commercial" : "residential"));
    }
    create(
        north,
        "/estate/rooms",
        map("unitId", u2, "number", "101", "floor", 1, "area", 70, "type", "parking"));

    List<Long> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Http.Reply page =
          north.get(
              "/estate/rooms?buildingId="
                  + b1
                  + "&limit=3"
                  + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(page.toString(), 200, page.status);
      page.json
          .path("items")
          .forEach(
              r -> {
                assertEquals(b1, r.path("buildingId").asLong());
                seen.add(r.path("id").asLong());
              });
      cursor = page.json.path("nextCursor").isNull() ? null : page.json.path("nextCursor").asText();
      pages++;
    } while (cursor != null);
    assertEquals(7, seen.size());
    assertEquals(3, pages);
    assertEquals(7, new HashSet<>(seen).size());
    assertEquals(
        3, north.get("/estate/rooms?unitId=" + u1 + "&type=commercial").json.path("items").size());
    assertEquals(1, north.get("/estate/rooms?buildingId=" + b2).json.path("items").size());
    // the room picker: rooms of one estate whose number starts with what was typed
    assertEquals(8, north.get("/estate/rooms?estateId=" + estate).json.path("items").size());
    Http.Reply started = north.get("/estate/rooms?estateId=" + estate + "&number=10");
    assertEquals(8, started.json.path("items").size());
    Http.Reply exact = north.get("/estate/rooms?estateId=" + estate + "&number=101");
    assertEquals(exact.toString(), 2, exact.json.path("items").size());
    for (com.fasterxml.jackson.databind.JsonNode r : exact.json.path("items")) {
      assertEquals("101", r.path("number").asText());
    }
    assertEquals(
        1, north.get("/estate/rooms?buildingId=" + b1 + "&number=107").json.path("items").size());
    // % and _ are themselves, not wildcards
    assertEquals(
        0,
        north.get("/estate/rooms?estateId=" + estate + "&number=1%25").json.path("items").size());
    assertEquals(
        0, north.get("/estate/rooms?estateId=" + estate + "&number=1_1").json.path("items").size());
    assertEquals(400, north.get("/estate/rooms?number=" + "9".repeat(33)).status);
    assertEquals(2, north.get("/estate/buildings?estateId=" + estate).json.path("items").size());
    assertEquals(1, north.get("/estate/units?buildingId=" + b2).json.path("items").size());
  }

  @Test
  public void a04_csvImportIsAllOrNothingWithLineNumbers() throws Exception {
    long estate = create(north, "/estate/estates", map("code", "CSV", "name", "Import Gardens"));
    long building =
        create(north, "/estate/buildings", map("estateId", estate, "code", "C1", "name", "C1"));
    String bad =
        "\uFEFFunit,number,floor,area,type,status\r\n"
            + "1,101,1,88.5,residential,vacant\r\n"
            + "1,102,1,-1,residential,vacant\r\n"
            + "1,101,1,90,residential,vacant\r\n"
            + "2,201,2,abc,villa,\r\n";
    Http.Reply rejected = north.postCsv("/estate/buildings/" + building + "/rooms/import", bad);
    assertEquals(rejected.toString(), 422, rejected.status);
    assertEquals("import-rejected", rejected.problemType());
    Set<Integer> lines = new HashSet<>();
    rejected.json.path("errors").forEach(e -> lines.add(e.path("line").asInt()));
    assertTrue(lines.toString(), lines.containsAll(List.of(3, 4, 5)));
    assertFalse(lines.contains(2));
    assertEquals(
        0,
        PlatformIT.count("select count(*) from t_north_prop.room where building_id = ?", building));
    assertEquals(
        0,
        PlatformIT.count("select count(*) from t_north_prop.unit where building_id = ?", building));

    StringBuilder good = new StringBuilder("unit,number,floor,area,type\n");
    for (int u = 1; u <= 3; u++) {
      for (int f = 1; f <= 10; f++) {
        good.append(u)
            .append(',')
            .append(f)
            .append("0")
            .append(u)
            .append(',')
            .append(f)
            .append(",\"")
            .append(80 + f)
            .append(".25\",residential\n");
      }
    }
    Http.Reply imported =
        north.postCsv("/estate/buildings/" + building + "/rooms/import", good.toString());
    assertEquals(imported.toString(), 200, imported.status);
    assertEquals(30, imported.json.path("roomsImported").asInt());
    assertEquals(3, imported.json.path("unitsCreated").asInt());
    assertEquals(
        30,
        PlatformIT.count("select count(*) from t_north_prop.room where building_id = ?", building));
    Http.Reply again =
        north.postCsv("/estate/buildings/" + building + "/rooms/import", good.toString());
    assertEquals(again.toString(), 422, again.status);
    assertEquals(
        30,
        PlatformIT.count("select count(*) from t_north_prop.room where building_id = ?", building));
    assertEquals(
        404, north.postCsv("/estate/buildings/987654/rooms/import", good.toString()).status);
  }

  /** Every estate endpoint, called by south with north's ids: 404, and north's data never leaks. */
  @Test
  public void b01_anotherTenantGets404OnEveryEndpointAndNeverSeesData() throws Exception {
    long estate =
        create(north, "/estate/estates", map("code", "PRIV", "name", "Private Estate North"));
    long building =
        create(
            north,
            "/estate/buildings",
            map("estateId", estate, "code", "NB", "name", "North Building"));
    long unit =
        create(
            north,
            "/estate/units",
            map("buildingId", building, "code", "NU", "name", "North Unit"));
    long room =
        create(
            north,
            "/estate/rooms",
            map("unitId", unit, "number", "N01", "floor", 1, "area", 60, "type", "storage"));

    Map<String, Long> ids =
        Map.of("estates", estate, "buildings", building, "units", unit, "rooms", room);
    for (Map.Entry<String, Long> e : ids.entrySet()) {
      String path = "/estate/" + e.getKey() + "/" + e.getValue();
      Http.Reply get = south.get(path);
      assertEquals(path + " " + get, 404, get.status);
      assertFalse(get.text.contains("North"));
      Http.Reply put = south.put(path, putBody(e.getKey(), 1));
      assertEquals(path + " PUT " + put, 404, put.status);
      Http.Reply delete = south.delete(path);
      assertEquals(path + " DELETE " + delete, 404, delete.status);
    }
    assertEquals(
        422,
        south.post("/estate/buildings", map("estateId", estate, "code", "X", "name", "X")).status);
    assertEquals(
        422,
        south.post("/estate/units", map("buildingId", building, "code", "X", "name", "X")).status);
    assertEquals(
        422,
        south.post(
                "/estate/rooms",
                map("unitId", unit, "number", "X", "floor", 1, "area", 5, "type", "storage"))
            .status);
    assertEquals(
        404,
        south.postCsv(
                "/estate/buildings/" + building + "/rooms/import",
                "unit,number,floor,area,type\nX,1,1,10,storage\n")
            .status);
    for (String list :
        List.of(
            "/estate/estates",
            "/estate/buildings?estateId=" + estate,
            "/estate/units?buildingId=" + building,
            "/estate/rooms?unitId=" + unit,
            "/estate/rooms?buildingId=" + building)) {
      Http.Reply r = south.get(list);
      assertEquals(list + " " + r, 200, r.status);
      assertFalse(list + " leaked: " + r.text, r.text.contains("North") || r.text.contains("PRIV"));
    }
    // north's records are untouched
    assertEquals(200, north.get("/estate/rooms/" + room).status);
    assertEquals(
        "Private Estate North", north.get("/estate/estates/" + estate).json.path("name").asText());
    assertEquals(
        0, PlatformIT.count("select count(*) from t_south_prop.estate where code = 'PRIV'"));
  }

  private static Map<String, Object> putBody(String kind, int version) {
    switch (kind) {
      case "estates":
        return map("code", "HACK", "name", "Hacked", "version", version);
      case "buildings":
        return map("code", "HACK", "name", "Hacked", "version", version);
      case "units":
        return map("code", "HACK", "name", "Hacked", "version", version);
      default:
        return map(
            "number", "HACK", "floor", 1, "area", 1, "type", "storage", "status", "vacant",
            "version", version);
    }
  }

  @Test
  public void c01_concurrentWritersOfTwoTenantsStayInTheirOwnSchemas() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    long deadline = System.currentTimeMillis() + 4000;
    List<Future<List<String>>> results = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      Http api = t % 2 == 0 ? north : south;
      String prefix = (t % 2 == 0 ? "N" : "S") + t + "-";
      results.add(
          pool.submit(
              () -> {
                List<String> codes = new ArrayList<>();
                for (int i = 0; System.currentTimeMillis() < deadline; i++) {
                  String code = prefix + i;
                  Http.Reply r =
                      api.post("/estate/estates", map("code", code, "name", "Concurrent " + code));
                  assertEquals(r.toString(), 201, r.status);
                  JsonNode back = api.get("/estate/estates/" + r.json.path("id").asLong()).json;
                  assertEquals(code, back.path("code").asText());
                  codes.add(code);
                }
                return codes;
              }));
    }
    Set<String> northCodes = new HashSet<>();
    Set<String> southCodes = new HashSet<>();
    for (int t = 0; t < results.size(); t++) {
      (t % 2 == 0 ? northCodes : southCodes).addAll(results.get(t).get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();
    assertTrue(northCodes.size() > 10 && southCodes.size() > 10);
    assertEquals(northCodes, codesIn("t_north_prop", "N"));
    assertEquals(southCodes, codesIn("t_south_prop", "S"));
    assertTrue(codesIn("t_north_prop", "S").isEmpty());
    assertTrue(codesIn("t_south_prop", "N").isEmpty());
    System.out.println(
        "concurrent writers stored " + northCodes.size() + " + " + southCodes.size() + " estates");
  }

  private static Set<String> codesIn(String schema, String prefix) throws Exception {
    Set<String> codes = new HashSet<>();
    try (Connection c = PlatformIT.db();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select code from " + schema + ".estate where code ~ '^" + prefix + "[0-9]+-'")) {
      while (rs.next()) {
        codes.add(rs.getString(1));
      }
    }
    return codes;
  }
}
