package org.courtyard.admin.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.courtyard.admin.api.StaffMe;

/**
 * The estate module of {@link FakeTenantApi}: estates, buildings, units and rooms under {@code
 * /api/v1/estate} with the platform's paths, JSON shapes, cursor pages, data scope (rows outside it
 * answer 404 as if they did not exist), 422 {@code validation-failed} field errors, 409 {@code
 * duplicate} and {@code stale-version}, the estate tree with room counts and the all-or-nothing CSV
 * import of a building's rooms (422 {@code import-rejected} with {@code errors: [{line, column,
 * message}]} and {@code errorCount}). {@code EstateContract} states what the console relies on and
 * runs against this and the real platform.
 */
public final class FakeEstateArea implements FakeArea {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]+");
  private static final List<String> TYPES =
      List.of("residential", "commercial", "parking", "storage");
  private static final List<String> STATUSES =
      List.of("vacant", "occupied", "rented", "renovating");
  private static final List<String> COLUMNS =
      List.of("unit", "number", "floor", "area", "type", "status");
  static final int MAX_REPORTED_ERRORS = 200;

  private final Map<Long, Map<String, Object>> estates = new TreeMap<>();
  private final Map<Long, Map<String, Object>> buildings = new TreeMap<>();
  private final Map<Long, Map<String, Object>> units = new TreeMap<>();
  private final Map<Long, Map<String, Object>> rooms = new TreeMap<>();
  private long nextId = 1;

  @Override
  public String module() {
    return "estate";
  }

  @Override
  public List<String> permissions() {
    List<String> all = new ArrayList<>();
    for (String kind : List.of("estate", "building", "unit", "room")) {
      for (String action : List.of("read", "create", "update", "delete")) {
        all.add("estate." + kind + "." + action);
      }
    }
    all.add("estate.room.import");
    return all;
  }

  // ------------------------------------------------------------------------------ seeding

  /** Whether an estate exists (for areas whose rows belong to one, such as parking lots). */
  public synchronized boolean hasEstate(long id) {
    return estates.containsKey(id);
  }

  /** Seeds an estate; answers its id (ids count up from 1 across estates, buildings, ...). */
  public synchronized long estate(String code, String name) {
    return put(estates, estateRow(code, name, null));
  }

  public synchronized long building(long estateId, String code, String name) {
    return put(buildings, buildingRow(estateId, code, name, null));
  }

  public synchronized long unit(long buildingId, String code) {
    return put(units, unitRow(buildingId, code, code));
  }

  public synchronized long room(long unitId, String number, int floor, String area, String type) {
    return put(rooms, roomRow(unitId, number, floor, new BigDecimal(area), type, "vacant"));
  }

  /**
   * Seeds a room with the ids other areas' fakes already use for it (billing's rooms 101, 102 in
   * estate 1 ...), with its estate, building and unit made as needed under those ids; the ids the
   * fake hands out afterwards are larger.
   */
  public synchronized long placedRoom(
      long estateId,
      String estateCode,
      long buildingId,
      String buildingCode,
      long unitId,
      String unitCode,
      long roomId,
      String number) {
    if (!estates.containsKey(estateId)) {
      putAt(estates, estateId, estateRow(estateCode, estateCode, null));
    }
    if (!buildings.containsKey(buildingId)) {
      putAt(buildings, buildingId, buildingRow(estateId, buildingCode, buildingCode, null));
    }
    if (!units.containsKey(unitId)) {
      putAt(units, unitId, unitRow(buildingId, unitCode, unitCode));
    }
    putAt(rooms, roomId, roomRow(unitId, number, 1, new BigDecimal("80"), "residential", "vacant"));
    return roomId;
  }

  /** A stored room as JSON members, for tests to look at. */
  public synchronized Map<String, Object> roomNamed(String number) {
    return rooms.values().stream()
        .filter(r -> r.get("number").equals(number))
        .findFirst()
        .map(LinkedHashMap::new)
        .orElse(null);
  }

  /** A room by id as JSON members (a copy), or null: what the residents fake checks rooms with. */
  public synchronized Map<String, Object> roomById(long id) {
    Map<String, Object> room = rooms.get(id);
    return room == null ? null : new LinkedHashMap<>(room);
  }

  /**
   * A room's label as the platform's {@code EstateDirectory} makes it, from the codes as they are
   * now: estate, building and unit code and room number, {@code E1/B1/U1/101}; null for no room.
   */
  public synchronized String roomLabel(long id) {
    Map<String, Object> room = rooms.get(id);
    if (room == null) {
      return null;
    }
    Map<String, Object> building = buildings.get((Long) room.get("buildingId"));
    return estates.get((Long) building.get("estateId")).get("code")
        + "/"
        + building.get("code")
        + "/"
        + units.get((Long) room.get("unitId")).get("code")
        + "/"
        + room.get("number");
  }

  public synchronized int roomCount() {
    return rooms.size();
  }

  /** Someone else changed the estate meanwhile: its version goes up. */
  public synchronized void touchEstate(long id) {
    Map<String, Object> e = estates.get(id);
    e.put("version", (int) e.get("version") + 1);
  }

  // ------------------------------------------------------------------------------ serving

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    try {
      return route(r);
    } catch (FakeAnswer answer) {
      return answer.response;
    }
  }

  private FakeResponse route(FakeRequest r) {
    String[] p = r.path().split("/");
    String collection = p[0];
    Long id = p.length > 1 ? parseId(p[1]) : null;
    if (p.length > 1 && id == null) {
      return null;
    }
    switch (collection) {
      case "estates" -> {
        if (p.length == 1) {
          return r.method().equals("GET") ? listEstates(r) : is(r, "POST", () -> createEstate(r));
        }
        if (p.length == 3 && p[2].equals("tree") && r.method().equals("GET")) {
          return tree(r, id);
        }
        if (p.length == 2) {
          return r.method().equals("GET")
              ? FakeResponse.json(readable(r, "estate.estate.read", estates, id, "Estate"))
              : is(r, "PUT", () -> updateEstate(r, id));
        }
      }
      case "buildings" -> {
        if (p.length == 1) {
          return r.method().equals("GET")
              ? list(r, "estate.building.read", buildings, filter(r, "estateId"))
              : is(r, "POST", () -> createBuilding(r));
        }
        if (p.length == 4 && p[2].equals("rooms") && p[3].equals("import")) {
          return is(r, "POST", () -> importRooms(r, id));
        }
        if (p.length == 2) {
          return r.method().equals("GET")
              ? FakeResponse.json(readable(r, "estate.building.read", buildings, id, "Building"))
              : is(r, "PUT", () -> updateBuilding(r, id));
        }
      }
      case "units" -> {
        if (p.length == 1) {
          return r.method().equals("GET")
              ? list(r, "estate.unit.read", units, filter(r, "buildingId"))
              : is(r, "POST", () -> createUnit(r));
        }
        if (p.length == 2) {
          return r.method().equals("GET")
              ? FakeResponse.json(readable(r, "estate.unit.read", units, id, "Unit"))
              : is(r, "PUT", () -> updateUnit(r, id));
        }
      }
      case "rooms" -> {
        if (p.length == 1) {
          return r.method().equals("GET") ? listRooms(r) : is(r, "POST", () -> createRoom(r));
        }
        if (p.length == 2) {
          return r.method().equals("GET")
              ? FakeResponse.json(readable(r, "estate.room.read", rooms, id, "Room"))
              : is(r, "PUT", () -> updateRoom(r, id));
        }
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  private interface Answer {
    FakeResponse get();
  }

  private static FakeResponse is(FakeRequest r, String method, Answer answer) {
    return r.method().equals(method) ? answer.get() : null;
  }

  // ---------------------------------------------------------------------------- estates

  private FakeResponse listEstates(FakeRequest r) {
    r.require("estate.estate.read");
    StaffMe.Held held = held(r, "estate.estate.read");
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Object> e : estates.values()) {
      long id = (long) e.get("id");
      if (held.companyWide()
          || held.estates().contains(id)
          || buildings.values().stream()
              .anyMatch(
                  b -> (long) b.get("estateId") == id && held.buildings().contains(b.get("id")))) {
        shown.add(e);
      }
    }
    return FakeResponse.page(shown, r);
  }

  private FakeResponse createEstate(FakeRequest r) {
    r.require("estate.estate.create");
    if (!held(r, "estate.estate.create").companyWide()) {
      throw new FakeProblem(
          403,
          "outside-scope",
          "Outside your scope",
          "Creating an estate needs the permission granted for the whole company.");
    }
    JsonNode in = body(r);
    Errors errors = new Errors();
    String code = code(in, "code", errors);
    String name = line(in, "name", 100, true, errors);
    String address = line(in, "address", 200, false, errors);
    errors.throwIfAny();
    if (taken(estates, Map.of(), "code", code, -1)) {
      throw duplicate("An estate with code '" + code + "' already exists.");
    }
    long id = put(estates, estateRow(code, name, address));
    return FakeResponse.json(201, estates.get(id));
  }

  private FakeResponse updateEstate(FakeRequest r, long id) {
    r.require("estate.estate.update");
    Map<String, Object> e = readable(r, "estate.estate.update", estates, id, "Estate");
    JsonNode in = body(r);
    Errors errors = new Errors();
    String code = code(in, "code", errors);
    String name = line(in, "name", 100, true, errors);
    String address = line(in, "address", 200, false, errors);
    Integer version = version(in, errors);
    errors.throwIfAny();
    stale(e, "Estate", id, version);
    if (taken(estates, Map.of(), "code", code, id)) {
      throw duplicate("An estate with code '" + code + "' already exists.");
    }
    e.put("code", code);
    e.put("name", name);
    e.put("address", address);
    changed(e);
    return FakeResponse.json(e);
  }

  private FakeResponse tree(FakeRequest r, long id) {
    r.require("estate.estate.read");
    Map<String, Object> estate = readable(r, "estate.estate.read", estates, id, "Estate");
    StaffMe.Held held = held(r, "estate.estate.read");
    boolean whole = held.companyWide() || held.estates().contains(id);
    List<Map<String, Object>> nodes = new ArrayList<>();
    long total = 0;
    for (Map<String, Object> b : sorted(buildings, "estateId", id)) {
      if (!whole && !held.buildings().contains(b.get("id"))) {
        continue;
      }
      List<Map<String, Object>> unitNodes = new ArrayList<>();
      long inBuilding = 0;
      for (Map<String, Object> u : sorted(units, "buildingId", (long) b.get("id"))) {
        long count =
            rooms.values().stream().filter(x -> x.get("unitId").equals(u.get("id"))).count();
        inBuilding += count;
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("unit", u);
        node.put("rooms", count);
        unitNodes.add(node);
      }
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("building", b);
      node.put("rooms", inBuilding);
      node.put("units", unitNodes);
      nodes.add(node);
      total += inBuilding;
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("estate", estate);
    tree.put("rooms", total);
    tree.put("buildings", nodes);
    return FakeResponse.json(tree);
  }

  // -------------------------------------------------------------------------- buildings

  private FakeResponse createBuilding(FakeRequest r) {
    r.require("estate.building.create");
    JsonNode in = body(r);
    Errors errors = new Errors();
    Long estateId = id(in, "estateId", errors);
    String code = code(in, "code", errors);
    String name = line(in, "name", 100, true, errors);
    Integer floors = range(in, "floors", 1, 200, false, errors);
    if (estateId != null && !inScope(r, "estate.building.create", estateId, -1)) {
      errors.add("estateId", "no estate " + estateId + " exists");
    }
    errors.throwIfAny();
    if (taken(buildings, Map.of("estateId", estateId), "code", code, -1)) {
      throw duplicate("Estate " + estateId + " already has a building with code '" + code + "'.");
    }
    long id = put(buildings, buildingRow(estateId, code, name, floors));
    return FakeResponse.json(201, buildings.get(id));
  }

  private FakeResponse updateBuilding(FakeRequest r, long id) {
    r.require("estate.building.update");
    Map<String, Object> b = readable(r, "estate.building.update", buildings, id, "Building");
    JsonNode in = body(r);
    Errors errors = new Errors();
    String code = code(in, "code", errors);
    String name = line(in, "name", 100, true, errors);
    Integer floors = range(in, "floors", 1, 200, false, errors);
    Integer version = version(in, errors);
    errors.throwIfAny();
    stale(b, "Building", id, version);
    if (taken(buildings, Map.of("estateId", b.get("estateId")), "code", code, id)) {
      throw duplicate(
          "Estate " + b.get("estateId") + " already has a building with code '" + code + "'.");
    }
    b.put("code", code);
    b.put("name", name);
    b.put("floors", floors);
    changed(b);
    return FakeResponse.json(b);
  }

  // ------------------------------------------------------------------------------ units

  private FakeResponse createUnit(FakeRequest r) {
    r.require("estate.unit.create");
    JsonNode in = body(r);
    Errors errors = new Errors();
    Long buildingId = id(in, "buildingId", errors);
    String code = code(in, "code", errors);
    String name = line(in, "name", 100, true, errors);
    Map<String, Object> b = buildingId == null ? null : buildings.get(buildingId);
    if (buildingId != null
        && (b == null || !inScope(r, "estate.unit.create", (long) b.get("estateId"), buildingId))) {
      errors.add("buildingId", "no building " + buildingId + " exists");
    }
    errors.throwIfAny();
    if (taken(units, Map.of("buildingId", buildingId), "code", code, -1)) {
      throw duplicate("Building " + buildingId + " already has a unit with code '" + code + "'.");
    }
    long id = put(units, unitRow(buildingId, code, name));
    return FakeResponse.json(201, units.get(id));
  }

  private FakeResponse updateUnit(FakeRequest r, long id) {
    r.require("estate.unit.update");
    Map<String, Object> u = readable(r, "estate.unit.update", units, id, "Unit");
    JsonNode in = body(r);
    Errors errors = new Errors();
    String code = code(in, "code", errors);
    String name = line(in, "name", 100, true, errors);
    Integer version = version(in, errors);
    errors.throwIfAny();
    stale(u, "Unit", id, version);
    if (taken(units, Map.of("buildingId", u.get("buildingId")), "code", code, id)) {
      throw duplicate(
          "Building " + u.get("buildingId") + " already has a unit with code '" + code + "'.");
    }
    u.put("code", code);
    u.put("name", name);
    changed(u);
    return FakeResponse.json(u);
  }

  // ------------------------------------------------------------------------------ rooms

  private FakeResponse listRooms(FakeRequest r) {
    r.require("estate.room.read");
    Long estateId = filterId(r, "estateId");
    Long unitId = filterId(r, "unitId");
    Long buildingId = filterId(r, "buildingId");
    // the platform's number filter: a prefix, letters compared without case
    String number = r.query("number") == null ? "" : r.query("number").strip();
    String type = r.query("type");
    String status = r.query("status");
    if (type != null && !type.isBlank() && !TYPES.contains(type.toLowerCase(Locale.ROOT))) {
      throw invalidParameter("type must be one of " + String.join(", ", TYPES) + ".");
    }
    if (status != null
        && !status.isBlank()
        && !STATUSES.contains(status.toLowerCase(Locale.ROOT))) {
      throw invalidParameter("status must be one of " + String.join(", ", STATUSES) + ".");
    }
    Predicate<Map<String, Object>> keep =
        x ->
            (unitId == null || x.get("unitId").equals(unitId))
                && (estateId == null || x.get("estateId").equals(estateId))
                && ((String) x.get("number"))
                    .toUpperCase(Locale.ROOT)
                    .startsWith(number.toUpperCase(Locale.ROOT))
                && (buildingId == null || x.get("buildingId").equals(buildingId))
                && (type == null || type.isBlank() || x.get("type").equals(type))
                && (status == null || status.isBlank() || x.get("status").equals(status));
    return list(r, "estate.room.read", rooms, keep);
  }

  private FakeResponse createRoom(FakeRequest r) {
    r.require("estate.room.create");
    JsonNode in = body(r);
    Errors errors = new Errors();
    Long unitId = id(in, "unitId", errors);
    String number = code(in, "number", errors);
    Integer floor = range(in, "floor", -10, 200, true, errors);
    BigDecimal area = area(in, errors);
    String type = choice(in, "type", TYPES, null, errors);
    String status = choice(in, "status", STATUSES, "vacant", errors);
    Map<String, Object> u = unitId == null ? null : units.get(unitId);
    if (unitId != null
        && (u == null
            || !inScope(
                r, "estate.room.create", (long) u.get("estateId"), (long) u.get("buildingId")))) {
      errors.add("unitId", "no unit " + unitId + " exists");
    }
    errors.throwIfAny();
    if (taken(rooms, Map.of("unitId", unitId), "number", number, -1)) {
      throw duplicate("Unit " + unitId + " already has a room numbered '" + number + "'.");
    }
    long id = put(rooms, roomRow(unitId, number, floor, area, type, status));
    return FakeResponse.json(201, rooms.get(id));
  }

  private FakeResponse updateRoom(FakeRequest r, long id) {
    r.require("estate.room.update");
    Map<String, Object> room = readable(r, "estate.room.update", rooms, id, "Room");
    JsonNode in = body(r);
    Errors errors = new Errors();
    String number = code(in, "number", errors);
    Integer floor = range(in, "floor", -10, 200, true, errors);
    BigDecimal area = area(in, errors);
    String type = choice(in, "type", TYPES, null, errors);
    String status = choice(in, "status", STATUSES, null, errors);
    Integer version = version(in, errors);
    errors.throwIfAny();
    stale(room, "Room", id, version);
    if (taken(rooms, Map.of("unitId", room.get("unitId")), "number", number, id)) {
      throw duplicate(
          "Unit " + room.get("unitId") + " already has a room numbered '" + number + "'.");
    }
    room.put("number", number);
    room.put("floor", floor);
    room.put("area", area);
    room.put("type", type);
    room.put("status", status);
    changed(room);
    return FakeResponse.json(room);
  }

  // ----------------------------------------------------------------------------- import

  private record RowError(int line, String column, String message) {}

  private record Row(
      int line,
      String unit,
      String number,
      int floor,
      BigDecimal area,
      String type,
      String status) {}

  private FakeResponse importRooms(FakeRequest r, long buildingId) {
    r.require("estate.room.import");
    Map<String, Object> building =
        readable(r, "estate.room.import", buildings, buildingId, "Building");
    String text = new String(r.rawBody(), StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = List.of(text.split("\r?\n", -1));
    List<RowError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    if (text.isBlank()) {
      errors.add(
          new RowError(
              1,
              null,
              "the file is empty: its first row must name the columns unit, number, floor,"
                  + " area, type and optionally status"));
      return rejection(errors);
    }
    List<String> header = cells(lines.get(0));
    Map<String, Integer> at = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (COLUMNS.contains(name)) {
        at.put(name, i);
      }
    }
    for (String c : COLUMNS) {
      if (!c.equals("status") && !at.containsKey(c)) {
        errors.add(new RowError(1, c, "is missing from the header row"));
      }
    }
    if (!errors.isEmpty()) {
      return rejection(errors);
    }
    Map<String, Integer> firstLine = new LinkedHashMap<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      int line = n + 1;
      List<String> cells = cells(lines.get(n));
      List<RowError> rowErrors = new ArrayList<>();
      BiConsumer<String, String> report = (c, m) -> rowErrors.add(new RowError(line, c, m));
      String unit = codeText(cell(cells, at, "unit"), "unit", report);
      String number = codeText(cell(cells, at, "number"), "number", report);
      Integer floor = intText(cell(cells, at, "floor"), "floor", report);
      BigDecimal area = areaText(cell(cells, at, "area"), report);
      String type = choiceText(cell(cells, at, "type"), "type", TYPES, null, report);
      String status = choiceText(cell(cells, at, "status"), "status", STATUSES, "vacant", report);
      if (unit != null && number != null) {
        Integer first = firstLine.putIfAbsent(unit + "\n" + number, line);
        if (first != null) {
          report.accept(
              "number", "room " + number + " of unit " + unit + " is already on line " + first);
        }
        Long unitId = unitIdOf(buildingId, unit);
        if (unitId != null && taken(rooms, Map.of("unitId", unitId), "number", number, -1)) {
          report.accept("number", "room " + number + " already exists in unit " + unit);
        }
      }
      if (rowErrors.isEmpty()) {
        rows.add(new Row(line, unit, number, floor, area, type, status));
      }
      errors.addAll(rowErrors);
    }
    if (!errors.isEmpty()) {
      return rejection(errors);
    }
    int unitsCreated = 0;
    for (Row row : rows) {
      Long unitId = unitIdOf(buildingId, row.unit());
      if (unitId == null) {
        unitId = put(units, unitRow(buildingId, row.unit(), row.unit()));
        unitsCreated++;
      }
      put(rooms, roomRow(unitId, row.number(), row.floor(), row.area(), row.type(), row.status()));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("buildingId", building.get("id"));
    answer.put("roomsImported", rows.size());
    answer.put("unitsCreated", unitsCreated);
    return FakeResponse.json(answer);
  }

  private Long unitIdOf(long buildingId, String code) {
    return units.values().stream()
        .filter(u -> u.get("buildingId").equals(buildingId) && u.get("code").equals(code))
        .map(u -> (Long) u.get("id"))
        .findFirst()
        .orElse(null);
  }

  private static FakeResponse rejection(List<RowError> errors) {
    List<RowError> sorted = new ArrayList<>(errors);
    sorted.sort(Comparator.comparingInt(RowError::line));
    List<Map<String, Object>> shown = new ArrayList<>();
    for (RowError e : sorted.subList(0, Math.min(sorted.size(), MAX_REPORTED_ERRORS))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("line", e.line());
      m.put("column", e.column());
      m.put("message", e.message());
      shown.add(m);
    }
    int count = errors.size();
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("errorCount", count);
    extensions.put("errors", shown);
    return problem(
        422,
        "import-rejected",
        "Import rejected",
        "Nothing was imported: the file has "
            + count
            + (count == 1 ? " problem" : " problems")
            + (count > MAX_REPORTED_ERRORS
                ? " (the first " + MAX_REPORTED_ERRORS + " are listed)"
                : "")
            + ". Correct the file and upload it again.",
        extensions);
  }

  /** The cells of a CSV line: commas, and double quotes around cells that hold them. */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  private static String cell(List<String> cells, Map<String, Integer> at, String column) {
    Integer i = at.get(column);
    return i == null || i >= cells.size() ? null : cells.get(i).strip();
  }

  private static String codeText(String v, String column, BiConsumer<String, String> report) {
    if (v == null || v.isEmpty()) {
      report.accept(column, "is required");
      return null;
    }
    if (v.length() > 32) {
      report.accept(column, "must be at most 32 characters (got " + v.length() + ")");
      return null;
    }
    if (!CODE.matcher(v).matches()) {
      report.accept(
          column, "may only contain letters A-Z, digits, '-', '_' and '.' (got \"" + v + "\")");
      return null;
    }
    return v;
  }

  private static Integer intText(String v, String column, BiConsumer<String, String> report) {
    if (v == null || v.isEmpty()) {
      report.accept(column, "is required");
      return null;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < -10 || n > 200) {
        report.accept(column, "must be between -10 and 200 (got " + n + ")");
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      report.accept(column, "must be a whole number (got \"" + v + "\")");
      return null;
    }
  }

  private static BigDecimal areaText(String v, BiConsumer<String, String> report) {
    if (v == null || v.isEmpty()) {
      report.accept("area", "is required");
      return null;
    }
    try {
      return areaRule(new BigDecimal(v), "area", report);
    } catch (NumberFormatException e) {
      report.accept(
          "area",
          "must be a number such as 89.5, without unit or thousands separator (got \"" + v + "\")");
      return null;
    }
  }

  private static String choiceText(
      String v,
      String column,
      List<String> allowed,
      String ifAbsent,
      BiConsumer<String, String> report) {
    if (v == null || v.isEmpty()) {
      if (ifAbsent == null) {
        report.accept(column, "is required");
      }
      return ifAbsent;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      report.accept(
          column, "must be one of " + String.join(", ", allowed) + " (got \"" + v + "\")");
      return null;
    }
    return lower;
  }

  // ------------------------------------------------------------------------------ rules

  /** Field errors of one request, answered together as 422 {@code validation-failed}. */
  private static final class Errors {
    final List<Map<String, Object>> list = new ArrayList<>();

    void add(String field, String message) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("field", field);
      e.put("message", message);
      list.add(e);
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        StringBuilder detail = new StringBuilder();
        for (Map<String, Object> e : list) {
          detail.append(detail.length() == 0 ? "" : "; ").append(e.get("field")).append(' ');
          detail.append(e.get("message"));
        }
        throw new FakeAnswer(
            problem(
                422,
                "validation-failed",
                "Invalid input",
                detail + ".",
                Map.of("errors", List.copyOf(list))));
      }
    }
  }

  private static String code(JsonNode in, String field, Errors errors) {
    String v = text(in, field);
    BiConsumer<String, String> report = errors::add;
    return codeText(v, field, report);
  }

  private static String line(JsonNode in, String field, int max, boolean required, Errors errors) {
    String v = text(in, field);
    if (v == null || v.isEmpty()) {
      if (required) {
        errors.add(field, "is required");
      }
      return null;
    }
    if (v.length() > max) {
      errors.add(field, "must be at most " + max + " characters (got " + v.length() + ")");
      return null;
    }
    if (v.contains("\n") || v.contains("\r")) {
      errors.add(field, "must be on one line");
      return null;
    }
    return v;
  }

  private static Integer range(
      JsonNode in, String field, int min, int max, boolean required, Errors errors) {
    JsonNode v = in.path(field);
    if (v.isMissingNode() || v.isNull()) {
      if (required) {
        errors.add(field, "is required");
      }
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new FakeProblem(
          400, "invalid-json", "Invalid JSON", field + " must be a whole number.");
    }
    int n = v.asInt();
    if (n < min || n > max) {
      errors.add(field, "must be between " + min + " and " + max + " (got " + n + ")");
      return null;
    }
    return n;
  }

  private static Long id(JsonNode in, String field, Errors errors) {
    JsonNode v = in.path(field);
    if (v.isMissingNode() || v.isNull()) {
      errors.add(field, "is required");
      return null;
    }
    return v.asLong();
  }

  private static Integer version(JsonNode in, Errors errors) {
    JsonNode v = in.path("version");
    if (v.isMissingNode() || v.isNull()) {
      errors.add("version", "is required");
      return null;
    }
    return v.asInt();
  }

  private static BigDecimal area(JsonNode in, Errors errors) {
    JsonNode v = in.path("area");
    if (v.isMissingNode() || v.isNull()) {
      errors.add("area", "is required");
      return null;
    }
    return areaRule(v.decimalValue(), "area", errors::add);
  }

  private static BigDecimal areaRule(
      BigDecimal a, String field, BiConsumer<String, String> report) {
    if (a.signum() <= 0 || a.compareTo(new BigDecimal("100000")) > 0) {
      report.accept(
          field,
          "must be more than 0 and at most 100000 square metres (got " + a.toPlainString() + ")");
      return null;
    }
    if (a.stripTrailingZeros().scale() > 2) {
      report.accept(field, "must have at most 2 decimal places (got " + a.toPlainString() + ")");
      return null;
    }
    return a.setScale(2, RoundingMode.UNNECESSARY);
  }

  private static String choice(
      JsonNode in, String field, List<String> allowed, String ifAbsent, Errors errors) {
    return choiceText(text(in, field), field, allowed, ifAbsent, errors::add);
  }

  private static String text(JsonNode in, String field) {
    JsonNode v = in.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText().strip();
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

  private static void stale(Map<String, Object> row, String label, long id, Integer sent) {
    int current = (int) row.get("version");
    if (sent != current) {
      throw new FakeAnswer(
          problem(
              409,
              "stale-version",
              "Stale version",
              label
                  + " "
                  + id
                  + " is at version "
                  + current
                  + ", the change was made to version "
                  + sent
                  + ": reload it and apply the change again.",
              Map.of("currentVersion", current)));
    }
  }

  private static FakeProblem duplicate(String detail) {
    return new FakeProblem(409, "duplicate", "Already exists", detail);
  }

  private static FakeProblem invalidParameter(String detail) {
    return new FakeProblem(400, "invalid-parameter", "Invalid query parameter", detail);
  }

  // ------------------------------------------------------------------------------ scope

  private static StaffMe.Held held(FakeRequest r, String permission) {
    return r.caller().me().scopeOf(permission).orElseThrow();
  }

  private static boolean inScope(FakeRequest r, String permission, long estateId, long buildingId) {
    return r.caller()
        .me()
        .scopeOf(permission)
        .map(
            h ->
                h.companyWide()
                    || h.estates().contains(estateId)
                    || h.buildings().contains(buildingId))
        .orElse(false);
  }

  /** The row if it exists and lies in the caller's scope for the permission; else 404. */
  private Map<String, Object> readable(
      FakeRequest r,
      String permission,
      Map<Long, Map<String, Object>> table,
      long id,
      String label) {
    r.require(permission);
    Map<String, Object> row = table.get(id);
    if (row == null || !visible(r, permission, row, table == estates)) {
      throw new FakeProblem(404, "not-found", "Not found", label + " " + id + " not found.");
    }
    return row;
  }

  private boolean visible(
      FakeRequest r, String permission, Map<String, Object> row, boolean isEstate) {
    if (isEstate) {
      long id = (long) row.get("id");
      StaffMe.Held h = held(r, permission);
      return h.companyWide()
          || h.estates().contains(id)
          || buildings.values().stream()
              .anyMatch(b -> b.get("estateId").equals(id) && h.buildings().contains(b.get("id")));
    }
    long estateId = (long) row.get("estateId");
    long buildingId =
        row.containsKey("buildingId") ? (long) row.get("buildingId") : (long) row.get("id");
    return inScope(r, permission, estateId, buildingId);
  }

  private FakeResponse list(
      FakeRequest r,
      String permission,
      Map<Long, Map<String, Object>> table,
      Predicate<Map<String, Object>> keep) {
    r.require(permission);
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Object> row : table.values()) {
      if (keep.test(row) && visible(r, permission, row, false)) {
        shown.add(row);
      }
    }
    return FakeResponse.page(shown, r);
  }

  private static Predicate<Map<String, Object>> filter(FakeRequest r, String parameter) {
    Long id = filterId(r, parameter);
    return row -> id == null || row.get(parameter).equals(id);
  }

  private static Long filterId(FakeRequest r, String parameter) {
    String v = r.query(parameter);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw invalidParameter(parameter + " must be a whole number.");
    }
  }

  // ------------------------------------------------------------------------------ rows

  private long put(Map<Long, Map<String, Object>> table, Map<String, Object> row) {
    return putAt(table, nextId, row);
  }

  private long putAt(Map<Long, Map<String, Object>> table, long id, Map<String, Object> row) {
    nextId = Math.max(nextId, id + 1);
    Map<String, Object> withId = new LinkedHashMap<>();
    withId.put("id", id);
    withId.putAll(row);
    withId.put("createdAt", Instant.now().toString());
    withId.put("updatedAt", Instant.now().toString());
    withId.put("version", 0);
    table.put(id, withId);
    return id;
  }

  private static void changed(Map<String, Object> row) {
    row.put("updatedAt", Instant.now().toString());
    row.put("version", (int) row.get("version") + 1);
  }

  private static Map<String, Object> estateRow(String code, String name, String address) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("name", name);
    m.put("address", address);
    return m;
  }

  private static Map<String, Object> buildingRow(
      long estateId, String code, String name, Integer floors) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("estateId", estateId);
    m.put("code", code);
    m.put("name", name);
    m.put("floors", floors);
    return m;
  }

  private Map<String, Object> unitRow(long buildingId, String code, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("buildingId", buildingId);
    m.put("estateId", buildings.get(buildingId).get("estateId"));
    m.put("code", code);
    m.put("name", name);
    return m;
  }

  private Map<String, Object> roomRow(
      long unitId, String number, int floor, BigDecimal area, String type, String status) {
    Map<String, Object> u = units.get(unitId);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("unitId", unitId);
    m.put("buildingId", u.get("buildingId"));
    m.put("estateId", u.get("estateId"));
    m.put("number", number);
    m.put("floor", floor);
    m.put("area", area.setScale(2, RoundingMode.UNNECESSARY));
    m.put("type", type);
    m.put("status", status);
    return m;
  }

  private static boolean taken(
      Map<Long, Map<String, Object>> table,
      Map<String, Object> parent,
      String field,
      String value,
      long except) {
    return table.values().stream()
        .anyMatch(
            row ->
                (long) row.get("id") != except
                    && parent.entrySet().stream()
                        .allMatch(p -> row.get(p.getKey()).equals(p.getValue()))
                    && row.get(field).equals(value));
  }

  private static List<Map<String, Object>> sorted(
      Map<Long, Map<String, Object>> table, String parentField, long parent) {
    return table.values().stream()
        .filter(row -> row.get(parentField).equals(parent))
        .sorted(
            Comparator.comparing((Map<String, Object> row) -> row.get("code").toString())
                .thenComparing(row -> (long) row.get("id")))
        .toList();
  }

  private static Long parseId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A problem+json with extension members, as the platform writes them. */
  static FakeResponse problem(
      int status, String type, String title, String detail, Map<String, Object> extensions) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", FakeOperatorApi.PROBLEM + type);
    p.put("title", title);
    p.put("status", status);
    p.put("detail", detail);
    p.putAll(extensions);
    try {
      return new FakeResponse(
          status, "application/problem+json", FakeResponse.JSON.writeValueAsBytes(p));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Thrown to answer with a prepared response (a problem with extension members). */
  static final class FakeAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient FakeResponse response;

    FakeAnswer(FakeResponse response) {
      super("answer " + response.status());
      this.response = response;
    }
  }
}
