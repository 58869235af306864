package org.courtyard.admin.property.residents;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;

/**
 * The residents screens' endpoints ({@code /residents/...}): the person search ({@code q} matches
 * name, phone and plate; {@code roomId} keeps a room's current occupants), a person with their
 * occupancies and vehicles (current, or with {@code history=true} the ended ones too), move-in
 * ({@code POST occupancies}) and move-out ({@code POST occupancies/{id}/end}), and the rooms
 * someone lives in now ({@code occupied-rooms}).
 */
public final class ResidentsClient implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TenantApi api;

  public ResidentsClient(TenantApi api) {
    this.api = api;
  }

  public CursorDataProvider<Person> persons() {
    return CursorDataProvider.of(api, "residents/persons", Person.class);
  }

  public PersonDetail person(long id) {
    return api.get("residents/persons/" + id, PersonDetail.class);
  }

  public PersonDetail createPerson(
      String fullName, String phone, String idType, String idNumber, String email, String note) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fullName", fullName);
    body.put("phone", phone);
    body.put("idType", blankToNull(idType));
    body.put("idNumber", blankToNull(idNumber));
    body.put("email", blankToNull(email));
    body.put("note", blankToNull(note));
    return api.post("residents/persons", body, PersonDetail.class);
  }

  /** The person's rooms; filter {@code history=true} for the ended ones too. */
  public CursorDataProvider<Occupancy> occupancies(long personId) {
    return CursorDataProvider.of(
        api, "residents/persons/" + personId + "/occupancies", Occupancy.class);
  }

  /** The first {@code limit} current occupancies of the person (what they own and live in now). */
  public List<Occupancy> occupanciesPage(long personId, int limit) {
    return api.page(
            "residents/persons/" + personId + "/occupancies",
            Map.of("limit", limit),
            Occupancy.class)
        .items();
  }

  /**
   * The rooms someone currently owns, rents or lives in, in the user's scope, in room order; filter
   * {@code estateId} or {@code buildingId}. What the Today tile {@code residents.occupied-rooms}
   * counts.
   */
  public CursorDataProvider<OccupiedRoom> occupiedRooms() {
    return CursorDataProvider.of(api, "residents/occupied-rooms", OccupiedRoom.class);
  }

  /** The first {@code limit} current occupants of a room (any role), masked as lists are. */
  public List<Person> occupantsOf(long roomId, int limit) {
    return api.page("residents/persons", Map.of("roomId", roomId, "limit", limit), Person.class)
        .items();
  }

  /** The person's vehicles; filter {@code history=true} for the removed ones too. */
  public CursorDataProvider<Vehicle> vehicles(long personId) {
    return CursorDataProvider.of(api, "residents/persons/" + personId + "/vehicles", Vehicle.class);
  }

  /**
   * Records a move-in. The API refuses a second current occupancy of the same person, room and role
   * (409 {@code duplicate}), and owners' shares beyond 100% (409 {@code share-exceeded}).
   */
  public Occupancy moveIn(
      long personId, Long roomId, String role, BigDecimal sharePercent, LocalDate moveIn) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("personId", personId);
    body.put("roomId", roomId);
    body.put("role", role);
    body.put("sharePercent", sharePercent);
    body.put("moveIn", moveIn == null ? null : moveIn.toString());
    return api.post("residents/occupancies", body, Occupancy.class);
  }

  public Occupancy moveOut(long occupancyId, LocalDate moveOut) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("moveOut", moveOut == null ? null : moveOut.toString());
    return api.post("residents/occupancies/" + occupancyId + "/end", body, Occupancy.class);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
