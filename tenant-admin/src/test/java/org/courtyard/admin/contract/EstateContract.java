package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Before;
import org.junit.Test;

/**
 * What the estate screen relies on in {@code /api/v1/estate}: estates as cursor pages, creating and
 * editing estates, buildings, units and rooms with 422 {@code validation-failed} field errors, 409
 * {@code duplicate} and {@code stale-version}, the estate tree with room counts, the room list's
 * filters, and the CSV import of a building's rooms (all or nothing: 422 {@code import-rejected}
 * with every problem's line and column). Run against {@link FakeEstateArea} ({@code
 * FakeEstateContractTest}) and the real platform ({@code EstateContractE2E}).
 */
public abstract class EstateContract extends TenantApiContract {

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private String admin;

  @Before
  public void signInAsAdministrator() {
    admin = accessToken(target().newStaff("administrator"));
  }

  /** A code no other test of this run uses: codes are unique per company. */
  private static String unique(String prefix) {
    return prefix
        + Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
        + NEXT.incrementAndGet();
  }

  private long create(String path, Map<String, Object> body) {
    Answer a = send("POST", path, body, admin);
    assertEquals(describe(a), 201, a.status());
    return a.body().path("id").asLong();
  }

  private long estate() {
    return create("estate/estates", Map.of("code", unique("E"), "name", "Contract estate"));
  }

  private long building(long estateId, String code) {
    return create(
        "estate/buildings", Map.of("estateId", estateId, "code", code, "name", "Building " + code));
  }

  private long unit(long buildingId, String code) {
    return create("estate/units", Map.of("buildingId", buildingId, "code", code, "name", code));
  }

  private long room(long unitId, String number, String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unitId", unitId);
    body.put("number", number);
    body.put("floor", 1);
    body.put("area", 89.5);
    body.put("type", "residential");
    body.put("status", status);
    return create("estate/rooms", body);
  }

  private static List<String> fields(Answer a) {
    List<String> fields = new ArrayList<>();
    a.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  // ------------------------------------------------------------------------------ estates

  @Test
  public void estatesArePagedByCursorWithTheShapeTheScreenReads() {
    String code = unique("E");
    Answer created =
        send(
            "POST",
            "estate/estates",
            Map.of("code", code, "name", "Sunny Garden 阳光花园", "address", "1 Long Road"),
            admin);
    assertEquals(describe(created), 201, created.status());
    JsonNode e = created.body();
    assertEquals(code, e.path("code").asText());
    assertEquals("Sunny Garden 阳光花园", e.path("name").asText());
    assertEquals("1 Long Road", e.path("address").asText());
    assertTrue(describe(created), e.path("id").asLong() > 0);
    assertTrue(describe(created), e.path("version").isInt());
    estate();

    // walk the pages one estate at a time: the created one is on one of them
    boolean found = false;
    String cursor = null;
    int pages = 0;
    do {
      Answer page =
          send(
              "GET",
              "estate/estates?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
              null,
              admin);
      assertPage(page);
      assertTrue(describe(page), page.body().path("items").size() <= 1);
      for (JsonNode item : page.body().path("items")) {
        found |= item.path("id").asLong() == e.path("id").asLong();
      }
      cursor =
          page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 10_000);
    assertTrue("the created estate is listed", found);
    assertTrue("more than one page", pages >= 2);
  }

  @Test
  public void anInvalidEstateIsRefusedWithEveryFieldErrorByName() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", "has space!");
    body.put("name", " ");
    body.put("address", "x".repeat(201));
    Answer a = send("POST", "estate/estates", body, admin);
    assertProblem(a, 422, "validation-failed");
    assertEquals(List.of("code", "name", "address"), fields(a));
    a.body().path("errors").forEach(err -> assertFalse(err.path("message").asText().isBlank()));
  }

  @Test
  public void aTakenCodeIsADuplicateAndAnOldVersionIsStale() {
    String code = unique("E");
    long id = create("estate/estates", Map.of("code", code, "name", "First"));
    assertProblem(
        send("POST", "estate/estates", Map.of("code", code, "name", "Second"), admin),
        409,
        "duplicate");

    Answer read = send("GET", "estate/estates/" + id, null, admin);
    assertEquals(describe(read), 200, read.status());
    int version = read.body().path("version").asInt();
    Map<String, Object> edit = new LinkedHashMap<>();
    edit.put("code", code);
    edit.put("name", "First, renamed");
    edit.put("address", null);
    edit.put("version", version);
    Answer updated = send("PUT", "estate/estates/" + id, edit, admin);
    assertEquals(describe(updated), 200, updated.status());
    assertEquals("First, renamed", updated.body().path("name").asText());
    assertEquals(version + 1, updated.body().path("version").asInt());

    assertProblem(send("PUT", "estate/estates/" + id, edit, admin), 409, "stale-version");
  }

