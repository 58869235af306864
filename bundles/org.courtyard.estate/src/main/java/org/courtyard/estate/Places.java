package org.courtyard.estate;

import java.util.Set;

/** Rooms, buildings and estates of one tenant, by id, as {@link RoomReferences} is asked about. */
public final class Places {
  public final Set<Long> roomIds;
  public final Set<Long> buildingIds;
  public final Set<Long> estateIds;

  public Places(Set<Long> roomIds, Set<Long> buildingIds, Set<Long> estateIds) {
    this.roomIds = Set.copyOf(roomIds);
    this.buildingIds = Set.copyOf(buildingIds);
    this.estateIds = Set.copyOf(estateIds);
  }

  public static Places room(long id) {
    return new Places(Set.of(id), Set.of(), Set.of());
  }

  public static Places building(long id) {
    return new Places(Set.of(), Set.of(id), Set.of());
  }

  public static Places estate(long id) {
    return new Places(Set.of(), Set.of(), Set.of(id));
  }

  @Override
  public String toString() {
    return "Places[rooms="
        + roomIds
        + ", buildings="
        + buildingIds
        + ", estates="
        + estateIds
        + "]";
  }
}
