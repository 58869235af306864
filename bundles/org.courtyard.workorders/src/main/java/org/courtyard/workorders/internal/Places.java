package org.courtyard.workorders.internal;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.StaffDirectory;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * Where a tenant's orders happen, as the estate module and the residents module know it: a room
 * (with its unit, building and estate), or a public area of an estate or one of its buildings; and
 * whether a user id is one of the tenant's staff, as identity knows it.
 */
final class Places {

  /** An order's place, checked: ids copied onto the order, and the room's label when a room. */
  record Place(Long roomId, Long unitId, Long buildingId, long estateId, String label) {

    /** Whether the caller's scope reaches it: as the lists and the single reads filter. */
    boolean within(DataScope scope) {
      return scope.covers(estateId, buildingId);
    }
  }

  private final TenantSlug tenant;
  private final EstateDirectory estate;
  private final ResidentRooms residents;
  private final StaffDirectory staff;
  private final RoomCache rooms;

  Places(
      TenantSlug tenant,
      EstateDirectory estate,
      ResidentRooms residents,
      StaffDirectory staff,
      RoomCache rooms) {
    this.tenant = tenant;
    this.estate = estate;
    this.residents = residents;
    this.staff = staff;
    this.rooms = rooms;
  }

  /** Whether the tenant has a staff user with that id. */
  boolean staffExists(long userId) {
    return staff.existing(tenant, List.of(userId)).contains(userId);
  }

  /** Of {@code userIds}, those that are none of the tenant's staff users. */
  java.util.Set<Long> unknownStaff(java.util.Collection<Long> userIds) {
    java.util.Set<Long> unknown = new java.util.TreeSet<>(userIds);
    unknown.removeAll(staff.existing(tenant, userIds));
    return unknown;
  }

  /** The room, or empty when the tenant has none with that id. */
  Optional<Place> room(long roomId) {
    return rooms.get(tenant, roomId, () -> estate.room(tenant, roomId)).map(Places::of);
  }

  /**
   * A public area of the estate, or of the building when one is named; empty when the estate does
   * not exist, or the building is not in it.
   */
  Optional<Place> area(long estateId, Long buildingId) {
    if (buildingId == null) {
      return estate.estateExists(tenant, estateId)
          ? Optional.of(new Place(null, null, null, estateId, null))
          : Optional.empty();
    }
    return estate
        .estateOfBuilding(tenant, buildingId)
        .filter(e -> e == estateId)
        .map(e -> new Place(null, null, buildingId, e, null));
  }

  /** The rooms a resident occupies now; none without the residents module. */
  List<Long> roomsOf(long personId) {
    ResidentRooms r = residents;
    return r == null ? List.of() : r.currentRooms(tenant, personId);
  }

  /** Whether the tenant has that person; false without the residents module. */
  boolean personExists(long personId) {
    ResidentRooms r = residents;
    return r != null && r.personExists(tenant, personId);
  }

  private static Place of(RoomSummary r) {
    return new Place(r.id, r.unitId, r.buildingId, r.estateId, r.label);
  }
}
