package org.courtyard.admin.property.estate;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CsvRejection;
import org.courtyard.admin.property.CursorDataProvider;

/**
 * The estate screen's endpoints ({@code /estate/...}): estates, buildings, units and rooms, the
 * estate's tree with room counts, and the CSV import of a building's rooms. Writes send the form as
 * it was filled; the API keeps the rules and answers 422 {@code validation-failed} with field
 * errors ({@link ProblemFields}), 409 {@code duplicate} or {@code stale-version}.
 */
public final class EstateClient implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TenantApi api;

  public EstateClient(TenantApi api) {
    this.api = api;
  }

  /** The estates in the caller's scope, paged by the API. */
  public CursorDataProvider<Estate> estates() {
    return CursorDataProvider.of(api, "estate/estates", Estate.class);
  }

  /** The rooms of the list filter ({@code unitId}, {@code type}, {@code status}, ...). */
  public CursorDataProvider<Room> rooms() {
    return CursorDataProvider.of(api, "estate/rooms", Room.class);
  }

  /** The first {@code limit} (at most 500) estates in scope, for a choice of estate. */
  public List<Estate> estateList(int limit) {
    return api.page("estate/estates", Map.of("limit", limit), Estate.class).items();
  }

  /** The first {@code limit} (at most 500) rooms of a unit, for a choice of room. */
  public List<Room> roomsOf(long unitId, int limit) {
    return api.page("estate/rooms", Map.of("unitId", unitId, "limit", limit), Room.class).items();
  }

  public Unit unit(long id) {
    return api.get("estate/units/" + id, Unit.class);
  }

  public Building building(long id) {
    return api.get("estate/buildings/" + id, Building.class);
  }

  public EstateTree tree(long estateId) {
    return api.get("estate/estates/" + estateId + "/tree", EstateTree.class);
  }

  public Estate createEstate(String code, String name, String address) {
    return api.post(
        "estate/estates", body("code", code, "name", name, "address", address), Estate.class);
  }

  public Estate updateEstate(Estate e, String code, String name, String address) {
    return api.put(
        "estate/estates/" + e.id(),
        body("code", code, "name", name, "address", address, "version", e.version()),
        Estate.class);
  }

  public Building createBuilding(long estateId, String code, String name, Integer floors) {
    return api.post(
        "estate/buildings",
        body("estateId", estateId, "code", code, "name", name, "floors", floors),
        Building.class);
  }

  public Building updateBuilding(Building b, String code, String name, Integer floors) {
    return api.put(
        "estate/buildings/" + b.id(),
        body("code", code, "name", name, "floors", floors, "version", b.version()),
        Building.class);
  }

  public Unit createUnit(long buildingId, String code, String name) {
    return api.post(
        "estate/units", body("buildingId", buildingId, "code", code, "name", name), Unit.class);
  }

  public Unit updateUnit(Unit u, String code, String name) {
    return api.put(
        "estate/units/" + u.id(),
        body("code", code, "name", name, "version", u.version()),
        Unit.class);
  }

  public Room createRoom(
      long unitId, String number, Integer floor, BigDecimal area, String type, String status) {
    return api.post(
        "estate/rooms",
        body(
            "unitId", unitId, "number", number, "floor", floor, "area", area, "type", type,
            "status", status),
        Room.class);
  }

  public Room updateRoom(
      Room r, String number, Integer floor, BigDecimal area, String type, String status) {
    return api.put(
        "estate/rooms/" + r.id(),
        body(
            "number",
            number,
            "floor",
            floor,
            "area",
            area,
            "type",
            type,
            "status",
            status,
            "version",
            r.version()),
        Room.class);
  }

  public Room room(long id) {
    return api.get("estate/rooms/" + id, Room.class);
  }

  /**
   * Sends a CSV file of rooms for the building. A refused file (422 {@code import-rejected}) is an
   * answer here, not an error: its problems come back by line and column; nothing was written.
   *
   * @throws ApiProblem for any other refusal (403, 404, 413 {@code too-large}, 409)
   */
  public RoomImport importRooms(long buildingId, byte[] csv) {
    try {
      Imported done =
          api.upload(
              "estate/buildings/" + buildingId + "/rooms/import", csv, "text/csv", Imported.class);
      return new RoomImport(done.roomsImported(), done.unitsCreated(), null);
    } catch (ApiProblem p) {
      if (!CsvRejection.is(p)) {
        throw p;
      }
      return new RoomImport(0, 0, CsvRejection.of(p));
    }
  }

  /** The import's success answer. */
  record Imported(long buildingId, int roomsImported, int unitsCreated) {}

  /** A JSON object of name, value pairs; nulls are sent as null (the API names what is missing). */
  private static Map<String, Object> body(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
