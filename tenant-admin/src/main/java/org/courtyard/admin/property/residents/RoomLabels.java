package org.courtyard.admin.property.residents;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.estate.EstateClient;
import org.courtyard.admin.property.estate.EstateTree;
import org.courtyard.admin.property.estate.Room;

/**
 * Where a room is, in words ("Sunny Garden · B1 · U1 · 101"), for a person's rooms: an occupancy
 * names its room by id only, so the room and its estate's tree are read once each and kept for the
 * page. A room the user may not read stays its number ("#42").
 */
final class RoomLabels implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A room with its place: label, and the estate and building its scope is checked in. */
  record Place(String label, long estateId, long buildingId) implements Serializable {}

  private final EstateClient estates;
  private final Map<Long, Place> rooms = new HashMap<>();
  private final Map<Long, EstateTree> trees = new HashMap<>();

  RoomLabels(EstateClient estates) {
    this.estates = estates;
  }

  Place of(long roomId) {
    return rooms.computeIfAbsent(roomId, this::read);
  }

  String label(long roomId) {
    return of(roomId).label();
  }

  private Place read(long roomId) {
    if (!PropertySession.can("estate.room.read")) {
      return new Place("#" + roomId, -1, -1);
    }
    try {
      Room r = estates.room(roomId);
      EstateTree tree = trees.computeIfAbsent(r.estateId(), estates::tree);
      String building = "" + r.buildingId();
      String unit = "" + r.unitId();
      for (EstateTree.BuildingNode b : tree.buildings()) {
        if (b.building().id() == r.buildingId()) {
          building = b.building().code();
          for (EstateTree.UnitNode u : b.units()) {
            if (u.unit().id() == r.unitId()) {
              unit = u.unit().code();
            }
          }
        }
      }
      return new Place(
          tree.estate().name() + " · " + building + " · " + unit + " · " + r.number(),
          r.estateId(),
          r.buildingId());
    } catch (ApiProblem | ApiUnreachable e) {
      return new Place("#" + roomId, -1, -1);
    }
  }
}
