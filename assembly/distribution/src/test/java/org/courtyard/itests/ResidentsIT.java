package org.courtyard.itests;

import static org.courtyard.itests.Http.id;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The residents module over HTTP on top of estate: people with normalised and masked personal data,
 * occupancies with owner shares and kept history, vehicles, search, and tenant isolation.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ResidentsIT {

  private static Http operator;
  private static Http east;
  private static Http west;
  private static long eastRoom;
  private static long eastRoom2;
  private static long westRoom;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    if (east != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    east = anonymous.tenant(operator.onboard("east_res", "estate", "residents"));
    west = anonymous.tenant(operator.onboard("west_res", "estate", "residents"));
    long[] e = rooms(east, "E");
    eastRoom = e[0];
    eastRoom2 = e[1];
    westRoom = rooms(west, "W")[0];
  }

  private static long[] rooms(Http api, String prefix) throws Exception {
    long estate =
        id(api.post("/estate/estates", map("code", prefix + "EST", "name", prefix + " Estate")));
    long building =
        id(api.post("/estate/buildings", map("estateId", estate, "code", "B1", "name", "B1")));
    long unit =
        id(api.post("/estate/units", map("buildingId", building, "code", "U1", "name", "U1")));
    long r1 =
        id(
            api.post(
                "/estate/rooms",
                map(
                    "unitId",
                    unit,
                    "number",
                    "101",
                    "floor",
                    1,
                    "area",
                    88,
                    "type",
                    "residential")));
    long r2 =
        id(
            api.post(
                "/estate/rooms",
                map(
                    "unitId",
                    unit,
                    "number",
                    "102",
                    "floor",
                    1,
                    "area",
                    90,
                    "type",
                    "residential")));
    return new long[] {r1, r2};
  }

  @Test
  public void a01_requiresEstate() throws Exception {
    Http.Reply created =
        operator.post("/operator/tenants", Map.of("slug", "bare_res", "name", "Bare"));
    assertEquals(201, created.status);
    Http.Reply r = operator.post("/operator/tenants/bare_res/modules/residents", "");
    assertEquals(r.toString(), 409, r.status);
    assertEquals("module-requires", r.problemType());
    Http.Reply disable = operator.delete("/operator/tenants/east_res/modules/estate");
    assertEquals(disable.toString(), 409, disable.status);
    assertEquals("module-required", disable.problemType());
  }

  @Test
  public void a02_personalDataIsNormalisedAndMaskedInLists() throws Exception {
    Http.Reply p =
        east.post(
            "/residents/persons",
            map(
                "fullName",
                "Wang Fang",
                "phone",
                "138 1234 5678",
                "idNumber",
                "11010519491231002X"));
    assertEquals(p.toString(), 201, p.status);
    long id = p.json.path("id").asLong();
    assertEquals("+8613812345678", p.json.path("phone").asText());
    Http.Reply full = east.get("/residents/persons/" + id);
    assertEquals("11010519491231002X", full.json.path("idNumber").asText());
    Http.Reply list = east.get("/residents/persons?q=wang");
    assertEquals(list.toString(), 200, list.status);
    assertTrue(list.text, list.text.contains("138****5678"));
    assertFalse(list.text, list.text.contains("13812345678") || list.text.contains("19491231"));
    assertEquals(1, east.get("/residents/persons?q=5678").json.path("items").size());

    Http.Reply bad =
        east.post(
            "/residents/persons",
            map("fullName", "", "phone", "12", "idNumber", "110105194912310021"));
    assertEquals(bad.toString(), 422, bad.status);
    assertTrue(bad.json.path("errors").size() >= 3);
  }

  @Test
  public void a03_ownerSharesNeverExceedAHundredPercentEvenConcurrently() throws Exception {
    List<Long> owners = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      owners.add(
          id(
              east.post(
                  "/residents/persons",
                  map("fullName", "Owner " + i, "phone", "+86 139 0000 00" + (10 + i)))));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    for (long owner : owners) {
      results.add(
          pool.submit(
              () ->
                  east.post(
                          "/residents/occupancies",
                          map(
                              "personId",
                              owner,
                              "roomId",
                              eastRoom2,
                              "role",
                              "owner",
                              "sharePercent",
                              30,
                              "moveIn",
                              "2024-01-01"))
                      .status));
    }
    int created = 0;
    int refused = 0;
    for (Future<Integer> f : results) {
      int status = f.get();
      if (status == 201) {
        created++;
      } else {
        assertEquals(409, status);
        refused++;
      }
    }
    pool.shutdown();
    assertEquals(3, created);
    assertEquals(5, refused);
    assertEquals(
        3, east.get("/residents/rooms/" + eastRoom2 + "/occupancies").json.path("items").size());
  }

  @Test
  public void a04_historyIsKeptWhenPeopleMoveOut() throws Exception {
    long person =
        id(east.post("/residents/persons", map("fullName", "Li Lei", "phone", "13700001111")));
    Http.Reply occ =
        east.post(
            "/residents/occupancies",
            map("personId", person, "roomId", eastRoom, "role", "tenant", "moveIn", "2025-03-01"));
    long occupancy = occ.json.path("id").asLong();
    assertEquals(occ.toString(), 201, occ.status);
    assertEquals(
        409,
        east.post(
                "/residents/occupancies",
                map(
                    "personId",
                    person,
                    "roomId",
                    eastRoom,
                    "role",
                    "tenant",
                    "moveIn",
                    "2025-04-01"))
            .status);
    assertEquals(
        422,
        east.post("/residents/occupancies/" + occupancy + "/end", map("moveOut", "2025-01-01"))
            .status);
    Http.Reply ended =
        east.post("/residents/occupancies/" + occupancy + "/end", map("moveOut", "2026-06-30"));
    assertEquals(ended.toString(), 200, ended.status);
    assertEquals(
        409,
        east.post("/residents/occupancies/" + occupancy + "/end", map("moveOut", "2026-07-01"))
            .status);
    String current = east.get("/residents/rooms/" + eastRoom + "/occupancies").text;
    String history = east.get("/residents/rooms/" + eastRoom + "/occupancies?history=true").text;
    assertFalse(current.contains("Li Lei"));
    assertTrue(history, history.contains("Li Lei") && history.contains("2026-06-30"));
    assertEquals(409, east.delete("/residents/persons/" + person).status);
    assertEquals(
        422,
        east.post(
                "/residents/occupancies",
                map("personId", person, "roomId", 987654, "role", "tenant", "moveIn", "2025-03-01"))
            .status);
  }

  @Test
  public void a05_vehiclesArePlatesNormalisedAndSearchable() throws Exception {
    long person =
        id(east.post("/residents/persons", map("fullName", "Zhao Min", "phone", "13600002222")));
    Http.Reply v =
        east.post(
            "/residents/vehicles", map("personId", person, "plate", "粤b·123 45", "color", "white"));
    assertEquals(v.toString(), 201, v.status);
    assertEquals("粤B12345", v.json.path("plate").asText());
    assertEquals(
        409, east.post("/residents/vehicles", map("personId", person, "plate", "粤B12345")).status);
    assertTrue(east.get("/residents/persons?q=B12345").text.contains("Zhao Min"));
    assertEquals(204, east.delete("/residents/vehicles/" + v.json.path("id").asLong()).status);
    assertEquals(
        201, east.post("/residents/vehicles", map("personId", person, "plate", "粤B12345")).status);
  }

  @Test
  public void a06_occupiedRoomsAreTheRoomsWithSomeoneInThemNowWithTheirLabels() throws Exception {
    // eastRoom2: the three owners of a03; eastRoom: Li Lei moved out in a04, so nobody yet
    assertEquals(List.of(eastRoom2), occupiedRooms(east, "", 500));
    long sun =
        id(east.post("/residents/persons", map("fullName", "Sun Li", "phone", "13600004444")));
    Http.Reply owns =
        east.post(
            "/residents/occupancies",
            map("personId", sun, "roomId", eastRoom, "role", "owner", "moveIn", "2025-05-01"));
    assertEquals(owns.toString(), 201, owns.status);
    // the occupancy names its room in words, and where it is
    assertEquals("EEST/B1/U1/101", owns.json.path("roomLabel").asText());
    assertTrue(owns.text, owns.json.path("estateId").asLong() > 0);
    Http.Reply lives =
        east.post(
            "/residents/occupancies",
            map("personId", sun, "roomId", eastRoom, "role", "occupant", "moveIn", "2025-05-01"));
    assertEquals(lives.toString(), 201, lives.status);
    for (JsonNode o : east.get("/residents/persons/" + sun + "/occupancies").json.path("items")) {
      assertEquals(o.toString(), "EEST/B1/U1/101", o.path("roomLabel").asText());
    }
    JsonNode one = east.get("/residents/occupancies/" + lives.json.path("id").asLong()).json;
    assertEquals(one.toString(), "EEST/B1/U1/101", one.path("roomLabel").asText());
    for (JsonNode o :
        east.get("/residents/rooms/" + eastRoom2 + "/occupancies").json.path("items")) {
      assertEquals(o.toString(), "EEST/B1/U1/102", o.path("roomLabel").asText());
    }

    Http.Reply page = east.get("/residents/occupied-rooms");
    assertEquals(page.toString(), 200, page.status);
    JsonNode items = page.json.path("items");
    assertEquals(page.text, 2, items.size());
    assertEquals(eastRoom, items.get(0).path("roomId").asLong());
    assertEquals("EEST/B1/U1/101", items.get(0).path("label").asText());
    // owner and occupant of the room: one person in it
    assertEquals(page.text, 1, items.get(0).path("occupants").asLong());
    assertEquals("EEST/B1/U1/102", items.get(1).path("label").asText());
    assertEquals(page.text, 3, items.get(1).path("occupants").asLong());
    long estate = items.get(0).path("estateId").asLong();
    long building = items.get(0).path("buildingId").asLong();
    assertEquals(List.of(eastRoom, eastRoom2), occupiedRooms(east, "", 1));
    assertEquals(List.of(eastRoom, eastRoom2), occupiedRooms(east, "estateId=" + estate, 1));
    assertEquals(List.of(eastRoom, eastRoom2), occupiedRooms(east, "buildingId=" + building, 500));
    assertEquals(List.of(), occupiedRooms(east, "estateId=" + (estate + 1000), 500));

    // the person moves out of both: the room is no longer occupied
    for (Http.Reply o : List.of(owns, lives)) {
      assertEquals(
          200,
          east.post(
                  "/residents/occupancies/" + o.json.path("id").asLong() + "/end",
                  map("moveOut", "2025-12-31"))
              .status);
    }
    assertEquals(List.of(eastRoom2), occupiedRooms(east, "", 500));

    for (String bad : List.of("estateId=x", "buildingId=-1", "limit=0", "cursor=not-a-cursor")) {
      Http.Reply r = east.get("/residents/occupied-rooms?" + bad);
      assertEquals(bad + " " + r, 400, r.status);
      assertTrue(r.toString(), r.contentType.startsWith("application/problem+json"));
    }
    Http.Reply zh = east.inLanguage("zh-CN").get("/residents/occupied-rooms?buildingId=x");
    assertEquals(zh.toString(), 400, zh.status);
    assertEquals(zh.toString(), "buildingId 必须是正整数。", zh.json.path("detail").asText());
    Http.Reply en = east.get("/residents/occupied-rooms?buildingId=x");
    assertEquals(
        en.toString(),
        "buildingId must be a positive whole number.",
        en.json.path("detail").asText());
  }

  /** The room ids of every page of {@code GET /occupied-rooms?query}, {@code limit} at a time. */
  static List<Long> occupiedRooms(Http api, String query, int limit) throws Exception {
    List<Long> rooms = new ArrayList<>();
    String cursor = null;
    do {
      Http.Reply page =
          api.get(
              "/residents/occupied-rooms?"
                  + (query.isEmpty() ? "" : query + "&")
                  + "limit="
                  + limit
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      assertEquals(page.toString(), 200, page.status);
      assertTrue(page.text, page.json.path("items").size() <= limit);
      for (JsonNode room : page.json.path("items")) {
        assertTrue(room.toString(), room.path("occupants").asLong() >= 1);
        rooms.add(room.path("roomId").asLong());
      }
      cursor =
          page.json.path("nextCursor").isTextual() ? page.json.path("nextCursor").asText() : null;
    } while (cursor != null);
    return rooms;
  }

  @Test
  public void b01_anotherTenantSeesNoneOfIt() throws Exception {
    long person =
        id(
            east.post(
                "/residents/persons", map("fullName", "Secret Person", "phone", "13500003333")));
    long occ =
        id(
            east.post(
                "/residents/occupancies",
                map(
                    "personId",
                    person,
                    "roomId",
                    eastRoom,
                    "role",
                    "occupant",
                    "moveIn",
                    "2025-01-01")));
    long vehicle =
        id(east.post("/residents/vehicles", map("personId", person, "plate", "京A99999")));
    for (String path :
        List.of(
            "/residents/persons/" + person,
            "/residents/occupancies/" + occ,
            "/residents/vehicles/" + vehicle,
            "/residents/persons/" + person + "/vehicles")) {
      Http.Reply r = west.get(path);
      assertEquals(path + " " + r, 404, r.status);
      assertFalse(r.text.contains("Secret"));
    }
    assertEquals(
        404,
        west.put(
                "/residents/persons/" + person,
                map("fullName", "Hacked", "phone", "13500003333", "version", 1))
            .status);
    assertEquals(404, west.delete("/residents/persons/" + person).status);
    assertEquals(404, west.delete("/residents/vehicles/" + vehicle).status);
    assertEquals(
        404,
        west.post("/residents/occupancies/" + occ + "/end", map("moveOut", "2026-01-01")).status);
    assertEquals(
        422,
        west.post(
                "/residents/occupancies",
                map(
                    "personId",
                    person,
                    "roomId",
                    westRoom,
                    "role",
                    "owner",
                    "moveIn",
                    "2025-01-01"))
            .status);
    assertEquals(
        422, west.post("/residents/vehicles", map("personId", person, "plate", "京A88888")).status);
    for (String list :
        List.of(
            // room ids are per tenant schema: west's room with this id is its own, and empty
            "/residents/rooms/" + eastRoom + "/occupancies?history=true",
            "/residents/persons",
            "/residents/persons?q=Secret",
            "/residents/persons?q=3333",
            "/residents/vehicles?plate=A99999",
            "/residents/persons?roomId=" + eastRoom)) {
      Http.Reply r = west.get(list);
      assertFalse(list + " " + r, r.text.contains("Secret") || r.text.contains("99999"));
    }
    assertEquals(List.of(), occupiedRooms(west, "", 500));
    assertEquals(
        "Secret Person", east.get("/residents/persons/" + person).json.path("fullName").asText());
  }
}
