package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.courtyard.admin.api.StaffMe;

/**
 * The residents module of {@link FakeTenantApi}: persons, occupancies and vehicles under {@code
 * /api/v1/residents} with the platform's paths and JSON shapes: the search ({@code q} against name,
 * the phone's last digits and current plates; {@code roomId} for a room's current occupants) with
 * masked phone and identity numbers, a person in full, their occupancies and vehicles (current, or
 * with {@code history=true} all), move-in with 422 field errors, 409 {@code duplicate} and {@code
 * share-exceeded}, move-out with 409 {@code already-ended}, and the occupied rooms ({@code
 * occupied-rooms}, with {@code estateId} and {@code buildingId}); occupancies and occupied rooms
 * carry the room's label as estate makes it. Rooms are the {@link FakeEstateArea}'s; scope is by
 * the room's estate and building, as on the platform. {@code ResidentsContract} states what the
 * console relies on and runs against this and the platform.
 */
public final class FakeResidentsArea implements FakeArea {

  private static final List<String> ROLES = List.of("owner", "occupant", "tenant", "family");
  private static final List<String> ID_TYPES = List.of("resident_id", "passport", "other");

  private final Map<Long, Map<String, Object>> persons = new TreeMap<>();
  private final Map<Long, Long> createdBy = new TreeMap<>();
  private final Map<Long, Map<String, Object>> occupancies = new TreeMap<>();
  private final Map<Long, Map<String, Object>> vehicles = new TreeMap<>();
  private FakeEstateArea estate;
  private long nextId = 1;

  @Override
  public String module() {
    return "residents";
  }

  @Override
  public List<String> permissions() {
    return List.of(
        "residents.person.read",
        "residents.person.create",
        "residents.person.update",
        "residents.person.delete",
        "residents.occupancy.read",
        "residents.occupancy.create",
        "residents.occupancy.end",
        "residents.vehicle.read",
        "residents.vehicle.create",
        "residents.vehicle.delete");
  }

  @Override
  public void started(FakeTenantApi fake) {
    estate = fake.area(FakeEstateArea.class);
  }

  // ------------------------------------------------------------------------------ seeding

  /** Seeds a person; {@code phone} as 11 Chinese mobile digits. */
  public synchronized long person(String fullName, String phone) {
    long id = nextId++;
    persons.put(id, personRow(id, fullName, "+86" + phone, null, null, null, null));
    createdBy.put(id, 0L);
    return id;
  }

  public synchronized long occupancy(
      long personId, long roomId, String role, String share, String moveIn, String moveOut) {
    long id = nextId++;
    occupancies.put(
        id,
        occupancyRow(
            id,
            personId,
            roomId,
            role,
            share == null ? null : new BigDecimal(share),
            LocalDate.parse(moveIn)));
    if (moveOut != null) {
      occupancies.get(id).put("moveOut", moveOut);
    }
    return id;
  }

  public synchronized long vehicle(long personId, String plate, String color, boolean removed) {
    long id = nextId++;
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", id);
    v.put("personId", personId);
    v.put("plate", plate);
    v.put("color", color);
    v.put("createdAt", "2024-03-01T08:00:00Z");
    v.put("removedAt", removed ? "2025-01-10T08:00:00Z" : null);
    vehicles.put(id, v);
    return id;
  }

  /** The occupancies of a person as stored, for tests to look at. */
  public synchronized List<Map<String, Object>> occupanciesOf(long personId) {
    return occupancies.values().stream()
        .filter(o -> o.get("personId").equals(personId))
        .map(LinkedHashMap::new)
        .map(m -> (Map<String, Object>) m)
        .toList();
  }

