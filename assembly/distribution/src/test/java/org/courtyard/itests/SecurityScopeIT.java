package org.courtyard.itests;

import static org.courtyard.itests.Http.id;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
 * Security within staff users' data scopes (#11), through the real sign-in: access events and
 * alarms are where their device is, a credential where all its doors are, a patrol route where all
 * its readers are; lists hold only what is in scope, and every read or write of the rest is
 * answered exactly as a missing id.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SecurityScopeIT {

  private static final String TENANT = "scope_sec";

  private static Http owner;
  private static Http estate1;
  private static Http building11;
  private static Http company;
  private static final Map<String, String> passwords = new java.util.HashMap<>();
  private static final Map<String, Long> credentials = new java.util.HashMap<>();
  private static final Map<String, Long> routes = new java.util.HashMap<>();

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
    owner = anonymous.tenant(operator.onboard(TENANT, "estate", "devices", "security"));
    long e1 = id(owner.post("/estate/estates", map("code", "E1", "name", "Estate 1")));
    long e2 = id(owner.post("/estate/estates", map("code", "E2", "name", "Estate 2")));
    long b11 = buildingWithRoom(e1, "B11");
    buildingWithRoom(e2, "B21");
    door("d1", map("kind", "gate", "ref", "North gate", "estateId", e1));
    door("d11", map("kind", "area", "ref", "Lobby", "buildingId", b11));
    door("d2", map("kind", "gate", "ref", "South gate", "estateId", e2));
    estate1 = owner.staff(TENANT, "pm_e1", "project_manager", "estates", e1);
    building11 = owner.staff(TENANT, "guard_b11", "guard", "buildings", b11);
    company = owner.staff(TENANT, "pm_all", "project_manager", "company");
  }

  private static long buildingWithRoom(long estate, String code) throws Exception {
    long b =
        id(owner.post("/estate/buildings", map("estateId", estate, "code", code, "name", code)));
    long unit = id(owner.post("/estate/units", map("buildingId", b, "code", "U1", "name", "U1")));
    id(
        owner.post(
            "/estate/rooms",
            map("unitId", unit, "number", "101", "floor", 1, "area", 80, "type", "residential")));
    return b;
  }

  private static void door(String id, Map<String, Object> where) throws Exception {
    Http.Reply r =
        owner.post(
            "/devices/devices",
            map("id", id, "type", "door-controller", "name", "Door " + id, "location", where));
    assertEquals(r.toString(), 201, r.status);
    passwords.put(id, r.json.path("mqtt").path("password").asText());
  }

  /** Every item of a list, page by page (one a page, so the scoped pages are checked too). */
  private static List<JsonNode> all(Http as, String path) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    do {
      String sep = path.contains("?") ? "&" : "?";
      Http.Reply r = as.get(path + sep + "limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(r.toString(), 200, r.status);
      r.json.path("items").forEach(items::add);
      cursor = r.json.path("nextCursor").isTextual() ? r.json.path("nextCursor").asText() : null;
    } while (cursor != null);
    return items;
  }

  private static Set<String> of(List<JsonNode> items, Function<JsonNode, String> key) {
    Set<String> out = new HashSet<>();
    items.forEach(i -> out.add(key.apply(i)));
    return out;
  }

  private static Set<String> devicesOf(Http as, String path) throws Exception {
    return of(all(as, path), i -> i.path("deviceId").asText());
  }

  /** The problem of a reply with the id it names taken out, to compare with a missing one's. */
  private static List<Object> problem(Http.Reply r, Object id) {
    return List.of(
        r.status,
        String.valueOf(r.problemType()),
        r.json.path("title").asText(),
        r.json.path("detail").asText().replace(String.valueOf(id), "<id>"));
  }

  @Test
  public void a01_theDoorsReport() throws Exception {
    int seq = 1;
    for (String d : List.of("d1", "d11", "d2")) {
      MqttClient c = DevicesIT.connect(TENANT + "/" + d, passwords.get(d));
      try {
        String up = "t/" + TENANT + "/d/" + d + "/up";
        c.publish(up, SecurityIT.access(seq++, 1, true, 0, 1, "CARD-" + d), 1, false);
        c.publish(up, SecurityIT.alarm(seq++, 1, 1, true), 1, false);
      } finally {
        c.disconnect();
      }
    }
    DevicesIT.await(owner, "/security/access-events", j -> j.path("items").size() == 3);
    DevicesIT.await(owner, "/security/alarms", j -> j.path("items").size() == 3);
  }

  @Test
  public void a02_theAccessLogAndAlarmsHoldOnlyTheDevicesInScope() throws Exception {
    Set<String> every = Set.of("d1", "d11", "d2");
    assertEquals(every, devicesOf(company, "/security/access-events"));
    assertEquals(every, devicesOf(company, "/security/alarms"));
    assertEquals(Set.of("d1", "d11"), devicesOf(estate1, "/security/access-events"));
    assertEquals(Set.of("d1", "d11"), devicesOf(estate1, "/security/alarms"));
    assertEquals(Set.of(), devicesOf(estate1, "/security/access-events?deviceId=d2"));
    assertEquals(Set.of("d11"), devicesOf(building11, "/security/access-events"));
    assertEquals(Set.of("d11"), devicesOf(building11, "/security/alarms?status=raised"));
  }

  @Test
  public void a03_anAlarmOfADeviceOutsideIsAnsweredAsAMissingOne() throws Exception {
    Map<String, Long> alarms = new java.util.HashMap<>();
    all(owner, "/security/alarms")
        .forEach(a -> alarms.put(a.path("deviceId").asText(), a.path("id").asLong()));
    long outside = alarms.get("d2");
    Http.Reply r =
        estate1.post("/security/alarms/" + outside + "/acknowledge", map("by", "Guard Li"));
    assertEquals(r.toString(), 404, r.status);
    assertEquals(
        problem(estate1.post("/security/alarms/999999/acknowledge", map("by", "x")), 999999),
        problem(r, outside));
    assertEquals(
        404,
        building11.post("/security/alarms/" + alarms.get("d1") + "/resolve", map("by", "x"))
            .status);
    Http.Reply mine =
        building11.post("/security/alarms/" + alarms.get("d11") + "/acknowledge", map("by", "Li"));
    assertEquals(mine.toString(), 200, mine.status);
    for (JsonNode a : all(owner, "/security/alarms")) {
      if (a.path("deviceId").asText().equals("d2") || a.path("deviceId").asText().equals("d1")) {
        assertEquals(a.toString(), "raised", a.path("status").asText());
      }
    }
  }

  private static Http.Reply issue(Http as, String credential, List<String> doors) throws Exception {
    return as.post(
        "/security/credentials",
        map(
            "kind",
            "card",
            "credential",
            credential,
            "holder",
            "Holder " + credential,
            "doors",
            doors));
  }

  @Test
  public void a04_aCredentialIsInScopeWhenAllItsDoorsAre() throws Exception {
    credentials.put("C1", id(issue(owner, "C1", List.of("d1:1"))));
    credentials.put("C2", id(issue(owner, "C2", List.of("d2"))));
    credentials.put("C3", id(issue(owner, "C3", List.of("d1", "d2:1"))));
    credentials.put("C11", id(issue(owner, "C11", List.of("d11:1"))));
    Function<JsonNode, String> value = c -> c.path("credential").asText();
    assertEquals(Set.of("C1", "C2", "C3", "C11"), of(all(company, "/security/credentials"), value));
    assertEquals(Set.of("C1", "C11"), of(all(estate1, "/security/credentials"), value));
    assertEquals(Set.of("C11"), of(all(building11, "/security/credentials"), value));

    for (String outside : List.of("C2", "C3")) {
      long id = credentials.get(outside);
      Http.Reply r = estate1.post("/security/credentials/" + id + "/revoke", "");
      assertEquals(r.toString(), 404, r.status);
      assertEquals(
          problem(estate1.post("/security/credentials/999999/revoke", ""), 999999), problem(r, id));
    }
    Http.Reply elsewhere = issue(estate1, "NEW-1", List.of("d1:2", "d2:1"));
    assertEquals(elsewhere.toString(), 404, elsewhere.status);
    assertEquals(
        problem(issue(estate1, "NEW-1", List.of("nodev:1")), "nodev"), problem(elsewhere, "d2"));
    assertEquals(0, all(owner, "/security/credentials?holder=NEW-1").size());
    for (JsonNode c : all(owner, "/security/credentials")) {
      assertEquals(c.toString(), "active", c.path("status").asText());
    }
    Http.Reply mine = issue(estate1, "NEW-2", List.of("d1:2", "d11"));
    assertEquals(mine.toString(), 201, mine.status);
    assertEquals(
        200,
        estate1.post("/security/credentials/" + mine.json.path("id").asLong() + "/revoke", "")
            .status);
  }

  @Test
  public void a05_aDoorDecisionOrRemoteOpeningOutsideTheScopeIsAMissingDoor() throws Exception {
    Http.Reply inside =
        estate1.get("/security/credentials/decision?kind=card&credential=C1&door=d1:1");
    assertEquals(inside.toString(), 200, inside.status);
    assertTrue(inside.json.toString(), inside.json.path("allowed").asBoolean());
    Http.Reply outside =
        estate1.get("/security/credentials/decision?kind=card&credential=C2&door=d2:1");
    assertEquals(outside.toString(), 404, outside.status);
    assertEquals(
        problem(
            estate1.get("/security/credentials/decision?kind=card&credential=C2&door=nodev:1"),
            "nodev"),
        problem(outside, "d2"));
    // the company's own key still asks about every door
    assertEquals(
        200,
        company.get("/security/credentials/decision?kind=card&credential=C2&door=d2:1").status);

    Http.Reply open = estate1.post("/security/doors/d2/open", map("by", "Guard Li"));
    assertEquals(open.toString(), 404, open.status);
    assertEquals(
        problem(estate1.post("/security/doors/nodev/open", map("by", "Guard Li")), "nodev"),
        problem(open, "d2"));
    for (JsonNode c : owner.get("/devices/devices/d2/commands").json) {
      assertFalse(c.toString(), c.path("name").asText().equals("open"));
    }
    for (JsonNode e : all(owner, "/security/access-events?deviceId=d2")) {
      assertFalse(e.toString(), e.path("credentialKind").asText().equals("remote"));
    }
  }

  private static Http.Reply route(Http as, String name, List<String> checkpoints) throws Exception {
    return as.post(
        "/security/patrol/routes",
        map(
            "name",
            name,
            "checkpoints",
            checkpoints,
            "times",
            List.of("00:00", "12:00"),
            "roundMinutes",
            30));
  }

  @Test
  public void a06_aPatrolRouteIsWhereItsReadersAreAndItsRoundsFollowIt() throws Exception {
    routes.put("R1", id(route(owner, "R1", List.of("d1:1", "TAG-A"))));
    routes.put("R2", id(route(owner, "R2", List.of("d2:1"))));
    routes.put("R3", id(route(owner, "R3", List.of("TAG-ONLY"))));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Http.Reply scheduled = owner.post("/security/patrol/schedule?zone=UTC&date=" + today, "");
    assertEquals(scheduled.toString(), 6, scheduled.json.size());
    long r2Round = 0;
    for (JsonNode r : scheduled.json) {
      if (r.path("routeId").asLong() == routes.get("R2")) {
        r2Round = r.path("id").asLong();
      }
    }
    Function<JsonNode, String> name = r -> r.path("name").asText();
    assertEquals(Set.of("R1", "R2", "R3"), of(all(company, "/security/patrol/routes"), name));
    assertEquals(Set.of("R1"), of(all(estate1, "/security/patrol/routes"), name));
    assertEquals(Set.of(), of(all(building11, "/security/patrol/routes"), name));
    assertEquals(
        Set.of(String.valueOf(routes.get("R1"))),
        of(all(estate1, "/security/patrol/rounds"), r -> r.path("routeId").asText()));

    Http.Reply round = estate1.get("/security/patrol/rounds/" + r2Round);
    assertEquals(round.toString(), 404, round.status);
    assertEquals(
        problem(estate1.get("/security/patrol/rounds/999999"), 999999), problem(round, r2Round));
    Http.Reply checkin =
        estate1.post(
            "/security/patrol/rounds/" + r2Round + "/checkins",
            map("checkpoint", "d2:1", "guard", "Li"));
    assertEquals(checkin.toString(), 404, checkin.status);
    assertEquals("round-not-found", checkin.problemType());

    Http.Reply elsewhere = route(estate1, "S1", List.of("d1:2", "d2:2"));
    assertEquals(elsewhere.toString(), 404, elsewhere.status);
    assertEquals("device-not-found", elsewhere.problemType());
    Http.Reply tags = route(estate1, "S2", List.of("TAG-X"));
    assertEquals(tags.toString(), 403, tags.status);
    assertEquals("outside-scope", tags.problemType());
    assertEquals(201, route(estate1, "S3", List.of("d11:1", "TAG-B")).status);
    Http.Reply mine = estate1.post("/security/patrol/schedule?zone=UTC&date=" + today, "");
    assertEquals(mine.toString(), 200, mine.status);
    assertEquals(Set.of("R1", "S3"), of(toList(mine.json), r -> r.path("route").asText()));
    assertEquals(Set.of("R1", "R2", "R3", "S3"), of(all(owner, "/security/patrol/routes"), name));
    // the scoped schedule added S3's two rounds and nothing of R2 or R3
    assertEquals(8, all(owner, "/security/patrol/rounds").size());
  }

  private static Set<Long> credentialIds(Http as, String query) throws Exception {
    return new HashSet<>(
        all(as, "/security/credentials?" + query).stream()
            .map(c -> c.path("id").asLong())
            .toList());
  }

  @Test
  public void a07_aCredentialReadFilteredOrRevokedOutsideTheScopeIsAMissingOne() throws Exception {
    long c1 = credentials.get("C1");
    long c2 = credentials.get("C2");
    long c3 = credentials.get("C3");
    long c11 = credentials.get("C11");
    assertEquals(200, estate1.get("/security/credentials/" + c1).status);
    for (long outside : List.of(c2, c3)) {
      Http.Reply r = estate1.get("/security/credentials/" + outside);
      assertEquals(r.toString(), 404, r.status);
      assertEquals(
          problem(estate1.get("/security/credentials/999999"), 999999), problem(r, outside));
    }
    assertEquals(404, building11.get("/security/credentials/" + c1).status);

    // the filters narrow what the scope holds, never widen it
    assertEquals(Set.of(c1, c3), credentialIds(company, "door=d1&status=active"));
    assertEquals(Set.of(c1), credentialIds(estate1, "door=d1&status=active"));
    assertEquals(Set.of(), credentialIds(estate1, "door=d2"));
    assertEquals(Set.of(), credentialIds(estate1, "door=d2:1"));
    assertEquals(Set.of(c1, c11), credentialIds(estate1, "kind=card&status=active"));
    assertEquals(Set.of(c11), credentialIds(building11, "kind=card"));

    Http.Reply revoked =
        estate1.post("/security/credentials/" + c11 + "/revoke", map("reason", "moved out 搬走"));
    assertEquals(revoked.toString(), 200, revoked.status);
    assertEquals("pm_e1", revoked.json.path("revokedBy").asText());
    assertEquals("moved out 搬走", revoked.json.path("reason").asText());
    Http.Reply seen = company.get("/security/credentials/" + c11);
    assertEquals("pm_e1", seen.json.path("revokedBy").asText());
    assertEquals("moved out 搬走", seen.json.path("reason").asText());
    Http.Reply outside =
        estate1.post("/security/credentials/" + c2 + "/revoke", map("reason", "not mine"));
    assertEquals(
        problem(
            estate1.post("/security/credentials/999999/revoke", map("reason", "not mine")), 999999),
        problem(outside, c2));
    assertEquals("active", company.get("/security/credentials/" + c2).json.path("status").asText());
  }

  private static Map<String, Object> routeEdit(String name, List<String> checkpoints, int version) {
    return map(
        "name",
        name,
        "checkpoints",
        checkpoints,
        "times",
        List.of("06:00"),
        "roundMinutes",
        20,
        "version",
        version);
  }

  @Test
  public void a08_aRouteReadEditedRetiredOrDeletedOutsideTheScopeIsAMissingOne() throws Exception {
    long r1 = routes.get("R1");
    long r2 = routes.get("R2");
    long r3 = routes.get("R3");
    assertEquals(200, estate1.get("/security/patrol/routes/" + r1).status);
    assertEquals(404, building11.get("/security/patrol/routes/" + r1).status);
    Map<String, Object> inside = routeEdit("R2 moved", List.of("d1:3"), 0);
    for (long outside : List.of(r2, r3)) {
      String path = "/security/patrol/routes/" + outside;
      String missing = "/security/patrol/routes/999999";
      Http.Reply read = estate1.get(path);
      assertEquals(read.toString(), 404, read.status);
      assertEquals(problem(estate1.get(missing), 999999), problem(read, outside));
      Http.Reply edit = estate1.put(path, inside);
      assertEquals(edit.toString(), 404, edit.status);
      assertEquals(problem(estate1.put(missing, inside), 999999), problem(edit, outside));
      Http.Reply retire = estate1.post(path + "/retire", "");
      assertEquals(retire.toString(), 404, retire.status);
      assertEquals(
          problem(estate1.post(missing + "/retire", ""), 999999), problem(retire, outside));
      Http.Reply delete = estate1.delete(path);
      assertEquals(delete.toString(), 404, delete.status);
      assertEquals(problem(estate1.delete(missing), 999999), problem(delete, outside));
      JsonNode still = company.get(path).json;
      assertEquals(still.toString(), "active", still.path("status").asText());
      assertEquals(still.toString(), 0, still.path("version").asInt());
    }
    assertEquals(404, building11.post("/security/patrol/routes/" + r1 + "/retire", "").status);

    // moving a route of one's own to a reader outside is refused as on create
    Http.Reply away =
        estate1.put("/security/patrol/routes/" + r1, routeEdit("R1", List.of("d1:1", "d2:1"), 0));
    assertEquals(away.toString(), 404, away.status);
    assertEquals("device-not-found", away.problemType());
    Http.Reply tags =
        estate1.put("/security/patrol/routes/" + r1, routeEdit("R1", List.of("TAG-A"), 0));
    assertEquals(tags.toString(), 403, tags.status);
    assertEquals("outside-scope", tags.problemType());
    Http.Reply mine =
        estate1.put(
            "/security/patrol/routes/" + r1 + "?zone=UTC",
            routeEdit("R1 east", List.of("d1:1", "d11:1", "TAG-A"), 0));
    assertEquals(mine.toString(), 200, mine.status);
    assertEquals(1, mine.json.path("version").asInt());
    assertEquals(
        Set.of("R1 east", "S3"),
        of(all(estate1, "/security/patrol/routes"), r -> r.path("name").asText()));

    // S3 has a round that began (00:00 UTC today): kept by retiring, not deleting
    long s3 = 0;
    for (JsonNode r : all(estate1, "/security/patrol/routes")) {
      if (r.path("name").asText().equals("S3")) {
        s3 = r.path("id").asLong();
      }
    }
    Http.Reply used = estate1.delete("/security/patrol/routes/" + s3);
    assertEquals(used.toString(), 409, used.status);
    assertEquals("route-in-use", used.problemType());
    Http.Reply retired = estate1.post("/security/patrol/routes/" + s3 + "/retire", "");
    assertEquals(retired.toString(), 200, retired.status);
    assertEquals("retired", retired.json.path("status").asText());
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }
}
