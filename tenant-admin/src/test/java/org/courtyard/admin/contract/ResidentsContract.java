package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Before;
import org.junit.Test;

/**
 * What the residents screens rely on in {@code /api/v1/residents}: the person search by name, the
 * phone's last digits and room, with masked numbers; a person in full; their occupancies and
 * vehicles, current or with {@code history=true}; move-in (422 field errors, 409 {@code duplicate}
 * and {@code share-exceeded} with what is left) and move-out (422 before the move-in, 409 {@code
 * already-ended}); the occupied rooms with their labels, and occupancies naming their room's label.
 * Run against {@link FakeResidentsArea} ({@code FakeResidentsContractTest}) and the real platform
 * ({@code ResidentsContractE2E}).
 */
public abstract class ResidentsContract extends TenantApiContract {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private String admin;

  @Before
  public void signInAsAdministrator() {
    admin = accessToken(target().newStaff("administrator"));
  }

  private static String unique() {
    return Long.toString(System.currentTimeMillis() % 100_000_000L, 36) + NEXT.incrementAndGet();
  }

  /** A Chinese mobile number no other test of this run has. */
  private static String mobile() {
    return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
  }

  private long create(String path, Map<String, Object> body) {
    Answer a = send("POST", path, body, admin);
    assertEquals(describe(a), 201, a.status());
    return a.body().path("id").asLong();
  }

  /** A room of its own: estate, building, unit and room made for the test. */
  private long room() {
    long estate =
        create("estate/estates", Map.of("code", "R" + unique(), "name", "Residents contract"));
    long building =
        create("estate/buildings", Map.of("estateId", estate, "code", "B1", "name", "B1"));
    long unit = create("estate/units", Map.of("buildingId", building, "code", "U1", "name", "U1"));
    Map<String, Object> room = new LinkedHashMap<>();
    room.put("unitId", unit);
    room.put("number", "101");
    room.put("floor", 1);
    room.put("area", 88);
    room.put("type", "residential");
    return create("estate/rooms", room);
  }

  private long person(String name, String phone) {
    return create("residents/persons", Map.of("fullName", name, "phone", phone));
  }