  // ------------------------------------------------------------------------------ serving

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    try {
      return route(r);
    } catch (FakeEstateArea.FakeAnswer answer) {
      return answer.response;
    }
  }

  private FakeResponse route(FakeRequest r) {
    String[] p = r.path().split("/");
    Long id = p.length > 1 ? parseId(p[1]) : null;
    if (p.length > 1 && id == null) {
      return null;
    }
    String m = r.method();
    if (p[0].equals("persons")) {
      if (p.length == 1) {
        return m.equals("GET") ? listPersons(r) : m.equals("POST") ? createPerson(r) : null;
      }
      if (p.length == 2 && m.equals("GET")) {
        r.require("residents.person.read");
        return FakeResponse.json(readablePerson(r, "residents.person.read", id));
      }
      if (p.length == 3 && m.equals("GET") && p[2].equals("occupancies")) {
        return personOccupancies(r, id);
      }
      if (p.length == 3 && m.equals("GET") && p[2].equals("vehicles")) {
        return personVehicles(r, id);
      }
    }
    if (p[0].equals("vehicles")) {
      if (p.length == 1 && m.equals("POST")) {
        return createVehicle(r);
      }
      if (p.length == 2 && m.equals("DELETE")) {
        return removeVehicle(r, id);
      }
    }
    if (p[0].equals("occupied-rooms") && p.length == 1 && m.equals("GET")) {
      return occupiedRooms(r);
    }
    if (p[0].equals("occupancies")) {
      if (p.length == 1 && m.equals("POST")) {
        return createOccupancy(r);
      }
      if (p.length == 3 && m.equals("POST") && p[2].equals("end")) {
        return endOccupancy(r, id);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------- persons

  private FakeResponse listPersons(FakeRequest r) {
    r.require("residents.person.read");
    String q = r.query("q");
    Long roomId = null;
    String room = r.query("roomId");
    if (room != null && !room.isBlank()) {
      roomId = parseId(room.strip());
      if (roomId == null) {
        throw new FakeProblem(
            400, "invalid-parameter", "Invalid query parameter", "roomId must be a whole number.");
      }
    }
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Object> person : persons.values()) {
      long id = (long) person.get("id");
      if (!inScope(r, "residents.person.read", id)) {
        continue;
      }
      if (q != null && !q.isBlank() && !matches(person, q.strip())) {
        continue;
      }
      Long inRoom = roomId;
      if (inRoom != null
          && occupancies.values().stream()
              .noneMatch(
                  o ->
                      o.get("personId").equals(id)
                          && o.get("roomId").equals(inRoom)
                          && o.get("moveOut") == null)) {
        continue;
      }
      shown.add(summary(person));
    }
    return FakeResponse.page(shown, r);
  }

  /** Name anywhere (any case), the phone's last 4+ digits, or a current plate containing it. */
  private boolean matches(Map<String, Object> person, String q) {
    if (person
        .get("fullName")
        .toString()
        .toLowerCase(Locale.ROOT)
        .contains(q.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String digits = q.replaceAll("[\\s-]", "");
    if (digits.matches("\\+?[0-9]{4,}")
        && person.get("phone").toString().endsWith(digits.replace("+", ""))) {
      return true;
    }
    String plate = q.toUpperCase(Locale.ROOT).replaceAll("[\\s·.-]", "");
    return !plate.isEmpty()
        && vehicles.values().stream()
            .anyMatch(
                v ->
                    v.get("personId").equals(person.get("id"))
                        && v.get("removedAt") == null
                        && v.get("plate").toString().contains(plate));
  }

  private FakeResponse createPerson(FakeRequest r) {
    r.require("residents.person.create");
    JsonNode in = body(r);
    List<Map<String, Object>> errors = new ArrayList<>();
    String name = text(in, "fullName");
    if (name == null) {
      error(errors, "fullName", "is required");
    } else if (name.length() > 100) {
      error(errors, "fullName", "must be at most 100 characters (got " + name.length() + ")");
    }
    String phone = phone(text(in, "phone"), errors);
    String idNumber = text(in, "idNumber");
    String idType = text(in, "idType");
    if (idType != null && !ID_TYPES.contains(idType)) {
      error(
          errors,
          "idType",
          "must be one of " + String.join(", ", ID_TYPES) + " (got \"" + idType + "\")");
    }
    if (idNumber != null && idType == null) {
      idType = "resident_id";
    }
    String email = text(in, "email");
    if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      error(
          errors,
          "email",
          "is not an e-mail address such as name@example.com (got \"" + email + "\")");
    }
    throwIfAny(errors);
    long id = nextId++;
    persons.put(id, personRow(id, name, phone, idType, idNumber, email, text(in, "note")));
    createdBy.put(id, r.caller().userId());
    return FakeResponse.json(201, persons.get(id));
  }

  private static String phone(String raw, List<Map<String, Object>> errors) {
    if (raw == null) {
      error(errors, "phone", "is required");
      return null;
    }
    String digits = raw.replaceAll("[\\s()-]", "");
    if (digits.matches("1[3-9][0-9]{9}")) {
      return "+86" + digits;
    }
    if (digits.matches("\\+[1-9][0-9]{7,14}")) {
      return digits;
    }
    error(
        errors,
        "phone",
        "is not a phone number: use a Chinese number such as 138 1234 5678 or 0755-1234 5678, or"
            + " + and the country code followed by the number, 8 to 15 digits (got \""
            + raw
            + "\")");
    return null;
  }

  private Map<String, Object> readablePerson(FakeRequest r, String permission, long id) {
    Map<String, Object> person = persons.get(id);
    if (person == null || !inScope(r, permission, id)) {
      throw new FakeProblem(404, "not-found", "Not found", "Person " + id + " not found.");
    }
    return person;
  }

  private FakeResponse personOccupancies(FakeRequest r, long personId) {
    r.require("residents.occupancy.read");
    readablePerson(r, "residents.occupancy.read", personId);
    boolean history = "true".equals(r.query("history"));
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Object> o : occupancies.values()) {
      if (o.get("personId").equals(personId)
          && (history || o.get("moveOut") == null)
          && roomInScope(r, "residents.occupancy.read", (long) o.get("roomId"))) {
        shown.add(occupancyView(o));
      }
    }
    return FakeResponse.page(shown, r);
  }

  private FakeResponse personVehicles(FakeRequest r, long personId) {
    r.require("residents.vehicle.read");
    readablePerson(r, "residents.vehicle.read", personId);
    boolean history = "true".equals(r.query("history"));
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Object> v : vehicles.values()) {
      if (v.get("personId").equals(personId) && (history || v.get("removedAt") == null)) {
        shown.add(v);
      }
    }
    return FakeResponse.page(shown, r);
  }

  // --------------------------------------------------------------------------- vehicles

  private FakeResponse createVehicle(FakeRequest r) {
    r.require("residents.vehicle.create");
    JsonNode in = body(r);
    List<Map<String, Object>> errors = new ArrayList<>();
    Long personId = longValue(in, "personId", errors);
    String raw = text(in, "plate");
    String plate = raw == null ? null : raw.toUpperCase(Locale.ROOT).replaceAll("[\\s·.-]", "");
    if (plate == null || plate.isEmpty()) {
      error(errors, "plate", "is required");
    }
    if (personId != null
        && (!persons.containsKey(personId) || !inScope(r, "residents.vehicle.create", personId))) {
      error(errors, "personId", "no person " + personId + " exists");
    }
    throwIfAny(errors);
    long id = nextId++;
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", id);
    v.put("personId", personId);
    v.put("plate", plate);
    v.put("color", text(in, "color"));
    v.put("createdAt", Instant.now().toString());
    v.put("removedAt", null);
    vehicles.put(id, v);
    return FakeResponse.json(201, v);
  }

  private FakeResponse removeVehicle(FakeRequest r, long id) {
    r.require("residents.vehicle.delete");
    Map<String, Object> v = vehicles.get(id);
    if (v == null || !inScope(r, "residents.vehicle.delete", (long) v.get("personId"))) {
      throw new FakeProblem(404, "not-found", "Not found", "Vehicle " + id + " not found.");
    }
    if (v.get("removedAt") != null) {
      throw new FakeProblem(
          409, "already-removed", "Already removed", "Vehicle " + id + " was removed already.");
    }
    v.put("removedAt", Instant.now().toString());
    return FakeResponse.noContent();
  }

  // ------------------------------------------------------------------------ occupancies

  private FakeResponse createOccupancy(FakeRequest r) {
    r.require("residents.occupancy.create");
    JsonNode in = body(r);
    List<Map<String, Object>> errors = new ArrayList<>();
    Long personId = longValue(in, "personId", errors);
    Long roomId = longValue(in, "roomId", errors);
    String role = text(in, "role");
    if (role == null) {
      error(errors, "role", "is required");
    } else if (!ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      error(
          errors, "role", "must be one of " + String.join(", ", ROLES) + " (got \"" + role + "\")");
      role = null;
    } else {
      role = role.toLowerCase(Locale.ROOT);
    }
    BigDecimal share = share(in, role, errors);
    LocalDate moveIn = date(in, "moveIn", errors);
    if (roomId != null
        && (estate.roomById(roomId) == null
            || !roomInScope(r, "residents.occupancy.create", roomId))) {
      error(errors, "roomId", "no room " + roomId + " exists");
    }
    if (personId != null
        && (!persons.containsKey(personId)
            || !inScope(r, "residents.occupancy.create", personId))) {
      error(errors, "personId", "no person " + personId + " exists");
    }
    throwIfAny(errors);
    String wanted = role;
    if (occupancies.values().stream()
        .anyMatch(
            o ->
                o.get("personId").equals(personId)
                    && o.get("roomId").equals(roomId)
                    && o.get("role").equals(wanted)
                    && o.get("moveOut") == null)) {
      throw new FakeProblem(
          409,
          "duplicate",
          "Already exists",
          "Person "
              + personId
              + " already is a current "
              + role
              + " of room "
              + roomId
              + "; end that occupancy first to record a new one.");
    }
    if (share != null) {
      BigDecimal total =
          occupancies.values().stream()
              .filter(
                  o ->
                      o.get("roomId").equals(roomId)
                          && o.get("moveOut") == null
                          && o.get("sharePercent") != null)
              .map(o -> (BigDecimal) o.get("sharePercent"))
              .reduce(BigDecimal.ZERO, BigDecimal::add)
              .setScale(2, RoundingMode.UNNECESSARY);
      if (total.add(share).compareTo(new BigDecimal("100")) > 0) {
        BigDecimal available = new BigDecimal("100.00").subtract(total);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("roomId", roomId);
        extensions.put("currentTotal", total);
        extensions.put("requested", share);
        extensions.put("available", available);
        throw new FakeEstateArea.FakeAnswer(
            FakeEstateArea.problem(
                409,
                "share-exceeded",
                "Shares exceed 100%",
                "The current owners of room "
                    + roomId
                    + " hold "
                    + total.toPlainString()
                    + "% between them; "
                    + share.toPlainString()
                    + "% more would exceed 100%, at most "
                    + available.toPlainString()
                    + "% is left. End the occupancy of an owner who sold first.",
                extensions));
      }
    }
    long id = nextId++;
    occupancies.put(id, occupancyRow(id, personId, roomId, role, share, moveIn));
    return FakeResponse.json(201, occupancyView(occupancies.get(id)));
  }

  private FakeResponse endOccupancy(FakeRequest r, long id) {
    r.require("residents.occupancy.end");
    Map<String, Object> o = occupancies.get(id);
    if (o == null || !roomInScope(r, "residents.occupancy.end", (long) o.get("roomId"))) {
      throw new FakeProblem(404, "not-found", "Not found", "Occupancy " + id + " not found.");
    }
    JsonNode in = body(r);
    List<Map<String, Object>> errors = new ArrayList<>();
    LocalDate moveOut = date(in, "moveOut", errors);
    throwIfAny(errors);
    if (o.get("moveOut") != null) {
      throw new FakeProblem(
          409,
          "already-ended",
          "Already ended",
          "Occupancy "
              + id
              + " already ended on "
              + o.get("moveOut")
              + ". Ended occupancies are not changed; to correct one, record a new occupancy.");
    }
    LocalDate moveIn = LocalDate.parse(o.get("moveIn").toString());
    if (moveOut.isBefore(moveIn)) {
      error(
          errors,
          "moveOut",
          "must be on or after the move-in date " + moveIn + " (got " + moveOut + ")");
      throwIfAny(errors);
    }
    o.put("moveOut", moveOut.toString());
    return FakeResponse.json(occupancyView(o));
  }

  /**
   * The rooms with a current occupancy in the caller's scope, in room id order, of one estate or
   * building if asked, each with its label and its current occupants counted once.
   */
  private FakeResponse occupiedRooms(FakeRequest r) {
    r.require("residents.occupancy.read");
    Long estateId = positiveId(r, "estateId");
    Long buildingId = positiveId(r, "buildingId");
    Map<Long, java.util.Set<Long>> occupants = new TreeMap<>();
    for (Map<String, Object> o : occupancies.values()) {
      long roomId = (long) o.get("roomId");
      Map<String, Object> room = estate.roomById(roomId);
      if (o.get("moveOut") != null
          || !roomInScope(r, "residents.occupancy.read", roomId)
          || (estateId != null && (room == null || !estateId.equals(room.get("estateId"))))
          || (buildingId != null && (room == null || !buildingId.equals(room.get("buildingId"))))) {
        continue;
      }
      occupants
          .computeIfAbsent(roomId, k -> new java.util.TreeSet<>())
          .add((Long) o.get("personId"));
    }
    List<Map<String, Object>> shown = new ArrayList<>();
    occupants.forEach(
        (roomId, persons) -> {
          Map<String, Object> room = estate.roomById(roomId);
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("roomId", roomId);
          v.put("label", estate.roomLabel(roomId));
          v.put("estateId", room == null ? null : room.get("estateId"));
          v.put("buildingId", room == null ? null : room.get("buildingId"));
          v.put("occupants", (long) persons.size());
          shown.add(v);
        });
    return FakeResponse.page(shown, r);
  }

  private static Long positiveId(FakeRequest r, String name) {
    String v = r.query(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    Long id = parseId(v.strip());
    if (id == null || id <= 0) {
      throw new FakeProblem(
          400,
          "invalid-parameter",
          "Invalid parameter",
          name + " must be a positive whole number.");
    }
    return id;
  }

  // ------------------------------------------------------------------------------ scope

  /** A person is in scope with an occupancy in scope, or none at all and recorded by the caller. */
  private boolean inScope(FakeRequest r, String permission, long personId) {
    StaffMe.Held held = r.caller().me().scopeOf(permission).orElse(null);
    if (held == null) {
      return false;
    }
    if (held.companyWide()) {
      return true;
    }
    List<Map<String, Object>> its =
        occupancies.values().stream().filter(o -> o.get("personId").equals(personId)).toList();
    if (its.isEmpty()) {
      return createdBy.getOrDefault(personId, -1L) == r.caller().userId();
    }
    return its.stream().anyMatch(o -> roomInScope(r, permission, (long) o.get("roomId")));
  }

  private boolean roomInScope(FakeRequest r, String permission, long roomId) {
    Map<String, Object> room = estate.roomById(roomId);
    StaffMe.Held held = r.caller().me().scopeOf(permission).orElse(null);
    if (held == null) {
      return false;
    }
    if (held.companyWide()) {
      return true;
    }
    return room != null
        && (held.estates().contains((Long) room.get("estateId"))
            || held.buildings().contains((Long) room.get("buildingId")));
  }

  // ------------------------------------------------------------------------------ rows

  private static Map<String, Object> personRow(
      long id,
      String fullName,
      String phone,
      String idType,
      String idNumber,
      String email,
      String note) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("fullName", fullName);
    m.put("phone", phone);
    m.put("idType", idType);
    m.put("idNumber", idNumber);
    m.put("email", email);
    m.put("note", note);
    m.put("createdAt", Instant.now().toString());
    m.put("updatedAt", Instant.now().toString());
    m.put("version", 0);
    return m;
  }

  /** As lists show a person: phone and identity number masked, no note. */
  private static Map<String, Object> summary(Map<String, Object> person) {
    Map<String, Object> m = new LinkedHashMap<>(person);
    m.remove("note");
    String phone = (String) person.get("phone");
    if (phone != null && phone.startsWith("+86") && phone.length() == 14) {
      m.put("phone", "+86 " + phone.substring(3, 6) + "****" + phone.substring(10));
    } else if (phone != null) {
      m.put(
          "phone",
          phone.substring(0, 4)
              + "*".repeat(phone.length() - 8)
              + phone.substring(phone.length() - 4));
    }
    String idNumber = (String) person.get("idNumber");
    if (idNumber != null) {
      int keep = Math.min(4, idNumber.length() / 4);
      m.put(
          "idNumber",
          idNumber.substring(0, keep)
              + "*".repeat(idNumber.length() - 2 * keep)
              + idNumber.substring(idNumber.length() - keep));
    }
    return m;
  }

  private Map<String, Object> occupancyRow(
      long id, long personId, long roomId, String role, BigDecimal share, LocalDate moveIn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("personId", personId);
    m.put("personName", persons.get(personId).get("fullName"));
    m.put("roomId", roomId);
    m.put("role", role);
    m.put("sharePercent", share == null ? null : share.setScale(2, RoundingMode.UNNECESSARY));
    m.put("moveIn", moveIn.toString());
    m.put("moveOut", null);
    m.put("createdAt", Instant.now().toString());
    return m;
  }

  /**
   * An occupancy as the platform answers it: the stored row with the room's label as estate has it
   * now, and where the room is.
   */
  private Map<String, Object> occupancyView(Map<String, Object> o) {
    long roomId = (long) o.get("roomId");
    Map<String, Object> room = estate.roomById(roomId);
    Map<String, Object> v = new LinkedHashMap<>();
    o.forEach(
        (k, value) -> {
          v.put(k, value);
          if (k.equals("roomId")) {
            v.put("roomLabel", estate.roomLabel(roomId));
            v.put("estateId", room == null ? null : room.get("estateId"));
            v.put("buildingId", room == null ? null : room.get("buildingId"));
          }
        });
    return v;
  }

  // ------------------------------------------------------------------------------ rules

  private static void error(List<Map<String, Object>> errors, String field, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("message", message);
    errors.add(e);
  }

  private static void throwIfAny(List<Map<String, Object>> errors) {
    if (errors.isEmpty()) {
      return;
    }
    StringBuilder detail = new StringBuilder();
    for (Map<String, Object> e : errors) {
      detail.append(detail.length() == 0 ? "" : "; ").append(e.get("field")).append(' ');
      detail.append(e.get("message"));
    }
    throw new FakeEstateArea.FakeAnswer(
        FakeEstateArea.problem(
            422,
            "validation-failed",
            "Invalid input",
            detail + ".",
            Map.of("errors", List.copyOf(errors))));
  }

  private static BigDecimal share(JsonNode in, String role, List<Map<String, Object>> errors) {
    JsonNode v = in.path("sharePercent");
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (role != null && !role.equals("owner")) {
      error(errors, "sharePercent", "is only for owners; leave it out for role " + role);
      return null;
    }
    BigDecimal share = v.decimalValue();
    if (share.signum() <= 0 || share.compareTo(new BigDecimal("100")) > 0) {
      error(
          errors,
          "sharePercent",
          "must be more than 0 and at most 100 (got " + share.toPlainString() + ")");
      return null;
    }
    if (share.stripTrailingZeros().scale() > 2) {
      error(
          errors,
          "sharePercent",
          "must have at most 2 decimal places (got " + share.toPlainString() + ")");
      return null;
    }
    return share.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static LocalDate date(JsonNode in, String field, List<Map<String, Object>> errors) {
    String v = text(in, field);
    if (v == null) {
      error(errors, field, "is required");
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new FakeProblem(
          400, "invalid-json", "Invalid JSON", field + " must be a date such as 2024-03-01.");
    }
  }

  private static Long longValue(JsonNode in, String field, List<Map<String, Object>> errors) {
    JsonNode v = in.path(field);
    if (v.isMissingNode() || v.isNull()) {
      error(errors, field, "is required");
      return null;
    }
    return v.asLong();
  }

  private static String text(JsonNode in, String field) {
    JsonNode v = in.path(field);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  private static JsonNode body(FakeRequest r) {
    JsonNode in = r.body();
    if (!in.isObject()) {
      throw new FakeProblem(
          400,
          "missing-body",
          "Missing body",
          "Send the record as a JSON object in the request body.");
    }
    return in;
  }

  private static Long parseId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