  @Test
  public void staffWhoMayOnlyReadCannotCreateAnEstate() {
    String cashier = accessToken(target().newStaff("cashier"));
    assertPage(send("GET", "estate/estates", null, cashier));
    assertProblem(
        send("POST", "estate/estates", Map.of("code", unique("E"), "name", "x"), cashier),
        403,
        "permission-denied");
  }

  // --------------------------------------------------------------------------------- tree

  @Test
  public void theTreeHasTheBuildingsAndUnitsWithTheirRoomCounts() {
    long estate = estate();
    long b1 = building(estate, "B1");
    long b2 = building(estate, "B2");
    long u1 = unit(b1, "U1");
    long u2 = unit(b1, "U2");
    room(u1, "101", "vacant");
    room(u1, "102", "rented");
    room(u2, "201", "vacant");

    Answer a = send("GET", "estate/estates/" + estate + "/tree", null, admin);
    assertEquals(describe(a), 200, a.status());
    JsonNode tree = a.body();
    assertEquals(estate, tree.path("estate").path("id").asLong());
    assertEquals(3, tree.path("rooms").asLong());
    JsonNode buildings = tree.path("buildings");
    assertEquals(2, buildings.size());
    assertEquals(b1, buildings.get(0).path("building").path("id").asLong());
    assertEquals("B1", buildings.get(0).path("building").path("code").asText());
    assertEquals(3, buildings.get(0).path("rooms").asLong());
    assertEquals(b2, buildings.get(1).path("building").path("id").asLong());
    assertEquals(0, buildings.get(1).path("rooms").asLong());
    JsonNode units = buildings.get(0).path("units");
    assertEquals(2, units.size());
    assertEquals(u1, units.get(0).path("unit").path("id").asLong());
    assertEquals(2, units.get(0).path("rooms").asLong());
    assertEquals(u2, units.get(1).path("unit").path("id").asLong());
    assertEquals(1, units.get(1).path("rooms").asLong());

    assertProblem(send("GET", "estate/estates/987654321/tree", null, admin), 404, "not-found");
  }

  @Test
  public void roomsAreListedByUnitOrBuildingAndFilteredByStatus() {
    long estate = estate();
    long b = building(estate, "B1");
    long u1 = unit(b, "U1");
    long u2 = unit(b, "U2");
    long r101 = room(u1, "101", "vacant");
    room(u1, "102", "rented");
    room(u2, "201", "vacant");

    Answer ofUnit = send("GET", "estate/rooms?unitId=" + u1, null, admin);
    assertPage(ofUnit);
    assertEquals(2, ofUnit.body().path("items").size());
    JsonNode first = ofUnit.body().path("items").get(0);
    assertEquals(r101, first.path("id").asLong());
    assertEquals("101", first.path("number").asText());
    assertEquals(u1, first.path("unitId").asLong());
    assertEquals(b, first.path("buildingId").asLong());
    assertEquals(estate, first.path("estateId").asLong());
    assertEquals(1, first.path("floor").asInt());
    assertEquals(0, first.path("area").decimalValue().compareTo(new java.math.BigDecimal("89.5")));
    assertEquals("residential", first.path("type").asText());
    assertEquals("vacant", first.path("status").asText());
    assertTrue(first.path("version").isInt());

    Answer vacant = send("GET", "estate/rooms?buildingId=" + b + "&status=vacant", null, admin);
    assertPage(vacant);
    assertEquals(2, vacant.body().path("items").size());
    assertProblem(send("GET", "estate/rooms?status=sold", null, admin), 400, "invalid-parameter");
  }

  @Test
  public void roomsAreFoundByTheStartOfTheirNumberInOneEstate() {
    long estate = estate();
    long other = estate();
    long u = unit(building(estate, "B1"), "U1");
    long ou = unit(building(other, "B1"), "U1");
    long r1801 = room(u, "1801", "vacant");
    long r18a = room(u, "18a", "vacant");
    room(u, "2801", "vacant");
    room(ou, "1802", "vacant");

    Answer found = send("GET", "estate/rooms?estateId=" + estate + "&number=18", null, admin);
    assertPage(found);
    List<Long> ids = new java.util.ArrayList<>();
    found.body().path("items").forEach(r -> ids.add(r.path("id").asLong()));
    assertEquals(List.of(r1801, r18a), ids);
    Answer letters = send("GET", "estate/rooms?estateId=" + estate + "&number=18A", null, admin);
    assertEquals(1, letters.body().path("items").size());
    assertEquals(r18a, letters.body().path("items").get(0).path("id").asLong());
    Answer paged =
        send("GET", "estate/rooms?estateId=" + estate + "&number=1&limit=1", null, admin);
    assertPage(paged);
    assertEquals(1, paged.body().path("items").size());
    assertTrue(describe(paged), !paged.body().path("nextCursor").isNull());
  }

