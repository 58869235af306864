package org.courtyard.itests;

import static org.courtyard.itests.Http.id;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * Repairs and complaints (#13) through the real sign-ins: customer service records an order, a
 * dispatcher gives it to a technician, who accepts, works, pauses and completes it, and staff
 * confirm and close it; a resident reports about their own room and follows only their own orders;
 * 50 concurrent grabs of one order have exactly one winner; steps the state does not allow are 409
 * with what is allowed, and an order outside a staff member's estates answers as a missing one.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class WorkordersIT {

  private static final String TENANT = "wo_it";

  private static Http owner;
  private static Http service;
  private static Http serviceEstate2;
  private static Http tech;
  private static long techId;
  private static final List<Http> technicians = new ArrayList<>();
  private static long estate1;
  private static long estate2;
  private static long building1;
  private static long room1;
  private static long room2;
  private static long person;
  private static long plumbing;
  private static long order;
  private static Http resident;

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
    owner = anonymous.tenant(operator.onboard(TENANT, "estate", "residents", "workorders"));
    estate1 = id(owner.post("/estate/estates", map("code", "E1", "name", "东园")));
    estate2 = id(owner.post("/estate/estates", map("code", "E2", "name", "西园")));
    building1 =
        id(owner.post("/estate/buildings", map("estateId", estate1, "code", "B1", "name", "1")));
    long b2 =
        id(owner.post("/estate/buildings", map("estateId", estate2, "code", "B1", "name", "1")));
    room1 = room(building1, "101");
    room2 = room(b2, "201");
    person = id(owner.post("/residents/persons", map("fullName", "韩梅梅", "phone", "13900000001")));
    id(
        owner.post(
            "/residents/occupancies",
            map("personId", person, "roomId", room1, "role", "owner", "moveIn", "2025-01-01")));
    service = owner.staff(TENANT, "cs_all", "customer_service", "company");
    serviceEstate2 = owner.staff(TENANT, "cs_e2", "customer_service", "estates", estate2);
    tech = owner.staff(TENANT, "tech_1", "technician", "company");
    techId = tech.get("/auth/me").json.path("subject").asLong();
    for (JsonNode k : owner.get("/workorders/categories").json) {
      if (k.path("code").asText().equals("plumbing")) {
        plumbing = k.path("id").asLong();
      }
    }
    assertTrue("the default plumbing category", plumbing > 0);
  }

  private static long room(long building, String number) throws Exception {
    return room(owner, building, number);
  }

  private static long room(Http api, long building, String number) throws Exception {
    long unit =
        id(
            api.post(
                "/estate/units",
                map("buildingId", building, "code", "U" + number, "name", number)));
    return id(
        api.post(
            "/estate/rooms",
            map("unitId", unit, "number", number, "floor", 1, "area", 90, "type", "residential")));
  }

  @Test
  public void a01_aNewTenantHasTheUsualCategoriesAndManagesItsOwn() throws Exception {
    JsonNode all = owner.get("/workorders/categories").json;
    assertTrue(all.toString(), all.size() >= 10);
    Http.Reply bad =
        owner.post(
            "/workorders/categories",
            map(
                "code",
                "Bad Code",
                "nameEn",
                "",
                "nameZh",
                "水",
                "kind",
                "repair",
                "responseMinutes",
                map("normal", 10, "urgent", 20, "emergency", 5),
                "resolutionMinutes",
                map("normal", 60, "urgent", 30, "emergency", 15)));
    assertEquals(bad.toString(), 422, bad.status);
    assertTrue(bad.text, bad.text.contains("\"code\""));
    assertTrue(bad.text, bad.text.contains("\"nameEn\""));
    assertTrue(bad.text, bad.text.contains("\"responseMinutes\""));
    Map<String, Object> pool =
        map(
            "code",
            "bulb",
            "nameEn",
            "Light bulbs",
            "nameZh",
            "更换灯泡",
            "kind",
            "repair",
            "dispatchMode",
            "grab",
            "responseMinutes",
            map("normal", 120, "urgent", 60, "emergency", 30),
            "resolutionMinutes",
            map("normal", 480, "urgent", 240, "emergency", 120));
    Http.Reply created = owner.post("/workorders/categories", pool);
    assertEquals(created.toString(), 201, created.status);
    assertEquals("grab", created.json.path("dispatchMode").asText());
    Http.Reply again = owner.post("/workorders/categories", pool);
    assertEquals(again.toString(), 409, again.status);
    // a technician may read categories but not change them
    Http.Reply refused = tech.post("/workorders/categories", pool);
    assertEquals(refused.toString(), 403, refused.status);
  }

  @Test
  public void a02_customerServiceRecordsAnOrderWithItsDeadlines() throws Exception {
    Instant before = Instant.now();
    Http.Reply r =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                plumbing,
                "priority",
                "urgent",
                "description",
                "厨房水管漏水",
                "roomId",
                room1,
                "channel",
                "phone",
                "reporterPersonId",
                person,
                "contactPhone",
                "139 0000 0001"));
    assertEquals(r.toString(), 201, r.status);
    order = r.json.path("id").asLong();
    JsonNode o = r.json;
    assertTrue(o.toString(), o.path("number").asText().matches("WO\\d{6}-\\d+"));
    assertEquals("new", o.path("state").asText());
    assertEquals("repair", o.path("kind").asText());
    assertEquals(estate1, o.path("estateId").asLong());
    assertEquals(building1, o.path("buildingId").asLong());
    assertEquals("staff", o.path("reporterKind").asText());
    assertEquals("13900000001", o.path("contactPhone").asText());
    // plumbing counts round the clock: urgent is 30 minutes to respond, 8 hours to resolve
    Instant due = Instant.parse(o.path("response").path("due").asText());
    assertTrue(o.toString(), !due.isBefore(before.plus(Duration.ofMinutes(30))));
    assertTrue(o.toString(), due.isBefore(Instant.now().plus(Duration.ofMinutes(31))));
    assertEquals(480, o.path("resolution").path("minutes").asInt());
    assertEquals("on_time", o.path("response").path("state").asText());
    JsonNode timeline = service.get("/workorders/orders/" + order + "/timeline").json;
    assertEquals(1, timeline.size());
    assertEquals("report", timeline.get(0).path("action").asText());

    Http.Reply area =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                plumbing,
                "description",
                "地下车库积水",
                "estateId",
                estate2,
                "place",
                "B2 车库入口",
                "channel",
                "inspection"));
    assertEquals(area.toString(), 201, area.status);
    assertEquals("inspection", area.json.path("reporterKind").asText());

    Http.Reply noRoom =
        service.post(
            "/workorders/orders",
            map("categoryId", plumbing, "description", "x", "roomId", 999999, "channel", "phone"));
    assertEquals(noRoom.toString(), 422, noRoom.status);
    assertEquals("unknown-room", noRoom.problemType());
    Http.Reply wrongBuilding =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                plumbing,
                "description",
                "x",
                "estateId",
                estate2,
                "buildingId",
                building1,
                "place",
                "lobby",
                "channel",
                "visit"));
    assertEquals(wrongBuilding.toString(), 422, wrongBuilding.status);
    assertEquals("unknown-place", wrongBuilding.problemType());
  }

  @Test
  public void a03_theOrderGoesFromDispatchToClosingAndRefusesWhatItsStateDoesNotAllow()
      throws Exception {
    String path = "/workorders/orders/" + order;
    Http.Reply tooEarly = tech.post(path + "/start", map());
    assertEquals(tooEarly.toString(), 409, tooEarly.status);
    assertEquals("wrong-state", tooEarly.problemType());
    assertEquals("new", tooEarly.json.path("state").asText());

    JsonNode seen = service.get(path).json;
    assertTrue(seen.toString(), seen.path("actions").toString().contains("dispatch"));
    Http.Reply stale =
        service.post(path + "/dispatch", map("assigneeUserId", techId, "version", 99));
    assertEquals(stale.toString(), 409, stale.status);
    assertEquals("stale-version", stale.problemType());
    Http.Reply noAssignee = service.post(path + "/dispatch", map("note", "go"));
    assertEquals(noAssignee.toString(), 422, noAssignee.status);
    Http.Reply dispatched =
        service.post(
            path + "/dispatch",
            map("assigneeUserId", techId, "version", seen.path("version").asInt()));
    assertEquals(dispatched.toString(), 200, dispatched.status);
    assertEquals("dispatched", dispatched.json.path("state").asText());

    Http.Reply accepted = tech.post(path + "/accept", map());
    assertEquals(accepted.toString(), 200, accepted.status);
    assertEquals("accepted", accepted.json.path("state").asText());
    assertEquals("met", accepted.json.path("response").path("state").asText());
    assertEquals(200, tech.post(path + "/start", map()).status);
    Http.Reply paused = tech.post(path + "/pause", map("reason", "parts", "note", "等配件"));
    assertEquals(paused.toString(), 200, paused.status);
    assertEquals("paused", paused.json.path("resolution").path("state").asText());
    assertTrue(paused.json.path("resolution").path("due").isNull());
    Http.Reply badReason = tech.post(path + "/resume", map("reason", "parts"));
    assertEquals(badReason.toString(), 422, badReason.status);
    Http.Reply resumed = tech.post(path + "/resume", map());
    assertEquals(resumed.toString(), 200, resumed.status);
    assertNotNull(resumed.json.path("resolution").path("due").asText(null));
    Http.Reply noNote = tech.post(path + "/complete", map());
    assertEquals(noNote.toString(), 422, noNote.status);
    assertEquals("incomplete", noNote.problemType());
    Http.Reply done = tech.post(path + "/complete", map("note", "更换了三通"));
    assertEquals(done.toString(), 200, done.status);
    assertEquals("done", done.json.path("state").asText());
    assertEquals("met", done.json.path("resolution").path("state").asText());
    assertTrue(done.json.path("autoConfirmAt").isTextual());
    // the technician may not confirm for the resident; customer service may
    assertEquals(403, tech.post(path + "/confirm", map("note", "x")).status);
    Http.Reply confirmed = service.post(path + "/confirm", map("note", "电话回访，住户确认"));
    assertEquals(confirmed.toString(), 200, confirmed.status);
    Http.Reply closed = service.post(path + "/close", map());
    assertEquals(closed.toString(), 200, closed.status);
    assertEquals("closed", closed.json.path("state").asText());
    List<String> steps = new ArrayList<>();
    service.get(path + "/timeline").json.forEach(e -> steps.add(e.path("action").asText()));
    assertEquals(
        List.of(
            "report",
            "dispatch",
            "accept",
            "start",
            "pause",
            "resume",
            "complete",
            "confirm",
            "close"),
        steps);
    Http.Reply list = service.get("/workorders/orders?state=closed");
    assertEquals(list.toString(), 200, list.status);
    assertTrue(list.text, list.text.contains("\"id\":" + order));
    assertEquals(400, service.get("/workorders/orders?state=finished").status);
  }

  @Test
  public void a04_fiftyConcurrentGrabsOfOneOrderHaveExactlyOneWinner() throws Exception {
    long bulb = 0;
    for (JsonNode k : owner.get("/workorders/categories").json) {
      if (k.path("code").asText().equals("bulb")) {
        bulb = k.path("id").asLong();
      }
    }
    for (int i = 0; i < 5; i++) {
      technicians.add(owner.staff(TENANT, "grabber_" + i, "technician", "company"));
    }
    Http.Reply r =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                bulb,
                "description",
                "楼道灯不亮",
                "estateId",
                estate1,
                "buildingId",
                building1,
                "place",
                "3 楼楼道",
                "channel",
                "visit"));
    assertEquals(r.toString(), 201, r.status);
    long pooled = r.json.path("id").asLong();
    Http.Reply pool = tech.get("/workorders/orders?pool=true");
    assertTrue(pool.text, pool.text.contains("\"id\":" + pooled));
    assertTrue(
        tech.get("/workorders/orders/" + pooled).json.path("actions").toString().contains("grab"));
    // an order of a dispatched category is not in the pool
    Http.Reply notPool = tech.post("/workorders/orders/" + order + "/grab", map());
    assertEquals(notPool.toString(), 409, notPool.status);

    ExecutorService pool50 = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Http.Reply>> replies = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        Http who = technicians.get(i % technicians.size());
        Callable<Http.Reply> grab =
            () -> {
              go.await();
              return who.post("/workorders/orders/" + pooled + "/grab", map());
            };
        replies.add(pool50.submit(grab));
      }
      go.countDown();
      int won = 0;
      int lost = 0;
      for (Future<Http.Reply> f : replies) {
        Http.Reply reply = f.get();
        if (reply.status == 200) {
          won++;
        } else {
          assertEquals(reply.toString(), 409, reply.status);
          assertEquals("wrong-state", reply.problemType());
          lost++;
        }
      }
      assertEquals(1, won);
      assertEquals(49, lost);
    } finally {
      pool50.shutdownNow();
    }
    JsonNode grabbed = service.get("/workorders/orders/" + pooled).json;
    assertEquals("accepted", grabbed.path("state").asText());
    JsonNode timeline = service.get("/workorders/orders/" + pooled + "/timeline").json;
    assertEquals(timeline.toString(), 2, timeline.size());
    assertEquals("grab", timeline.get(1).path("action").asText());
  }

  @Test
  public void a05_aResidentReportsAboutTheirOwnRoomAndFollowsOnlyTheirOwnOrders() throws Exception {
    Http.Reply in = owner.residentSignIn(TENANT, "+8613900000001");
    assertEquals(in.toString(), 200, in.status);
    resident =
        Http.anonymous(CourtyardContainer.httpPort()).tenant(in.json.path("accessToken").asText());
    Http.Reply notMine =
        resident.post(
            "/workorders/my/orders",
            map("categoryId", plumbing, "description", "漏水", "roomId", room2));
    assertEquals(notMine.toString(), 422, notMine.status);
    assertEquals("not-your-room", notMine.problemType());
    Http.Reply reported =
        resident.post(
            "/workorders/my/orders",
            map("categoryId", plumbing, "description", "卫生间漏水", "roomId", room1));
    assertEquals(reported.toString(), 201, reported.status);
    assertEquals("resident", reported.json.path("reporterKind").asText());
    assertEquals("resident_app", reported.json.path("channel").asText());
    long mine = reported.json.path("id").asLong();
    JsonNode list = resident.get("/workorders/my/orders").json.path("items");
    // the order staff recorded for this person was not reported by them in the app: it is listed
    // too, since it names them as the reporter
    List<Long> ids = new ArrayList<>();
    list.forEach(o -> ids.add(o.path("id").asLong()));
    assertTrue(ids.toString(), ids.contains(mine));
    assertEquals(403, resident.get("/workorders/orders").status);
    Http.Reply urged = resident.post("/workorders/my/orders/" + mine + "/urge", map("note", "快点"));
    assertEquals(urged.toString(), 200, urged.status);
    assertEquals("new", urged.json.path("state").asText());
    Http.Reply withdrawn =
        resident.post("/workorders/my/orders/" + mine + "/cancel", map("reason", "withdrawn"));
    assertEquals(withdrawn.toString(), 200, withdrawn.status);
    assertEquals("cancelled", withdrawn.json.path("state").asText());
    // staff see it, with the resident as reporter; another staff order is not the resident's
    assertEquals(
        person, service.get("/workorders/orders/" + mine).json.path("reporterPersonId").asLong());
    Http.Reply pooledOther = resident.get("/workorders/my/orders/" + (mine + 1000));
    assertEquals(pooledOther.toString(), 404, pooledOther.status);
  }

  @Test
  public void a06_anOrderOutsideTheStaffMembersEstatesIsAMissingOne() throws Exception {
    Http.Reply list = serviceEstate2.get("/workorders/orders?limit=500");
    assertEquals(list.toString(), 200, list.status);
    for (JsonNode o : list.json.path("items")) {
      assertEquals(o.toString(), estate2, o.path("estateId").asLong());
    }
    assertFalse(list.text, list.text.contains("\"id\":" + order + ","));
    Http.Reply outside = serviceEstate2.get("/workorders/orders/" + order);
    Http.Reply missing = serviceEstate2.get("/workorders/orders/987654321");
    assertEquals(outside.toString(), 404, outside.status);
    assertEquals(
        missing.json.path("detail").asText().replace("987654321", "<id>"),
        outside.json.path("detail").asText().replace(String.valueOf(order), "<id>"));
    Http.Reply create =
        serviceEstate2.post(
            "/workorders/orders",
            map("categoryId", plumbing, "description", "x", "roomId", room1, "channel", "phone"));
    assertEquals(create.toString(), 403, create.status);
  }

  @Test
  public void a07_refusalsSpeakTheCallersLanguage() throws Exception {
    Http.Reply zh = tech.inLanguage("zh-CN").post("/workorders/orders/" + order + "/start", map());
    assertEquals(zh.toString(), 409, zh.status);
    assertTrue(zh.text, zh.json.path("detail").asText().contains("不能执行"));
    assertEquals("当前状态不允许此操作", zh.json.path("title").asText());
    Http.Reply en = tech.inLanguage("en").post("/workorders/orders/" + order + "/start", map());
    assertTrue(en.text, en.json.path("detail").asText().contains("cannot start now"));
  }

  @Test
  public void a08_todayCountsOpenAndOverdueOrdersInTheCallersScope() throws Exception {
    Map<String, JsonNode> all = tiles(service);
    Map<String, JsonNode> estate2Only = tiles(serviceEstate2);
    long open =
        service
            .get("/workorders/orders?limit=500&state=new,dispatched,accepted,in_progress,paused")
            .json
            .path("items")
            .size();
    assertEquals(open, all.get("workorders.open").path("value").asLong());
    // the grabbed bulb order is in estate 1, the flooded garage in estate 2
    assertTrue(
        estate2Only.toString(),
        estate2Only.get("workorders.open").path("value").asLong()
            < all.get("workorders.open").path("value").asLong());
    assertTrue(all.containsKey("workorders.overdue"));
    assertTrue(
        "a technician holds workorders.order.read", tiles(tech).containsKey("workorders.open"));
  }

  private static Map<String, JsonNode> tiles(Http as) throws Exception {
    Http.Reply r = as.get("/today");
    assertEquals(r.toString(), 200, r.status);
    Map<String, JsonNode> out = new java.util.HashMap<>();
    r.json.path("tiles").forEach(t -> out.put(t.path("id").asText(), t));
    return out;
  }

  @Test
  public void a09_aComplaintClosesAfterAReturnVisitAndTheResidentRatesItOnce() throws Exception {
    long noise = category("noise");
    Http.Reply r =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                noise,
                "description",
                "楼上装修噪音",
                "roomId",
                room1,
                "channel",
                "phone",
                "reporterPersonId",
                person));
    assertEquals(r.toString(), 201, r.status);
    assertEquals("complaint", r.json.path("kind").asText());
    String path = "/workorders/orders/" + r.json.path("id").asLong();
    assertEquals(200, service.post(path + "/dispatch", map("assigneeUserId", techId)).status);
    assertEquals(200, tech.post(path + "/accept", map()).status);
    assertEquals(200, tech.post(path + "/start", map()).status);
    assertEquals(200, tech.post(path + "/complete", map("note", "已与楼上住户沟通")).status);
    Http.Reply earlyRating =
        resident.post(
            "/workorders/my/orders/" + r.json.path("id").asLong() + "/rating", map("score", 0));
    assertEquals(earlyRating.toString(), 422, earlyRating.status);
    Http.Reply replied = service.post(path + "/replies", map("text", "已协调施工时间为 9:00-18:00"));
    assertEquals(replied.toString(), 204, replied.status);
    assertEquals(200, service.post(path + "/confirm", map("note", "电话确认")).status);
    Http.Reply noVisit = service.post(path + "/close", map());
    assertEquals(noVisit.toString(), 409, noVisit.status);
    assertEquals("return-visit-required", noVisit.problemType());
    Http.Reply unreached = service.post(path + "/return-visits", map("reached", false));
    assertEquals(unreached.toString(), 200, unreached.status);
    assertEquals(409, service.post(path + "/close", map()).status);
    Http.Reply visit =
        service.post(
            path + "/return-visits", map("reached", true, "satisfaction", 4, "note", "满意"));
    assertEquals(visit.toString(), 200, visit.status);
    assertEquals(2, visit.json.path("returnVisits").size());
    assertTrue(visit.json.path("returnVisitRequired").asBoolean());
    assertEquals(200, service.post(path + "/close", map()).status);

    String mine = "/workorders/my/orders/" + r.json.path("id").asLong();
    Http.Reply rated = resident.post(mine + "/rating", map("score", 5, "comment", "处理及时"));
    assertEquals(rated.toString(), 200, rated.status);
    assertEquals(5, rated.json.path("rating").path("score").asInt());
    Http.Reply twice = resident.post(mine + "/rating", map("score", 1));
    assertEquals(twice.toString(), 409, twice.status);
    assertEquals("already-rated", twice.problemType());
    assertEquals(5, service.get(path + "/feedback").json.path("rating").path("score").asInt());
    List<String> steps = new ArrayList<>();
    resident.get(mine + "/timeline").json.forEach(e -> steps.add(e.path("action").asText()));
    assertTrue(steps.toString(), steps.containsAll(List.of("reply", "visit", "rate", "close")));
  }

  @Test
  public void a10_anAutomaticCategoryGoesToTheOnDutyTechnicianOfThePlaceAndSkill()
      throws Exception {
    Http.Reply k =
        owner.post(
            "/workorders/categories",
            map(
                "code",
                "glass",
                "nameEn",
                "Broken glass",
                "nameZh",
                "玻璃破损",
                "kind",
                "repair",
                "dispatchMode",
                "auto",
                "skill",
                "glazing",
                "responseMinutes",
                map("normal", 60, "urgent", 30, "emergency", 15),
                "resolutionMinutes",
                map("normal", 600, "urgent", 300, "emergency", 150)));
    assertEquals(k.toString(), 201, k.status);
    Map<String, Object> newOrder =
        map(
            "categoryId",
            k.json.path("id").asLong(),
            "description",
            "大堂玻璃门裂了",
            "estateId",
            estate1,
            "place",
            "1 号楼大堂",
            "channel",
            "visit");
    // nobody has the skill yet: the order waits for a dispatcher
    Http.Reply waiting = service.post("/workorders/orders", newOrder);
    assertEquals(waiting.toString(), 201, waiting.status);
    assertEquals("new", waiting.json.path("state").asText());

    Http.Reply setUp =
        owner.put(
            "/workorders/technicians/" + techId,
            map("skills", List.of("glazing"), "areas", List.of(map("estateId", estate1))));
    assertEquals(setUp.toString(), 200, setUp.status);
    java.time.ZonedDateTime start =
        java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusHours(1);
    java.time.ZonedDateTime end = start.plusHours(3);
    java.time.format.DateTimeFormatter hm = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
    String day = start.toLocalDate().toString();
    Http.Reply duty =
        owner.put(
            "/workorders/technicians/" + techId + "/duty?from=" + day + "&to=" + day,
            map(
                "shifts",
                List.of(map("day", day, "from", start.format(hm), "to", end.format(hm)))));
    assertEquals(duty.toString(), 200, duty.status);

    Http.Reply given = service.post("/workorders/orders", newOrder);
    assertEquals(given.toString(), 201, given.status);
    assertEquals("dispatched", given.json.path("state").asText());
    assertEquals(techId, given.json.path("assigneeUserId").asLong());
    JsonNode timeline =
        service.get("/workorders/orders/" + given.json.path("id").asLong() + "/timeline").json;
    assertEquals("dispatch", timeline.get(1).path("action").asText());
    assertEquals("system", timeline.get(1).path("actorKind").asText());
    // the technician is told of the automatic dispatch; without an e-mail or phone on record the
    // delivery log says so
    JsonNode told = null;
    for (int i = 0; i < 50 && (told == null || told.size() == 0); i++) {
      if (told != null) {
        Thread.sleep(100);
      }
      told = service.get("/workorders/orders/" + given.json.path("id").asLong() + "/notices").json;
    }
    assertEquals(told.toString(), 1, told.size());
    assertEquals("dispatch", told.get(0).path("action").asText());
    assertEquals(techId, told.get(0).path("recipientId").asLong());
    assertEquals("no-address", told.get(0).path("state").asText());
  }

  private static long category(String code) throws Exception {
    for (JsonNode k : owner.get("/workorders/categories").json) {
      if (k.path("code").asText().equals(code)) {
        return k.path("id").asLong();
      }
    }
    throw new AssertionError("no category " + code);
  }

  @Test
  public void a11_materialsLeaveTheEstatesStockOnlyWhileThereIsEnough() throws Exception {
    Http.Reply m =
        owner.post(
            "/workorders/materials",
            map("estateId", estate1, "code", "pipe-20", "name", "PPR 管 20mm", "unit", "米"));
    assertEquals(m.toString(), 201, m.status);
    String material = "/workorders/materials/" + m.json.path("id").asLong();
    assertEquals(
        200,
        owner.post(
                material + "/receipts",
                map("quantity", 10, "unitCost", new java.math.BigDecimal("2.00")))
            .status);
    assertEquals(
        200,
        owner.post(
                material + "/receipts",
                map("quantity", 5, "unitCost", new java.math.BigDecimal("3.50")))
            .status);
    JsonNode stock = owner.get(material).json;
    assertEquals(
        0, new java.math.BigDecimal("15").compareTo(stock.path("quantity").decimalValue()));
    assertEquals(
        0, new java.math.BigDecimal("2.50").compareTo(stock.path("unitCost").decimalValue()));
    assertEquals(403, tech.post(material + "/receipts", map("quantity", 1, "unitCost", 1)).status);

    Http.Reply r =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                plumbing,
                "description",
                "换水管",
                "roomId",
                room1,
                "channel",
                "counter"));
    String path = "/workorders/orders/" + r.json.path("id").asLong();
    Map<String, Object> four = map("materialId", m.json.path("id").asLong(), "quantity", 4);
    Http.Reply tooEarly = tech.post(path + "/materials", four);
    assertEquals(tooEarly.toString(), 409, tooEarly.status);
    assertEquals(200, service.post(path + "/dispatch", map("assigneeUserId", techId)).status);
    assertEquals(200, tech.post(path + "/accept", map()).status);
    assertEquals(200, tech.post(path + "/start", map()).status);
    Http.Reply used = tech.post(path + "/materials", four);
    assertEquals(used.toString(), 201, used.status);
    Http.Reply tooMuch =
        tech.inLanguage("zh-CN")
            .post(
                path + "/materials", map("materialId", m.json.path("id").asLong(), "quantity", 20));
    assertEquals(tooMuch.toString(), 409, tooMuch.status);
    assertEquals("insufficient-stock", tooMuch.problemType());
    assertEquals(
        0,
        new java.math.BigDecimal("11")
            .compareTo(owner.get(material).json.path("quantity").decimalValue()));
    JsonNode onOrder = service.get(path + "/materials").json;
    assertEquals(
        0, new java.math.BigDecimal("10.00").compareTo(onOrder.path("totalCost").decimalValue()));
    // the order's own routes still answer beside the materials'
    assertEquals(200, service.get(path + "/timeline").status);
    Http.Reply back = tech.delete(path + "/materials/" + used.json.path("id").asLong());
    assertEquals(back.toString(), 204, back.status);
    assertEquals(
        0,
        new java.math.BigDecimal("15")
            .compareTo(owner.get(material).json.path("quantity").decimalValue()));
  }

  @Test
  public void a12_photosAreSniffedLimitedAndServedOnlyWithinReach() throws Exception {
    Http.Reply r =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                plumbing,
                "description",
                "墙面渗水",
                "roomId",
                room1,
                "channel",
                "visit"));
    long id = r.json.path("id").asLong();
    String files = "/workorders/orders/" + id + "/attachments";
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(800, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    Http.Reply up = tech.postBytes(files + "?name=wall.png", "image/png", png.toByteArray());
    assertEquals(up.toString(), 201, up.status);
    assertEquals("image/png", up.json.path("contentType").asText());
    long aid = up.json.path("id").asLong();
    java.net.http.HttpResponse<byte[]> back = service.getBytes(files + "/" + aid, Map.of());
    assertEquals(200, back.statusCode());
    assertTrue(java.util.Arrays.equals(png.toByteArray(), back.body()));
    String etag = back.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        304, service.getBytes(files + "/" + aid, Map.of("If-None-Match", etag)).statusCode());
    java.net.http.HttpResponse<byte[]> thumb =
        service.getBytes(files + "/" + aid + "/thumbnail", Map.of());
    assertEquals(200, thumb.statusCode());
    java.awt.image.BufferedImage small =
        javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.body()));
    assertEquals(320, Math.max(small.getWidth(), small.getHeight()));
    Http.Reply html =
        tech.postBytes(
            files + "?name=x.png",
            "image/png",
            "<html><script>alert(1)</script></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(html.toString(), 415, html.status);
    assertEquals(404, serviceEstate2.getBytes(files + "/" + aid, Map.of()).statusCode());
    for (int i = 1; i < 9; i++) {
      assertEquals(
          201,
          tech.postBytes(files + "?name=p" + i + ".png", "image/png", png.toByteArray()).status);
    }
    Http.Reply tenth = tech.postBytes(files + "?name=p10.png", "image/png", png.toByteArray());
    assertEquals(tenth.toString(), 409, tenth.status);
    assertEquals("too-many-attachments", tenth.problemType());
    assertEquals(9, service.get(files).json.size());
    // staff recorded it without naming the resident: it is not theirs
    assertEquals(404, resident.get("/workorders/my/orders/" + id + "/attachments").status);
  }

  @Test
  public void a13_aRoomWithOrdersIsNotDeletedFromUnderThem() throws Exception {
    Http.Reply refused = owner.delete("/estate/rooms/" + room1);
    assertEquals(refused.toString(), 409, refused.status);
    assertTrue(refused.text, refused.text.contains("work order"));
  }

  @Test
  public void a14_reportsCountTheDaysOrdersAndExportThemForExcel() throws Exception {
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    String query = "?from=" + today + "&to=" + today;
    Http.Reply summary = service.get("/workorders/reports/summary" + query);
    assertEquals(summary.toString(), 200, summary.status);
    long reported = summary.json.path("totals").path("reported").asLong();
    long listed = service.get("/workorders/orders?limit=500").json.path("items").size();
    assertEquals(listed, reported);
    assertTrue(summary.text, summary.json.path("totals").path("closed").asLong() >= 2);
    assertEquals(403, tech.get("/workorders/reports/summary" + query).status);
    Http.Reply bad = service.get("/workorders/reports/summary?from=" + today + "&to=2020-01-01");
    assertEquals(bad.toString(), 422, bad.status);
    java.net.http.HttpResponse<byte[]> csv =
        service
            .inLanguage("zh-CN")
            .getBytes("/workorders/reports/summary" + query + "&format=csv", Map.of());
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(
        csv.headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .contains("workorders-summary-" + today + "-" + today + ".csv"));
    byte[] body = csv.body();
    assertEquals((byte) 0xEF, body[0]);
    assertEquals((byte) 0xBB, body[1]);
    assertEquals((byte) 0xBF, body[2]);
    String text = new String(body, 3, body.length - 3, java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text, text.startsWith("编码"));
    Http.Reply technicians = service.get("/workorders/reports/technicians" + query);
    assertEquals(technicians.toString(), 200, technicians.status);
    boolean found = false;
    for (JsonNode t : technicians.json.path("technicians")) {
      found |=
          t.path("userId").asLong() == techId
              && t.path("done").asLong() >= 2
              && "tech_1".equals(t.path("displayName").asText());
    }
    assertTrue(technicians.text, found);
  }

  @Test
  public void a15_theSameIdempotencyKeyRecordsAnOrderOnce() throws Exception {
    Map<String, Object> body =
        map("categoryId", plumbing, "description", "门口积水", "roomId", room1, "channel", "counter");
    String key = "desk-" + java.util.UUID.randomUUID();
    byte[] json = Http.JSON.writeValueAsBytes(body);
    Map<String, String> headers =
        Map.of("Content-Type", "application/json", "Idempotency-Key", key);
    ExecutorService two = Executors.newFixedThreadPool(2);
    try {
      List<Future<java.net.http.HttpResponse<String>>> both = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        both.add(two.submit(() -> service.raw("POST", "/workorders/orders", headers, json, false)));
      }
      java.net.http.HttpResponse<String> a = both.get(0).get();
      java.net.http.HttpResponse<String> b = both.get(1).get();
      List<Integer> statuses = new ArrayList<>(List.of(a.statusCode(), b.statusCode()));
      java.util.Collections.sort(statuses);
      assertEquals(a.body() + b.body(), List.of(200, 201), statuses);
      long idA = Http.JSON.readTree(a.body()).path("id").asLong();
      long idB = Http.JSON.readTree(b.body()).path("id").asLong();
      assertEquals(idA, idB);
      java.net.http.HttpResponse<String> replayed = a.statusCode() == 200 ? a : b;
      assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(""));
    } finally {
      two.shutdownNow();
    }
    Map<String, Object> other = new java.util.HashMap<>(body);
    other.put("description", "别的事");
    java.net.http.HttpResponse<String> reused =
        service.raw(
            "POST", "/workorders/orders", headers, Http.JSON.writeValueAsBytes(other), false);
    assertEquals(reused.body(), 422, reused.statusCode());
    assertTrue(reused.body(), reused.body().contains("idempotency-key-reused"));
  }

  @Test
  public void a16_aPaidRepairChargesItsRoomOnceThroughBillingAndCancellingVoidsIt()
      throws Exception {
    Http.Reply billing = owner.post("/tenant/modules/billing", map());
    assertEquals(billing.toString(), 200, billing.status);
    // the company's own monthly item under the code paid repairs use: their money stays apart
    Http.Reply fund =
        owner.post(
            "/billing/fee-items",
            map(
                "code", "REPAIR",
                "name", "维修基金 Repair fund",
                "kind", "fixed",
                "unitPrice", 20,
                "effectiveFrom", "2020-01-01"));
    assertEquals(fund.toString(), 201, fund.status);
    Http.Reply k =
        owner.post(
            "/workorders/categories",
            map(
                "code",
                "lock-paid",
                "nameEn",
                "Lock replacement",
                "nameZh",
                "换锁",
                "kind",
                "repair",
                "paid",
                true,
                "priceMin",
                50,
                "priceMax",
                300,
                "responseMinutes",
                map("normal", 60, "urgent", 30, "emergency", 15),
                "resolutionMinutes",
                map("normal", 600, "urgent", 300, "emergency", 150)));
    assertEquals(k.toString(), 201, k.status);
    long paidCategory = k.json.path("id").asLong();

    String first = doneWithCharge(paidCategory, "120.50");
    JsonNode charges = service.get(first + "/charges").json;
    assertEquals(charges.toString(), 1, charges.size());
    assertEquals("posted", charges.get(0).path("state").asText());
    assertEquals("open", charges.get(0).path("billStatus").asText());
    assertEquals(
        0,
        new java.math.BigDecimal("120.50").compareTo(charges.get(0).path("amount").decimalValue()));
    long billId = charges.get(0).path("billId").asLong();
    JsonNode bill = owner.get("/billing/bills/" + billId).json;
    assertEquals(bill.toString(), room1, bill.path("roomId").asLong());
    assertEquals(
        0, new java.math.BigDecimal("120.50").compareTo(bill.path("total").decimalValue()));
    assertEquals("external", bill.path("kind").asText());
    assertEquals(
        bill.toString(), "REPAIR.ONE-OFF", bill.path("lines").get(0).path("feeCode").asText());
    JsonNode repairFund = owner.get("/billing/fee-items/" + fund.json.path("id").asLong()).json;
    assertEquals(repairFund.toString(), "fixed", repairFund.path("kind").asText());

    // a post retried after a lost answer (the row put back to pending) charges nothing twice
    String orderId = first.substring(first.lastIndexOf('/') + 1);
    try (java.sql.Connection c = PlatformIT.db();
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "UPDATE t_wo_it.workorder_charge SET state = 'pending' WHERE order_id = ?")) {
      ps.setLong(1, Long.parseLong(orderId));
      assertEquals(1, ps.executeUpdate());
    }
    assertEquals(200, owner.post("/workorders/sweep", map()).status);
    charges = service.get(first + "/charges").json;
    assertEquals("posted", charges.get(0).path("state").asText());
    assertEquals(billId, charges.get(0).path("billId").asLong());
    assertEquals(
        1,
        PlatformIT.count(
            "select count(*) from t_wo_it.bill where kind = 'external' and reference = ?",
            "order-" + orderId + "-0"));

    // reopened and cancelled: the unpaid charge is voided the way billing voids
    Http.Reply reopened = service.post(first + "/reopen", map("note", "锁又坏了"));
    assertEquals(reopened.toString(), 200, reopened.status);
    Http.Reply cancelled =
        service.post(first + "/cancel", map("reason", "duplicate", "note", "重复报修"));
    assertEquals(cancelled.toString(), 200, cancelled.status);
    charges = service.get(first + "/charges").json;
    assertEquals(charges.toString(), "voided", charges.get(0).path("state").asText());
    assertEquals("cancelled", owner.get("/billing/bills/" + billId).json.path("status").asText());

    // a paid charge is not voided: billing refuses, the order says so
    String second = doneWithCharge(paidCategory, "80");
    long paidBill = service.get(second + "/charges").json.get(0).path("billId").asLong();
    java.net.http.HttpResponse<String> paid =
        owner.raw(
            "POST",
            "/billing/payments",
            Map.of(
                "Content-Type",
                "application/json",
                "Idempotency-Key",
                "pay-" + java.util.UUID.randomUUID()),
            Http.JSON.writeValueAsBytes(map("roomId", room1, "amount", 80, "method", "cash")),
            false);
    assertEquals(paid.body(), 201, paid.statusCode());
    assertEquals("paid", owner.get("/billing/bills/" + paidBill).json.path("status").asText());
    assertEquals(200, service.post(second + "/reopen", map("note", "再看看")).status);
    assertEquals(
        200, service.post(second + "/cancel", map("reason", "duplicate", "note", "x")).status);
    JsonNode refused = service.get(second + "/charges").json.get(0);
    assertEquals(refused.toString(), "void_refused", refused.path("state").asText());
    assertEquals("paid", owner.get("/billing/bills/" + paidBill).json.path("status").asText());
    // once the cashier reverses the payment, a manager puts the void back in billing's queue
    String paymentTx = Http.JSON.readTree(paid.body()).path("txId").asText();
    Http.Reply reversed = owner.post("/billing/ledger/transactions/" + paymentTx + "/reverse", "");
    assertEquals(reversed.toString(), 201, reversed.status);
    Http.Reply retried = owner.post(second + "/charges/0/retry", "");
    assertEquals(retried.toString(), 200, retried.status);
    assertEquals(retried.toString(), "voided", retried.json.get(0).path("state").asText());
    assertEquals("cancelled", owner.get("/billing/bills/" + paidBill).json.path("status").asText());
    Http.Reply again = owner.post(second + "/charges/0/retry", "");
    assertEquals(again.toString(), 409, again.status);
    assertEquals("charge-not-refused", again.problemType());
    assertEquals(404, serviceEstate2.post(second + "/charges/0/retry", "").status);

    // the category's price range holds; a free category takes no charge
    String third = startedOrder(paidCategory);
    Http.Reply none = tech.post(third + "/complete", map("note", "换了锁芯"));
    assertEquals(none.toString(), 422, none.status);
    assertTrue(none.toString(), none.json.toString().contains("charge"));
    Http.Reply tooMuch = tech.post(third + "/complete", map("note", "换了锁芯", "charge", 301));
    assertEquals(tooMuch.toString(), 422, tooMuch.status);
    Http.Reply free =
        tech.post(startedOrder(plumbing) + "/complete", map("note", "疏通", "charge", 10));
    assertEquals(free.toString(), 422, free.status);
    Http.Reply notNow = tech.post(third + "/pause", map("reason", "parts", "charge", 10));
    assertEquals(notNow.toString(), 422, notNow.status);
    assertEquals(404, serviceEstate2.get(third + "/charges").status);
  }

  @Test
  public void a17_theAssigneeTheReporterAndTheWatchersAreToldOfTheStepsThatConcernThem()
      throws Exception {
    long mailTech = staffWithEmail("tech_mail", "tech.mail@example.com", "technician");
    long watcher = staffWithEmail("mgr_watch", "mgr.watch@example.com", "project_manager");
    // a reporter of their own: person 1 has had this hour's messages from the tests before
    long reporter =
        id(owner.post("/residents/persons", map("fullName", "李雷", "phone", "13900000077")));
    Http techMail =
        Http.anonymous(CourtyardContainer.httpPort())
            .signIn(TENANT, "tech_mail", Http.STAFF_PASSWORD);
    // the technician chooses to be written to in English; the owner's token is nobody's
    JsonNode before = techMail.get("/auth/me").json.path("language");
    assertTrue(before.toString(), before.isNull() || before.isMissingNode());
    Http.Reply english = techMail.put("/auth/me/language", map("language", "en"));
    assertEquals(english.toString(), 200, english.status);
    assertEquals("en", english.json.path("language").asText());
    assertEquals("en", techMail.get("/auth/me").json.path("language").asText());
    Http.Reply french = techMail.put("/auth/me/language", map("language", "fr"));
    assertEquals(french.toString(), 422, french.status);
    assertEquals(409, owner.put("/auth/me/language", map("language", "en")).status);
    Http.Reply created =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                plumbing,
                "description",
                "厨房漏水",
                "roomId",
                room1,
                "channel",
                "phone",
                "reporterPersonId",
                reporter));
    assertEquals(created.toString(), 201, created.status);
    String path = "/workorders/orders/" + created.json.path("id").asLong();

    Http.Reply unknown = service.put(path + "/watchers/999999", map());
    assertEquals(unknown.toString(), 422, unknown.status);
    assertEquals("unknown-user", unknown.problemType());
    // a cashier may not read work orders: they are not told what one says
    long cashier = staffWithEmail("cash_watch", "cash.watch@example.com", "cashier");
    Http.Reply blind = service.put(path + "/watchers/" + cashier, map());
    assertEquals(blind.toString(), 422, blind.status);
    assertEquals("watcher-cannot-read", blind.problemType());
    assertEquals(204, service.put(path + "/watchers/" + watcher, map()).status);
    assertEquals(204, service.put(path + "/watchers/" + watcher, map()).status);
    JsonNode watchers = service.get(path + "/watchers").json;
    assertEquals(watchers.toString(), 1, watchers.size());
    assertEquals("mgr_watch", watchers.get(0).path("displayName").asText());

    assertEquals(200, service.post(path + "/dispatch", map("assigneeUserId", mailTech)).status);
    assertEquals(200, techMail.post(path + "/accept", map("note", "马上到")).status);

    // dispatch: the assignee and the watcher; accept: the reporter and the watcher, not the
    // technician who accepted; each delivered by the log channel, its address masked
    List<String> told = new ArrayList<>();
    JsonNode log = null;
    for (int i = 0; i < 50; i++) {
      log = service.get(path + "/notices").json;
      told.clear();
      boolean settled = true;
      for (JsonNode n : log) {
        told.add(
            n.path("action").asText()
                + ":"
                + n.path("role").asText()
                + ":"
                + n.path("recipientId").asLong());
        settled &= !"queued".equals(n.path("state").asText());
      }
      if (settled && log.size() == 4) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals(
        log.toString(),
        List.of(
            "dispatch:assignee:" + mailTech,
            "dispatch:watcher:" + watcher,
            "accept:reporter:" + reporter,
            "accept:watcher:" + watcher),
        told);
    for (JsonNode n : log) {
      assertEquals(n.toString(), "delivered", n.path("state").asText());
      assertFalse(n.toString(), n.path("address").asText().contains("tech.mail@"));
    }
    assertEquals("phone", log.get(2).path("addressKind").asText());
    assertEquals("resident", log.get(2).path("recipientKind").asText());

    assertEquals(404, serviceEstate2.get(path + "/notices").status);
    assertEquals(404, serviceEstate2.get(path + "/watchers").status);
    assertEquals(204, service.delete(path + "/watchers/" + watcher).status);
    assertEquals(404, service.delete(path + "/watchers/" + watcher).status);
  }

  private static long staffWithEmail(String username, String email, String role) throws Exception {
    Http.Reply user =
        owner.post(
            "/identity/users",
            map(
                "username",
                username,
                "displayName",
                username,
                "email",
                email,
                "password",
                Http.STAFF_PASSWORD));
    assertEquals(user.toString(), 201, user.status);
    long id = user.json.path("id").asLong();
    Http.Reply grant =
        owner.post(
            "/identity/users/" + id + "/grants",
            map("role", role, "scope", "company", "ids", List.of()));
    assertEquals(grant.toString(), 201, grant.status);
    return id;
  }

  /** An order of the category for room 1, dispatched to the technician, accepted and started. */
  private static String startedOrder(long category) throws Exception {
    Http.Reply created =
        service.post(
            "/workorders/orders",
            map(
                "categoryId",
                category,
                "description",
                "门锁坏了",
                "roomId",
                room1,
                "channel",
                "phone"));
    assertEquals(created.toString(), 201, created.status);
    String path = "/workorders/orders/" + created.json.path("id").asLong();
    assertEquals(200, service.post(path + "/dispatch", map("assigneeUserId", techId)).status);
    assertEquals(200, tech.post(path + "/accept", map()).status);
    assertEquals(200, tech.post(path + "/start", map()).status);
    return path;
  }

  private static String doneWithCharge(long category, String amount) throws Exception {
    String path = startedOrder(category);
    Http.Reply done =
        tech.post(
            path + "/complete", map("note", "换了锁芯", "charge", new java.math.BigDecimal(amount)));
    assertEquals(done.toString(), 200, done.status);
    return path;
  }

  /**
   * A forced door opens a locksmith's order at the door's building, once: the door forced again
   * while the order is open opens none, a sweep run twice opens nothing twice, and a rule switched
   * off opens nothing. The rules refuse unknown kinds, non-repair categories and stale versions.
   */
  @Test
  public void a18_aForcedDoorOpensOneOrderAtItsPlaceThroughTheAlarmRules() throws Exception {
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    Http co =
        anonymous.tenant(
            operator.onboard("wo_alarm", "estate", "devices", "security", "workorders"));
    long estate = id(co.post("/estate/estates", map("code", "EA", "name", "南园")));
    long building =
        id(co.post("/estate/buildings", map("estateId", estate, "code", "B9", "name", "9")));
    room(co, building, "901");

    JsonNode rules = co.get("/workorders/alarm-rules").json;
    assertEquals(rules.toString(), 8, rules.size());
    long doorLock = 0;
    long noise = 0;
    for (JsonNode k : co.get("/workorders/categories").json) {
      if (k.path("code").asText().equals("door-lock")) {
        doorLock = k.path("id").asLong();
      } else if (k.path("code").asText().equals("noise")) {
        noise = k.path("id").asLong();
      }
    }
    JsonNode forcedRule = null;
    for (JsonNode r : rules) {
      if (r.path("kind").asText().equals("door_forced")) {
        forcedRule = r;
      } else if (r.path("kind").asText().equals("smoke")) {
        assertTrue(r.toString(), r.path("categoryId").isNull());
      }
    }
    assertNotNull(rules.toString(), forcedRule);
    assertEquals(doorLock, forcedRule.path("categoryId").asLong());
    assertEquals("urgent", forcedRule.path("priority").asText());

    Http.Reply door =
        co.post(
            "/devices/devices",
            map(
                "id",
                "door-9",
                "type",
                "door-controller",
                "name",
                "9号楼大门",
                "location",
                map(
                    "kind",
                    "gate",
                    "ref",
                    "B9 lobby",
                    "estateId",
                    estate,
                    "buildingId",
                    building)));
    assertEquals(door.toString(), 201, door.status);
    String password = door.json.path("mqtt").path("password").asText();
    // the first sweep starts at the latest alarm: none yet
    assertEquals(200, co.post("/workorders/sweep", map()).status);

    org.eclipse.paho.client.mqttv3.MqttClient mqtt = DevicesIT.connect("wo_alarm/door-9", password);
    String up = "t/wo_alarm/d/door-9/up";
    try {
      mqtt.publish(up, SecurityIT.alarm(1, 1, 1, true), 1, false); // door 1 forced
      DevicesIT.await(co, "/security/alarms", j -> j.path("items").size() == 1);
      JsonNode orders = alarmOrders(co, 1);
      JsonNode order = orders.get(0);
      assertEquals(order.toString(), doorLock, order.path("categoryId").asLong());
      assertEquals("urgent", order.path("priority").asText());
      assertEquals("device", order.path("reporterKind").asText());
      assertEquals("door-9", order.path("reporterDeviceId").asText());
      assertEquals("device_alarm", order.path("channel").asText());
      assertEquals(estate, order.path("estateId").asLong());
      assertEquals(building, order.path("buildingId").asLong());
      assertTrue(order.toString(), order.path("place").asText().contains("9号楼大门"));
      assertTrue(order.toString(), order.path("description").asText().contains("Door forced"));
      JsonNode timeline =
          co.get("/workorders/orders/" + order.path("id").asLong() + "/timeline").json;
      assertEquals(timeline.toString(), "system", timeline.get(0).path("actorKind").asText());
      // linked both ways: the order names its alarm, the alarm finds its order
      long alarmId = co.get("/security/alarms").json.path("items").get(0).path("id").asLong();
      assertEquals(order.toString(), alarmId, order.path("alarmId").asLong());
      JsonNode byAlarm = co.get("/workorders/orders?alarmId=" + alarmId).json.path("items");
      assertEquals(byAlarm.toString(), 1, byAlarm.size());
      assertEquals(
          0, co.get("/workorders/orders?alarmId=" + (alarmId + 100)).json.path("items").size());

      // cleared and forced again while the order is open: a second alarm, no second order
      mqtt.publish(up, SecurityIT.alarm(2, 1, 1, false), 1, false);
      mqtt.publish(up, SecurityIT.alarm(3, 1, 1, true), 1, false);
      DevicesIT.await(co, "/security/alarms", j -> j.path("items").size() == 2);
      Thread.sleep(6_000);
      assertEquals(200, co.post("/workorders/sweep", map()).status);
      assertEquals(200, co.post("/workorders/sweep", map()).status);
      assertEquals(1, co.get("/workorders/orders").json.path("items").size());
      // the door cleared its alarm: the order's timeline says so, once
      long id = order.path("id").asLong();
      JsonNode notes = co.get("/workorders/orders/" + id + "/timeline").json;
      int resolved = 0;
      for (JsonNode e : notes) {
        if (e.path("action").asText().equals("alarm")) {
          assertTrue(e.toString(), e.path("note").asText().contains("resolved by"));
          resolved++;
        }
      }
      assertEquals(notes.toString(), 1, resolved);

      // the order cancelled and the rule switched off: the next forced door opens nothing
      assertEquals(
          200,
          co.post("/workorders/orders/" + id + "/cancel", map("reason", "duplicate", "note", "x"))
              .status);
      Http.Reply off =
          co.put(
              "/workorders/alarm-rules/door_forced",
              map("categoryId", doorLock, "priority", "urgent", "enabled", false, "version", 0));
      assertEquals(off.toString(), 200, off.status);
      assertEquals(1, off.json.path("version").asInt());
      mqtt.publish(up, SecurityIT.alarm(4, 1, 1, false), 1, false);
      mqtt.publish(up, SecurityIT.alarm(5, 1, 1, true), 1, false);
      DevicesIT.await(co, "/security/alarms", j -> j.path("items").size() == 3);
      Thread.sleep(6_000);
      assertEquals(200, co.post("/workorders/sweep", map()).status);
      assertEquals(1, co.get("/workorders/orders").json.path("items").size());
    } finally {
      mqtt.disconnect();
    }

    Http.Reply stale =
        co.put(
            "/workorders/alarm-rules/door_forced",
            map("categoryId", doorLock, "enabled", true, "version", 0));
    assertEquals(stale.toString(), 409, stale.status);
    assertEquals("stale-version", stale.problemType());
    Http.Reply complaint =
        co.put("/workorders/alarm-rules/smoke", map("categoryId", noise, "version", 0));
    assertEquals(complaint.toString(), 422, complaint.status);
    Http.Reply unknown =
        co.put("/workorders/alarm-rules/flood", map("categoryId", doorLock, "version", 0));
    assertEquals(unknown.toString(), 404, unknown.status);
    // another company's rules are its own
    JsonNode mine = owner.get("/workorders/alarm-rules").json;
    for (JsonNode r : mine) {
      if (r.path("kind").asText().equals("door_forced")) {
        assertEquals(r.toString(), 0, r.path("version").asInt());
        assertTrue(r.toString(), r.path("enabled").asBoolean());
      }
    }
  }

  /** Sweeps until the alarms (taken once 5 s old) have opened {@code n} orders; those orders. */
  private static JsonNode alarmOrders(Http api, int n) throws Exception {
    Instant until = Instant.now().plusSeconds(30);
    JsonNode items;
    do {
      Thread.sleep(1_000);
      assertEquals(200, api.post("/workorders/sweep", map()).status);
      items = api.get("/workorders/orders").json.path("items");
    } while (items.size() < n && Instant.now().isBefore(until));
    assertEquals(items.toString(), n, items.size());
    return items;
  }
}
