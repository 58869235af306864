package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Billing on top of residents: per_vehicle fees count the current vehicles of a room's current
 * occupants, resident statements gather a person's rooms, and a tenant without residents cannot use
 * either.
 *
 * <p>Tenant rb_a: room R1 has owner Li (also its occupant, one vehicle) and family member Wang (one
 * current and one removed vehicle), so two vehicles; room R2 has tenant Zhao without a vehicle;
 * Chen owns both rooms and has no vehicle. rb_b has the same modules and no persons; rb_c has no
 * residents.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ResidentBillingIT {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static final BigDecimal FIXED_FEE = new BigDecimal("100.00");
  private static final BigDecimal CAR_PRICE = new BigDecimal("60.00");

  private static Http operator;
  private static Http rbA;
  private static Http rbB;
  private static Http rbC;
  private static YearMonth lastMonth;
  private static long room1;
  private static long room2;
  private static long li;
  private static long wang;
  private static long zhao;
  private static long chen;
  private static long carFee;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    if (rbC != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    rbA = anonymous.tenant(operator.onboard("rb_a", List.of("estate", "residents", "billing")));
    rbB = anonymous.tenant(operator.onboard("rb_b", List.of("estate", "residents", "billing")));
    rbC = anonymous.tenant(operator.onboard("rb_c", List.of("estate", "billing")));
    Http.Reply settings = rbA.get("/billing/settings");
    assertEquals(settings.toString(), 200, settings.status);
    lastMonth = YearMonth.now(ZoneId.of(settings.json.path("timeZone").asText())).minusMonths(1);

    long estate = create(rbA, "/estate/estates", map("code", "RBE", "name", "RB Estate"));
    long building =
        create(rbA, "/estate/buildings", map("estateId", estate, "code", "B1", "name", "B1"));
    long unit =
        create(rbA, "/estate/units", map("buildingId", building, "code", "U1", "name", "U1"));
    room1 = room(rbA, unit, "101");
    room2 = room(rbA, unit, "102");

    li = person(rbA, "Li Lei", "13800000001");
    wang = person(rbA, "Wang Fang", "13800000002");
    zhao = person(rbA, "Zhao Qiang", "13800000003");
    chen = person(rbA, "Chen Jing", "13800000004");
    occupancy(rbA, li, room1, "owner", 50);
    occupancy(rbA, li, room1, "occupant", null);
    occupancy(rbA, wang, room1, "family", null);
    occupancy(rbA, zhao, room2, "tenant", null);
    occupancy(rbA, chen, room1, "owner", 50);
    occupancy(rbA, chen, room2, "owner", null);
    create(rbA, "/residents/vehicles", map("personId", li, "plate", "粤B12345"));
    create(rbA, "/residents/vehicles", map("personId", wang, "plate", "粤B54321"));
    long removed = create(rbA, "/residents/vehicles", map("personId", wang, "plate", "粤B99999"));
    assertEquals(204, rbA.delete("/residents/vehicles/" + removed).status);

    String from = lastMonth.atDay(1).toString();
    create(
        rbA,
        "/billing/fee-items",
        map(
            "code",
            "PROP",
            "name",
            "Property",
            "kind",
            "fixed",
            "unitPrice",
            FIXED_FEE,
            "effectiveFrom",
            from));
    carFee =
        create(
            rbA,
            "/billing/fee-items",
            map(
                "code",
                "CAR",
                "name",
                "Vehicle fee",
                "kind",
                "per_vehicle",
                "unitPrice",
                CAR_PRICE,
                "effectiveFrom",
                from));
  }

  // ------------------------------------------------------------------------------- the tests

  @Test
  public void a01_perVehicleFeeCountsEachCurrentVehicleOfTheRoomsOccupantsOnce() throws Exception {
    Http.Reply item = rbA.get("/billing/fee-items/" + carFee);
    assertEquals(item.toString(), 200, item.status);
    assertEquals("per_vehicle", item.json.path("kind").asText());

    runPeriod(rbA, lastMonth);

    JsonNode bill1 = billOf(rbA, room1);
    List<String> codes1 = new ArrayList<>();
    bill1.path("lines").forEach(l -> codes1.add(l.path("feeCode").asText()));
    assertEquals(bill1.toString(), List.of("PROP", "CAR"), codes1);
    JsonNode car = bill1.path("lines").get(1);
    // Li (owner and occupant) and Wang: two current vehicles; Wang's removed one does not count
    assertMoney("quantity", new BigDecimal("2"), car.path("quantity"));
    assertMoney("unitPrice", CAR_PRICE, car.path("unitPrice"));
    assertMoney("CAR amount", new BigDecimal("120.00"), car.path("amount"));
    assertMoney("R1 total", new BigDecimal("220.00"), bill1.path("total"));

    // Zhao has no vehicle: no CAR line for R2, only the fixed fee
    JsonNode bill2 = billOf(rbA, room2);
    assertEquals(bill2.toString(), 1, bill2.path("lines").size());
    assertEquals("PROP", bill2.path("lines").get(0).path("feeCode").asText());
    assertMoney("R2 total", FIXED_FEE, bill2.path("total"));
    assertEquals(
        0,
        PlatformIT.count(
            "select count(*) from t_rb_a.bill_line l join t_rb_a.bill b on b.id = l.bill_id"
                + " where b.room_id = ? and l.fee_code = 'CAR'",
            room2));
  }

  @Test
  public void a02_personStatementShowsThePersonsRoomsAndTotals() throws Exception {
    Http.Reply r = rbA.get("/billing/persons/" + chen + "/statement");
    assertEquals(r.toString(), 200, r.status);
    JsonNode s = r.json;
    assertEquals(chen, s.path("personId").asLong());
    assertEquals("Chen Jing", s.path("fullName").asText());
    assertEquals("CNY", s.path("currency").asText());
    JsonNode rooms = s.path("rooms");
    assertEquals(s.toString(), 2, rooms.size());
    assertEquals(room1, rooms.get(0).path("roomId").asLong());
    assertEquals(room2, rooms.get(1).path("roomId").asLong());
    assertEquals("RBE/B1/U1/101", rooms.get(0).path("label").asText());
    assertEquals("owner", rooms.get(0).path("roles").get(0).path("role").asText());
    assertMoney(
        "R1 billed", new BigDecimal("220.00"), rooms.get(0).path("statement").path("billed"));
    assertEquals(1, rooms.get(0).path("statement").path("bills").size());
    assertMoney("R2 billed", FIXED_FEE, rooms.get(1).path("statement").path("billed"));
    assertMoney("billed", new BigDecimal("320.00"), s.path("billed"));
    assertMoney("paid", new BigDecimal("0.00"), s.path("paid"));
    assertMoney("outstanding", new BigDecimal("320.00"), s.path("outstanding"));
    assertMoney("balance", new BigDecimal("-320.00"), s.path("balance"));

    // Li holds two roles in R1: the room is listed once, with both
    JsonNode liStatement = rbA.get("/billing/persons/" + li + "/statement").json;
    assertEquals(liStatement.toString(), 1, liStatement.path("rooms").size());
    assertEquals(2, liStatement.path("rooms").get(0).path("roles").size());
    assertMoney("Li billed", new BigDecimal("220.00"), liStatement.path("billed"));

    HttpResponse<String> html = getRaw(rbA, "/billing/persons/" + chen + "/statement.html");
    assertEquals(html.body(), 200, html.statusCode());
    assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(html.body(), html.body().contains("Chen Jing"));
    assertTrue(html.body(), html.body().contains("RBE/B1/U1/101"));
    assertTrue(html.body(), html.body().contains("RBE/B1/U1/102"));
    assertTrue(html.body(), html.body().contains("-320.00"));

    assertProblem(rbA.get("/billing/persons/999999/statement"), 404, "not-found");
    assertEquals(404, getRaw(rbA, "/billing/persons/999999/statement.html").statusCode());
  }

  @Test
  public void a03_anotherTenantSeesNeitherThePersonNorTheirRooms() throws Exception {
    for (long person : List.of(li, wang, zhao, chen)) {
      Http.Reply r = rbB.get("/billing/persons/" + person + "/statement");
      assertProblem(r, 404, "not-found");
      assertFalse(r.text, r.text.contains("Chen") || r.text.contains("RBE/"));
      assertEquals(404, getRaw(rbB, "/billing/persons/" + person + "/statement.html").statusCode());
    }
  }

  @Test
  public void a04_withoutResidentsPerVehicleFeesAndStatementsAreRefused() throws Exception {
    String from = lastMonth.atDay(1).toString();
    Http.Reply refused =
        rbC.post(
            "/billing/fee-items",
            map(
                "code",
                "CAR",
                "name",
                "Vehicle fee",
                "kind",
                "per_vehicle",
                "unitPrice",
                CAR_PRICE,
                "effectiveFrom",
                from));
    assertProblem(refused, 409, "module-required");
    assertTrue(refused.text, refused.json.path("detail").asText().contains("CAR"));
    assertTrue(refused.text, refused.json.path("detail").asText().contains("residents"));
    assertEquals(0, PlatformIT.count("select count(*) from t_rb_c.fee_item"));

    // other kinds are not affected
    create(
        rbC,
        "/billing/fee-items",
        map(
            "code",
            "PROP",
            "name",
            "Property",
            "kind",
            "fixed",
            "unitPrice",
            FIXED_FEE,
            "effectiveFrom",
            from));

    assertProblem(rbC.get("/billing/persons/1/statement"), 404, "module-not-enabled");

    // an item created while residents was enabled: a run without residents is refused at once
    Http.Reply enabled = operator.post("/operator/tenants/rb_c/modules/residents", "");
    assertEquals(enabled.toString(), 200, enabled.status);
    create(
        rbC,
        "/billing/fee-items",
        map(
            "code",
            "CAR",
            "name",
            "Vehicle fee",
            "kind",
            "per_vehicle",
            "unitPrice",
            CAR_PRICE,
            "effectiveFrom",
            from));
    Http.Reply disabled = operator.delete("/operator/tenants/rb_c/modules/residents");
    assertEquals(disabled.toString(), 200, disabled.status);
    long runsBefore = PlatformIT.count("select count(*) from t_rb_c.billing_run");
    Http.Reply run = rbC.post("/billing/runs", map("period", lastMonth.toString()));
    assertProblem(run, 409, "module-required");
    assertTrue(run.text, run.json.path("detail").asText().contains("CAR"));
    assertEquals(runsBefore, PlatformIT.count("select count(*) from t_rb_c.billing_run"));
  }

  // ---------------------------------------------------------------------------------- helpers

  private static long create(Http api, String path, Map<String, Object> body) throws Exception {
    Http.Reply r = api.post(path, body);
    assertEquals(r.toString(), 201, r.status);
    assertTrue(r.json.path("id").asLong() > 0);
    return r.json.path("id").asLong();
  }

  private static long room(Http api, long unit, String number) throws Exception {
    return create(
        api,
        "/estate/rooms",
        map("unitId", unit, "number", number, "floor", 1, "area", 88, "type", "residential"));
  }

  private static long person(Http api, String name, String phone) throws Exception {
    return create(api, "/residents/persons", map("fullName", name, "phone", phone));
  }

  private static void occupancy(Http api, long person, long room, String role, Integer share)
      throws Exception {
    Map<String, Object> body =
        map("personId", person, "roomId", room, "role", role, "moveIn", "2024-01-01");
    if (share != null) {
      body.put("sharePercent", share);
    }
    create(api, "/residents/occupancies", body);
  }

  /** Starts a run of the period and waits for it; it must complete. */
  private static void runPeriod(Http api, YearMonth period) throws Exception {
    Http.Reply started = api.post("/billing/runs", map("period", period.toString()));
    assertEquals(started.toString(), 202, started.status);
    long id = started.json.path("id").asLong();
    long deadline = System.currentTimeMillis() + 30_000;
    JsonNode run = started.json;
    while (java.util.Set.of("queued", "running").contains(run.path("status").asText())) {
      assertTrue("run " + id + " still running: " + run, System.currentTimeMillis() < deadline);
      Thread.sleep(100);
      Http.Reply polled = api.get("/billing/runs/" + id);
      assertEquals(polled.toString(), 200, polled.status);
      run = polled.json;
    }
    assertEquals(run.toString(), "completed", run.path("status").asText());
  }

  private static JsonNode billOf(Http api, long roomId) throws Exception {
    Http.Reply r = api.get("/billing/bills?roomId=" + roomId + "&period=" + lastMonth);
    assertEquals(r.toString(), 200, r.status);
    JsonNode items = r.json.path("items");
    assertEquals(r.toString(), 1, items.size());
    return items.get(0);
  }

  private static HttpResponse<String> getRaw(Http api, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(api.base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", api.authorization)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertMoney(String what, BigDecimal expected, JsonNode actual) {
    assertNotNull(what + ": nothing expected", expected);
    assertTrue(
        what + ": expected " + expected.toPlainString() + " but was " + actual,
        actual != null && actual.isNumber() && actual.decimalValue().compareTo(expected) == 0);
  }

  private static void assertProblem(Http.Reply r, int status, String type) {
    assertEquals(r.toString(), status, r.status);
    assertEquals(r.toString(), type, r.problemType());
    assertTrue(r.toString(), r.contentType.startsWith("application/problem+json"));
  }
}
