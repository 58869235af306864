package org.courtyard.estate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.api.rest.TodayTile;
import org.courtyard.api.rest.TodayTiles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Estate's tiles on the Today screen: how many estates, buildings and rooms (and of those, vacant)
 * the caller looks after, each for its read permission in the scope held ({@link EstateFigures}),
 * each drilling into its list.
 */
@Component(service = TodayTiles.class)
public final class EstateTodayTiles implements TodayTiles {

  static final String ESTATES = "estate.estate.read";
  static final String BUILDINGS = "estate.building.read";
  static final String ROOMS = "estate.room.read";

  private final TenantInstances<EstateTenant> tenants =
      new TenantInstances<>(EstateTenant.class, EstateModule.ID);

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(EstateTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(EstateTenant instance) {
    tenants.unbind(instance);
  }

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  @Override
  public String moduleId() {
    return EstateModule.ID;
  }

  @Override
  public List<TodayTile> tiles(TenantPrincipal caller) {
    Optional<DataScope> estates = caller.scopeFor(ESTATES);
    Optional<DataScope> buildings = caller.scopeFor(BUILDINGS);
    Optional<DataScope> rooms = caller.scopeFor(ROOMS);
    if (estates.isEmpty() && buildings.isEmpty() && rooms.isEmpty()) {
      return List.of();
    }
    EstateFigures.Counts counts =
        tenants.require(caller.tenant()).figures().counts(estates, buildings, rooms);
    List<TodayTile> tiles = new ArrayList<>(4);
    if (counts.estates() != null) {
      tiles.add(
          TodayTile.count(
              "estate.estates",
              ESTATES,
              "Estates",
              "小区",
              counts.estates(),
              "/api/v1/estate/estates"));
    }
    if (counts.buildings() != null) {
      tiles.add(
          TodayTile.count(
              "estate.buildings",
              BUILDINGS,
              "Buildings",
              "楼栋",
              counts.buildings(),
              "/api/v1/estate/buildings"));
    }
    if (counts.rooms() != null) {
      tiles.add(
          TodayTile.count(
              "estate.rooms", ROOMS, "Rooms", "房间", counts.rooms(), "/api/v1/estate/rooms"));
      tiles.add(
          TodayTile.count(
              "estate.vacant-rooms",
              ROOMS,
              "Vacant rooms",
              "空置房间",
              counts.vacantRooms(),
              "/api/v1/estate/rooms?status=vacant"));
    }
    return tiles;
  }
}
