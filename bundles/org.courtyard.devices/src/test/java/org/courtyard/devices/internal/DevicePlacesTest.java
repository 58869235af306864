package org.courtyard.devices.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.Languages;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;
import org.junit.jupiter.api.Test;

class DevicePlacesTest {

  private static final TenantSlug TENANT = TenantSlug.of("acme");

  /** Estate 1 with buildings 10 and 11; estate 2 with building 20, holding many rooms. */
  private static final class Rooms implements EstateDirectory {
    final List<RoomSummary> rooms = new ArrayList<>();
    int pagesRead;

    Rooms() {
      add(1, 10, 1);
      add(1, 11, 1);
      add(2, 20, DevicePlaces.PAGE + 5);
    }

    private void add(long estate, long building, int n) {
      for (int i = 0; i < n; i++) {
        long id = rooms.size() + 1;
        rooms.add(
            new RoomSummary(
                id, estate, building, 1, "R" + id, 1, BigDecimal.TEN, "residential", "vacant"));
      }
    }

    @Override
    public Optional<RoomSummary> room(TenantSlug tenant, long roomId) {
      return rooms.stream().filter(r -> r.id == roomId).findFirst();
    }

    @Override
    public List<RoomSummary> rooms(TenantSlug tenant, long afterId, int limit) {
      pagesRead++;
      return rooms.stream().filter(r -> r.id > afterId).limit(limit).toList();
    }

    @Override
    public List<RoomSummary> rooms(TenantSlug tenant, java.util.Collection<Long> roomIds) {
      return rooms.stream().filter(r -> roomIds.contains(r.id)).toList();
    }

    @Override
    public long roomCount(TenantSlug tenant) {
      return rooms.size();
    }

    @Override
    public Optional<Long> estateOfBuilding(TenantSlug tenant, long buildingId) {
      return rooms.stream()
          .filter(r -> r.buildingId == buildingId)
          .map(r -> r.estateId)
          .findFirst();
    }

    @Override
    public boolean estateExists(TenantSlug tenant, long estateId) {
      return rooms.stream().anyMatch(r -> r.estateId == estateId);
    }
  }

  private final Rooms rooms = new Rooms();
  private final DevicePlaces places = new DevicePlaces(TENANT, rooms);

  @Test
  void aRoomBuildingOrEstateIsFoundWhereEstateHasIt() {
    assertThat(places.of(new DeviceRules.Names(2L, null, null)))
        .isEqualTo(new DevicePlaces.Place(1L, 11L));
    assertThat(places.of(new DeviceRules.Names(null, 20L, null)))
        .isEqualTo(new DevicePlaces.Place(2L, 20L));
    assertThat(places.of(new DeviceRules.Names(null, null, 2L)))
        .isEqualTo(new DevicePlaces.Place(2L, null));
    assertThat(places.of(new DeviceRules.Names(null, null, null)))
        .isEqualTo(DevicePlaces.Place.NOWHERE);
  }

  @Test
  void theRoomsAreReadPageByPageAndNoFurtherThanNeeded() {
    DevicePlaces.Found found = places.find(Set.of(DevicePlaces.PAGE + 7L), Set.of(10L), Set.of());
    assertThat(found.rooms())
        .containsEntry(DevicePlaces.PAGE + 7L, new DevicePlaces.Place(2L, 20L));
    assertThat(found.buildings()).containsEntry(10L, new DevicePlaces.Place(1L, 10L));
    assertThat(rooms.pagesRead).isEqualTo(2);
    rooms.pagesRead = 0;
    places.find(Set.of(), Set.of(11L), Set.of(1L));
    assertThat(rooms.pagesRead).isEqualTo(1);
  }

  @Test
  void whatEstateLacksIsUnknown() {
    assertThatThrownBy(() -> places.of(new DeviceRules.Names(999_999L, null, null)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo("unknown-room"));
    assertThatThrownBy(() -> places.of(new DeviceRules.Names(null, 99L, null)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo("unknown-building"));
    assertThatThrownBy(() -> places.of(new DeviceRules.Names(null, null, 9L)))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo("unknown-estate"));
  }

  @Test
  void aPlaceOutsideTheScopeIsAnsweredAsAnUnknownOne() {
    DataScope estate1 = DataScope.of(List.of(1L), List.of());
    DataScope building20 = DataScope.of(List.of(), List.of(20L));
    DeviceRules.Names room = new DeviceRules.Names(1L, null, null);
    DevicePlaces.checkWithin(estate1, room, new DevicePlaces.Place(1L, 10L));
    DevicePlaces.checkWithin(building20, room, new DevicePlaces.Place(2L, 20L));
    ProblemException outside =
        catchProblem(
            () -> DevicePlaces.checkWithin(building20, room, new DevicePlaces.Place(1L, 10L)));
    ProblemException missing = DevicePlaces.unknownRoom(1L);
    assertThat(List.of(outside.status(), outside.type(), outside.title(), outside.detail()))
        .isEqualTo(List.of(missing.status(), missing.type(), missing.title(), missing.detail()));
    // a device in an estate but no building needs the estate whole
    assertThat(
            catchProblem(
                    () ->
                        DevicePlaces.checkWithin(
                            building20,
                            new DeviceRules.Names(null, null, 2L),
                            new DevicePlaces.Place(2L, null)))
                .type())
        .isEqualTo("unknown-estate");
  }

  @Test
  void aDevicePlacedNowhereNeedsTheWholeCompany() {
    DevicePlaces.checkWithin(
        DataScope.ALL, new DeviceRules.Names(null, null, null), DevicePlaces.Place.NOWHERE);
    ProblemException e =
        catchProblem(
            () ->
                DevicePlaces.checkWithin(
                    DataScope.of(List.of(1L), List.of()),
                    new DeviceRules.Names(null, null, null),
                    DevicePlaces.Place.NOWHERE));
    assertThat(e.status()).isEqualTo(403);
    assertThat(e.type()).isEqualTo("outside-scope");
    assertThat(e.title()).isEqualTo("Outside your scope");
    assertThat(e.detail())
        .isEqualTo(
            "A device placed in no estate is tied to no estate or building: that needs the"
                + " permission granted for the whole company.");
    assertThat(e.detail(Languages.CHINESE)).isEqualTo("不在任何小区的设备不属于任何小区或楼栋：此操作需要针对整个公司授予的权限。");
  }

  @Test
  void aBuildingDevicesReferenceIsReadAsABuildingId() {
    assertThat(DevicePlacesBackfill.buildingRef(" 12 ")).isEqualTo(12L);
    assertThat(DevicePlacesBackfill.buildingRef("Tower A")).isNull();
    assertThat(DevicePlacesBackfill.buildingRef("0")).isNull();
  }

  private static ProblemException catchProblem(Runnable r) {
    try {
      r.run();
    } catch (ProblemException e) {
      return e;
    }
    throw new AssertionError("no problem thrown");
  }
}