  private Answer moveIn(long person, long room, String role, Object share, String date) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("personId", person);
    body.put("roomId", room);
    body.put("role", role);
    body.put("sharePercent", share);
    body.put("moveIn", date);
    return send("POST", "residents/occupancies", body, admin);
  }

  private List<Long> ids(Answer page) {
    assertPage(page);
    List<Long> ids = new ArrayList<>();
    page.body().path("items").forEach(i -> ids.add(i.path("id").asLong()));
    return ids;
  }

  private static List<String> fields(Answer a) {
    List<String> fields = new ArrayList<>();
    a.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    return fields;
  }

  // ----------------------------------------------------------------------------- persons

  @Test
  public void personsAreFoundByNameAndPhoneDigitsWithTheirNumbersMasked() {
    String name = "Contract 陈" + unique();
    String phone = mobile();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fullName", name);
    body.put("phone", phone);
    body.put("email", "chen@example.com");
    body.put("note", "keys at the desk");
    Answer created = send("POST", "residents/persons", body, admin);
    assertEquals(describe(created), 201, created.status());
    long id = created.body().path("id").asLong();
    assertEquals("+86" + phone, created.body().path("phone").asText());

    Answer byName = send("GET", "residents/persons?q=" + enc(name.substring(9)), null, admin);
    assertEquals(List.of(id), ids(byName));
    JsonNode listed = byName.body().path("items").get(0);
    assertEquals(name, listed.path("fullName").asText());
    assertTrue(describe(byName), listed.path("phone").asText().contains("****"));
    assertTrue(describe(byName), listed.path("phone").asText().endsWith(phone.substring(7)));
    assertFalse("lists leave the note out", listed.has("note") && !listed.get("note").isNull());
    assertEquals("chen@example.com", listed.path("email").asText());

    assertTrue(
        ids(send("GET", "residents/persons?q=" + phone.substring(3), null, admin)).contains(id));

    Answer full = send("GET", "residents/persons/" + id, null, admin);
    assertEquals(describe(full), 200, full.status());
    assertEquals("+86" + phone, full.body().path("phone").asText());
    assertEquals("keys at the desk", full.body().path("note").asText());
    assertTrue(full.body().path("version").isInt());
    assertProblem(send("GET", "residents/persons/987654321", null, admin), 404, "not-found");
  }

  @Test
  public void anInvalidPersonIsRefusedWithEveryFieldErrorByName() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fullName", " ");
    body.put("phone", "12");
    body.put("email", "not-an-address");
    Answer a = send("POST", "residents/persons", body, admin);
    assertProblem(a, 422, "validation-failed");
    assertEquals(List.of("fullName", "phone", "email"), fields(a));
  }

  // ------------------------------------------------------------------ move-in, move-out

  @Test
  public void aMoveInIsListedWithItsShareAndFindsThePersonByRoom() {
    long room = room();
    long chen = person("Contract Chen " + unique(), mobile());
    Answer in = moveIn(chen, room, "owner", 60, "2024-03-01");
    assertEquals(describe(in), 201, in.status());
    JsonNode o = in.body();
    assertEquals(chen, o.path("personId").asLong());
    assertEquals(room, o.path("roomId").asLong());
    assertEquals("owner", o.path("role").asText());
    assertEquals(0, o.path("sharePercent").decimalValue().compareTo(new BigDecimal("60")));
    assertEquals("2024-03-01", o.path("moveIn").asText());
    assertTrue(describe(in), o.path("moveOut").isNull());
    assertFalse(o.path("personName").asText().isBlank());

    Answer rooms = send("GET", "residents/persons/" + chen + "/occupancies", null, admin);
    assertEquals(List.of(o.path("id").asLong()), ids(rooms));
    assertEquals(List.of(chen), ids(send("GET", "residents/persons?roomId=" + room, null, admin)));

    long wang = person("Contract Wang " + unique(), mobile());
    Answer tooMuch = moveIn(wang, room, "owner", 50, "2024-03-01");
    assertProblem(tooMuch, 409, "share-exceeded");
    assertEquals(
        0, tooMuch.body().path("available").decimalValue().compareTo(new BigDecimal("40")));
    assertEquals(201, moveIn(wang, room, "owner", 40, "2024-03-01").status());
    assertProblem(moveIn(chen, room, "owner", 1, "2024-04-01"), 409, "duplicate");
  }

  @Test
  public void aMoveInWithWrongValuesIsRefusedByField() {
    long room = room();
    long p = person("Contract Li " + unique(), mobile());
    Answer a = moveIn(p, room, "tenant", 30, null);
    assertProblem(a, 422, "validation-failed");
    assertEquals(List.of("sharePercent", "moveIn"), fields(a));
    Answer b = moveIn(p, 987654321L, "king", null, "2024-03-01");
    assertProblem(b, 422, "validation-failed");
    assertEquals(List.of("role", "roomId"), fields(b));
  }

  @Test
  public void aMoveOutEndsTheOccupancyWhichThenIsHistoryOnly() {
    long room = room();
    long p = person("Contract Zhao " + unique(), mobile());
    long occupancy = moveIn(p, room, "tenant", null, "2024-03-01").body().path("id").asLong();

    Answer early =
        send(
            "POST",
            "residents/occupancies/" + occupancy + "/end",
            Map.of("moveOut", "2024-02-01"),
            admin);
    assertProblem(early, 422, "validation-failed");
    assertEquals(List.of("moveOut"), fields(early));

    Answer ended =
        send(
            "POST",
            "residents/occupancies/" + occupancy + "/end",
            Map.of("moveOut", "2025-06-30"),
            admin);
    assertEquals(describe(ended), 200, ended.status());
    assertEquals("2025-06-30", ended.body().path("moveOut").asText());
    assertProblem(
        send(
            "POST",
            "residents/occupancies/" + occupancy + "/end",
            Map.of("moveOut", "2025-07-01"),
            admin),
        409,
        "already-ended");

    assertEquals(
        List.of(), ids(send("GET", "residents/persons/" + p + "/occupancies", null, admin)));
    assertEquals(
        List.of(occupancy),
        ids(send("GET", "residents/persons/" + p + "/occupancies?history=true", null, admin)));
    assertEquals(List.of(), ids(send("GET", "residents/persons?roomId=" + room, null, admin)));
  }

  @Test
  public void occupiedRoomsAreTheRoomsWithSomeoneInThemNowWithTheirLabels() {
    long room = room();
    JsonNode where = send("GET", "estate/rooms/" + room, null, admin).body();
    long estate = where.path("estateId").asLong();
    String rooms = "residents/occupied-rooms?estateId=" + estate;
    assertEquals(List.of(), roomIds(send("GET", rooms, null, admin)));

    long chen = person("Contract Chen " + unique(), mobile());
    Answer owns = moveIn(chen, room, "owner", null, "2024-03-01");
    assertEquals(describe(owns), 201, owns.status());
    String label = owns.body().path("roomLabel").asText();
    assertTrue(describe(owns), label.startsWith("R") && label.endsWith("/B1/U1/101"));
    assertEquals(estate, owns.body().path("estateId").asLong());
    assertEquals(where.path("buildingId").asLong(), owns.body().path("buildingId").asLong());
    Answer lives = moveIn(chen, room, "occupant", null, "2024-03-01");
    assertEquals(describe(lives), 201, lives.status());
    JsonNode listed =
        send("GET", "residents/persons/" + chen + "/occupancies", null, admin)
            .body()
            .path("items")
            .get(0);
    assertEquals(label, listed.path("roomLabel").asText());

    Answer occupied = send("GET", rooms, null, admin);
    assertEquals(List.of(room), roomIds(occupied));
    JsonNode r = occupied.body().path("items").get(0);
    assertEquals(label, r.path("label").asText());
    assertEquals("owner and occupant: one person", 1, r.path("occupants").asLong());
    assertEquals(
        List.of(room),
        roomIds(
            send(
                "GET",
                "residents/occupied-rooms?buildingId=" + where.path("buildingId").asLong(),
                null,
                admin)));

    for (Answer o : List.of(owns, lives)) {
      send(
          "POST",
          "residents/occupancies/" + o.body().path("id").asLong() + "/end",
          Map.of("moveOut", "2025-06-30"),
          admin);
    }
    assertEquals(List.of(), roomIds(send("GET", rooms, null, admin)));
    assertProblem(
        send("GET", "residents/occupied-rooms?estateId=x", null, admin), 400, "invalid-parameter");
  }

  private List<Long> roomIds(Answer page) {
    assertPage(page);
    List<Long> ids = new ArrayList<>();
    page.body().path("items").forEach(i -> ids.add(i.path("roomId").asLong()));
    return ids;
  }

  @Test
  public void vehiclesAreCurrentOrWithHistoryTheRemovedOnesToo() {
    long p = person("Contract Sun " + unique(), mobile());
    long kept = create("residents/vehicles", Map.of("personId", p, "plate", "粤B12345"));
    long gone = create("residents/vehicles", Map.of("personId", p, "plate", "粤B67890"));
    assertEquals(204, send("DELETE", "residents/vehicles/" + gone, null, admin).status());

    Answer current = send("GET", "residents/persons/" + p + "/vehicles", null, admin);
    assertEquals(List.of(kept), ids(current));
    JsonNode v = current.body().path("items").get(0);
    assertEquals("粤B12345", v.path("plate").asText());
    assertEquals(p, v.path("personId").asLong());
    assertFalse(v.path("createdAt").asText().isBlank());
    assertTrue(v.path("removedAt").isNull());
    Answer all = send("GET", "residents/persons/" + p + "/vehicles?history=true", null, admin);
    assertEquals(List.of(kept, gone), ids(all));
    assertFalse(all.body().path("items").get(1).path("removedAt").isNull());
  }

  @Test
  public void staffWhoMayOnlyReadCannotMoveAnyoneIn() {
    long room = room();
    long p = person("Contract Qian " + unique(), mobile());
    String cashier = accessToken(target().newStaff("cashier"));
    assertPage(send("GET", "residents/persons", null, cashier));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("personId", p);
    body.put("roomId", room);
    body.put("role", "tenant");
    body.put("moveIn", "2024-03-01");
    assertProblem(send("POST", "residents/occupancies", body, cashier), 403, "permission-denied");
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
