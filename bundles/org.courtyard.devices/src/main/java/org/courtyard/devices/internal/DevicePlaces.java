package org.courtyard.devices.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * Where a device's location is, as an estate and a building, found in estate's {@link
 * EstateDirectory}, and whether a caller's {@link DataScope} reaches it. The directory answers for
 * rooms only (one by id, or all of them a page at a time), so a building or an estate is found
 * through its rooms: one without rooms yet is not found. Registrations are rare and the backfill
 * runs once, so reading the rooms then is cheap enough; nothing on the ingest path comes here.
 */
final class DevicePlaces {

  private static final Texts TEXTS = Texts.of(DevicePlaces.class);

  /** An estate and a building; the building null for a place in the estate only. */
  record Place(Long estateId, Long buildingId) {
    /** A device tied to no estate: only the whole company's scope reaches it. */
    static final Place NOWHERE = new Place(null, null);

    boolean within(DataScope scope) {
      return scope.covers(estateId, buildingId);
    }
  }

  /** What one pass over the rooms found: each room's and building's place, the estates seen. */
  record Found(Map<Long, Place> rooms, Map<Long, Place> buildings, Set<Long> estates) {}

  static final int PAGE = 5000;

  private final TenantSlug tenant;
  private final EstateDirectory estate;

  DevicePlaces(TenantSlug tenant, EstateDirectory estate) {
    this.tenant = tenant;
    this.estate = estate;
  }

  /**
   * Where a registration's location is.
   *
   * @throws ProblemException 422 {@code unknown-room}, {@code unknown-building} or {@code
   *     unknown-estate} for one estate does not have
   */
  Place of(DeviceRules.Names names) {
    if (names.room() != null) {
      RoomSummary r =
          estate.room(tenant, names.room()).orElseThrow(() -> unknownRoom(names.room()));
      return new Place(r.estateId, r.buildingId);
    }
    if (names.building() != null) {
      Place p =
          find(Set.of(), Set.of(names.building()), Set.of()).buildings().get(names.building());
      if (p == null) {
        throw unknownBuilding(names.building());
      }
      return p;
    }
    if (names.estate() != null) {
      if (!find(Set.of(), Set.of(), Set.of(names.estate())).estates().contains(names.estate())) {
        throw unknownEstate(names.estate());
      }
      return new Place(names.estate(), null);
    }
    return Place.NOWHERE;
  }

  /**
   * Checks that {@code scope} reaches {@code place}, answering a place outside it exactly as one
   * that does not exist, so a registration cannot tell them apart.
   *
   * @throws ProblemException as {@link #of}, or 403 {@code outside-scope} for a device tied to no
   *     estate when the scope is not the whole company's
   */
  static void checkWithin(DataScope scope, DeviceRules.Names names, Place place) {
    if (place.within(scope)) {
      return;
    }
    if (place.estateId() == null) {
      throw DeviceRules.outsideScope(TEXTS.text("scope.placed-nowhere"));
    }
    if (names.room() != null) {
      throw unknownRoom(names.room());
    }
    if (names.building() != null) {
      throw unknownBuilding(names.building());
    }
    throw unknownEstate(names.estate());
  }

  /**
   * One pass over the tenant's rooms, in pages, until every room, building and estate asked about
   * is found or the rooms end.
   */
  Found find(Set<Long> rooms, Set<Long> buildings, Set<Long> estates) {
    Map<Long, Place> roomPlaces = new HashMap<>();
    Map<Long, Place> buildingPlaces = new HashMap<>();
    Set<Long> estatesSeen = new HashSet<>();
    long after = 0;
    while (roomPlaces.size() < rooms.size()
        || buildingPlaces.size() < buildings.size()
        || !estatesSeen.containsAll(estates)) {
      List<RoomSummary> page = estate.rooms(tenant, after, PAGE);
      for (RoomSummary r : page) {
        Place p = new Place(r.estateId, r.buildingId);
        if (rooms.contains(r.id)) {
          roomPlaces.put(r.id, p);
        }
        if (buildings.contains(r.buildingId)) {
          buildingPlaces.put(r.buildingId, new Place(r.estateId, r.buildingId));
        }
        if (estates.contains(r.estateId)) {
          estatesSeen.add(r.estateId);
        }
        after = r.id;
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    return new Found(roomPlaces, buildingPlaces, estatesSeen);
  }

  static ProblemException unknownRoom(long id) {
    return TEXTS.problem(422, "unknown-room", "place.unknown-room", id);
  }

  static ProblemException unknownBuilding(long id) {
    return TEXTS.problem(422, "unknown-building", "place.unknown-building", id);
  }

  static ProblemException unknownEstate(long id) {
    return TEXTS.problem(422, "unknown-estate", "place.unknown-estate", id);
  }
}