  @Test
  public void buildingsUnitsAndRoomsAreRefusedWithFieldErrorsAndEditedWithTheirVersion() {
    long estate = estate();
    Map<String, Object> badBuilding = new LinkedHashMap<>();
    badBuilding.put("estateId", estate);
    badBuilding.put("code", "");
    badBuilding.put("name", "Tower");
    badBuilding.put("floors", 0);
    Answer a = send("POST", "estate/buildings", badBuilding, admin);
    assertProblem(a, 422, "validation-failed");
    assertEquals(List.of("code", "floors"), fields(a));

    long b = building(estate, "B1");
    long u = unit(b, "U1");
    assertProblem(
        send("POST", "estate/units", Map.of("buildingId", b, "code", "U1", "name", "U1"), admin),
        409,
        "duplicate");

    Map<String, Object> badRoom = new LinkedHashMap<>();
    badRoom.put("unitId", u);
    badRoom.put("number", "101");
    badRoom.put("floor", 1);
    badRoom.put("area", 85.555);
    badRoom.put("type", "castle");
    Answer r = send("POST", "estate/rooms", badRoom, admin);
    assertProblem(r, 422, "validation-failed");
    assertEquals(List.of("area", "type"), fields(r));

    long room = room(u, "101", "vacant");
    Answer read = send("GET", "estate/rooms/" + room, null, admin);
    Map<String, Object> edit = new LinkedHashMap<>();
    edit.put("number", "101");
    edit.put("floor", 2);
    edit.put("area", 90);
    edit.put("type", "commercial");
    edit.put("status", "renovating");
    edit.put("version", read.body().path("version").asInt());
    Answer edited = send("PUT", "estate/rooms/" + room, edit, admin);
    assertEquals(describe(edited), 200, edited.status());
    assertEquals("renovating", edited.body().path("status").asText());
    assertEquals(2, edited.body().path("floor").asInt());

    Answer unitRead = send("GET", "estate/units/" + u, null, admin);
    Map<String, Object> unitEdit = new LinkedHashMap<>();
    unitEdit.put("code", "U1");
    unitEdit.put("name", "Unit one");
    unitEdit.put("version", unitRead.body().path("version").asInt());
    Answer unitEdited = send("PUT", "estate/units/" + u, unitEdit, admin);
    assertEquals(describe(unitEdited), 200, unitEdited.status());
    assertEquals("Unit one", unitEdited.body().path("name").asText());
  }

  // ------------------------------------------------------------------------------- import

  @Test
  public void aFileWithProblemsIsRefusedWholeWithEachProblemsLineAndColumn() {
    long estate = estate();
    long b = building(estate, "B1");
    String csv =
        "unit,number,floor,area,type,status\n"
            + "U1,101,1,89.5,residential,vacant\n"
            + "U1,102,one,89.5,residential,\n"
            + "U1,103,1,-3,castle,\n"
            + "U1,101,1,70,residential,\n";
    Answer a = upload("estate/buildings/" + b + "/rooms/import", csv, admin);
    assertProblem(a, 422, "import-rejected");
    assertEquals(4, a.body().path("errorCount").asInt());
    JsonNode errors = a.body().path("errors");
    assertEquals(4, errors.size());
    List<String> where = new ArrayList<>();
    errors.forEach(
        e -> {
          assertFalse(e.path("message").asText().isBlank());
          where.add(e.path("line").asInt() + ":" + e.path("column").asText());
        });
    assertEquals(List.of("3:floor", "4:area", "4:type", "5:number"), where);

    Answer tree = send("GET", "estate/estates/" + estate + "/tree", null, admin);
    assertEquals("nothing was written", 0, tree.body().path("rooms").asLong());
    assertEquals(0, tree.body().path("buildings").get(0).path("units").size());
  }

  @Test
  public void aGoodFileImportsEveryRoomAndCreatesTheMissingUnits() {
    long estate = estate();
    long b = building(estate, "B1");
    unit(b, "U1");
    String csv =
        "\uFEFFUnit,Number,Floor,Area,Type\n"
            + "U1,101,1,89.5,residential\n"
            + "U1,102,1,75,Residential\n"
            + "U2,201,2,60.25,commercial\n";
    Answer a = upload("estate/buildings/" + b + "/rooms/import", csv, admin);
    assertEquals(describe(a), 200, a.status());
    assertEquals(b, a.body().path("buildingId").asLong());
    assertEquals(3, a.body().path("roomsImported").asInt());
    assertEquals(1, a.body().path("unitsCreated").asInt());

    Answer tree = send("GET", "estate/estates/" + estate + "/tree", null, admin);
    assertEquals(3, tree.body().path("rooms").asLong());
    assertEquals(2, tree.body().path("buildings").get(0).path("units").size());
  }
}
