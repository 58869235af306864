package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
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
 * What the property company's console reads besides the modules' lists: an estate's tree with room
 * counts, a person's rooms with their history, a payment and its printable receipt. Each in the
 * caller's scope, 404 outside it and for another company.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ConsoleApiIT {

  private static final String TENANT = "cap_east";
  private static Http anonymous;
  private static Http owner;
  private static Http other;
  private static long estate1;
  private static long building1;
  private static long building2;
  private static long unit1;
  private static long room1;
  private static long room2;
  private static long room3;
  private static long person;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    if (owner != null) {
      return;
    }
    anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    owner = anonymous.tenant(operator.onboard(TENANT, "estate", "residents", "billing"));
    other = anonymous.tenant(operator.onboard("cap_west", "estate", "residents", "billing"));
    estate1 = Http.id(owner.post("/estate/estates", map("code", "E1", "name", "东苑")));
    building1 =
        Http.id(
            owner.post("/estate/buildings", map("estateId", estate1, "code", "B1", "name", "1")));
    building2 =
        Http.id(
            owner.post("/estate/buildings", map("estateId", estate1, "code", "B2", "name", "2")));
    unit1 =
        Http.id(
            owner.post("/estate/units", map("buildingId", building1, "code", "U1", "name", "1")));
    long unit2 =
        Http.id(
            owner.post("/estate/units", map("buildingId", building1, "code", "U2", "name", "2")));
    long unit3 =
        Http.id(
            owner.post("/estate/units", map("buildingId", building2, "code", "U1", "name", "1")));
    room1 = room(unit1, "101");
    room2 = room(unit1, "102");
    room(unit2, "201");
    room3 = room(unit3, "101");
    person =
        Http.id(owner.post("/residents/persons", map("fullName", "陈静", "phone", "13900000011")));
    long ended =
        Http.id(
            owner.post(
                "/residents/occupancies",
                map(
                    "personId",
                    person,
                    "roomId",
                    room1,
                    "role",
                    "tenant",
                    "moveIn",
                    "2023-01-01")));
    assertEquals(
        200,
        owner.post("/residents/occupancies/" + ended + "/end", map("moveOut", "2024-06-30"))
            .status);
    Http.id(
        owner.post(
            "/residents/occupancies",
            map("personId", person, "roomId", room2, "role", "owner", "moveIn", "2024-07-01")));
    Http.id(
        owner.post(
            "/residents/occupancies",
            map("personId", person, "roomId", room3, "role", "owner", "moveIn", "2024-07-01")));
  }

  @Test
  public void a01_anEstatesTreeCountsRoomsPerUnitAndBuildingInScope() throws Exception {
    Http.Reply tree = owner.get("/estate/estates/" + estate1 + "/tree");
    assertEquals(tree.toString(), 200, tree.status);
    assertEquals(4, tree.json.path("rooms").asLong());
    JsonNode buildings = tree.json.path("buildings");
    assertEquals(2, buildings.size());
    assertEquals("B1", buildings.get(0).path("building").path("code").asText());
    assertEquals(3, buildings.get(0).path("rooms").asLong());
    assertEquals(2, buildings.get(0).path("units").get(0).path("rooms").asLong());
    assertEquals(1, buildings.get(0).path("units").get(1).path("rooms").asLong());
    assertEquals(1, buildings.get(1).path("rooms").asLong());

    Http scoped = owner.staff(TENANT, "cap.b2", "project_manager", "buildings", building2);
    Http.Reply narrow = scoped.get("/estate/estates/" + estate1 + "/tree");
    assertEquals(narrow.toString(), 200, narrow.status);
    assertEquals(1, narrow.json.path("buildings").size());
    assertEquals(
        building2, narrow.json.path("buildings").get(0).path("building").path("id").asLong());
    assertEquals(1, narrow.json.path("rooms").asLong());

    assertEquals(404, other.get("/estate/estates/" + estate1 + "/tree").status);
    assertEquals(404, owner.get("/estate/estates/999999/tree").status);
  }

  @Test
  public void a02_aPersonsRoomsWithHistoryInScope() throws Exception {
    Http.Reply current = owner.get("/residents/persons/" + person + "/occupancies");
    assertEquals(current.toString(), 200, current.status);
    assertEquals(2, current.json.path("items").size());
    Http.Reply all = owner.get("/residents/persons/" + person + "/occupancies?history=true");
    assertEquals(3, all.json.path("items").size());
    assertEquals(room1, all.json.path("items").get(0).path("roomId").asLong());
    assertEquals("2024-06-30", all.json.path("items").get(0).path("moveOut").asText());
    assertEquals("陈静", all.json.path("items").get(0).path("personName").asText());

    Http scoped = owner.staff(TENANT, "cap.b1", "project_manager", "buildings", building1);
    Http.Reply narrow = scoped.get("/residents/persons/" + person + "/occupancies?history=true");
    assertEquals(narrow.toString(), 200, narrow.status);
    assertEquals("building 1's rooms only: " + narrow.text, 2, narrow.json.path("items").size());
    assertFalse(narrow.text, narrow.text.contains("\"roomId\":" + room3 + ","));
    assertEquals(404, other.get("/residents/persons/" + person + "/occupancies").status);
  }

  @Test
  public void a03_aPaymentAndItsReceiptWithTheAmountInChineseCapitals() throws Exception {
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
                    map("roomId", room2, "amount", new BigDecimal("1005.50"), "method", "cash"))
                .getBytes(StandardCharsets.UTF_8),
            false);
    assertEquals(paid.body(), 201, paid.statusCode());
    long id = Http.JSON.readTree(paid.body()).path("id").asLong();

    Http.Reply payment = owner.get("/billing/payments/" + id);
    assertEquals(payment.toString(), 200, payment.status);
    assertEquals(room2, payment.json.path("roomId").asLong());
    assertEquals(
        0, new BigDecimal("1005.50").compareTo(payment.json.path("amount").decimalValue()));
    assertEquals(
        0, new BigDecimal("1005.50").compareTo(payment.json.path("toPrepayment").decimalValue()));

    Http.Reply receipt = owner.get("/billing/payments/" + id + "/receipt.html");
    assertEquals(receipt.toString(), 200, receipt.status);
    assertTrue(receipt.contentType, receipt.contentType.startsWith("text/html"));
    assertTrue(receipt.text, receipt.text.contains("R" + id));
    assertTrue(receipt.text, receipt.text.contains("人民币壹仟零伍元伍角整"));
    assertTrue(receipt.text, receipt.text.contains("1005.50"));

    Http scoped = owner.staff(TENANT, "cap.cashier", "cashier", "buildings", building2);
    assertEquals(404, scoped.get("/billing/payments/" + id).status);
    assertEquals(404, scoped.get("/billing/payments/" + id + "/receipt.html").status);
    assertEquals(404, other.get("/billing/payments/" + id + "/receipt.html").status);
  }

  private static long room(long unit, String number) throws Exception {
    return Http.id(
        owner.post(
            "/estate/rooms",
            map("unitId", unit, "number", number, "floor", 1, "area", 80, "type", "residential")));
  }
}
