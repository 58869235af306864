package org.courtyard.devices.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the estate and building of devices registered before places were kept (issue #11), once
 * per start of a tenant's devices module, on the shared workers' lane {@value #LANE}: one tenant at
 * a time, so a node starting many tenants does not take the pool. A tenant with nothing to fill
 * costs one query. Until its turn such devices have no place, so no narrow scope reaches them: they
 * are never shown where they should not be, only missing for a while where they should. Running it
 * again fills nothing twice; devices whose room or building estate cannot find stay unplaced, and
 * are tried again at the next start.
 */
@Component(service = DevicePlacesBackfill.class)
public final class DevicePlacesBackfill {

  static final String LANE = "devices-places";
  private static final int WAITING = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(DevicePlacesBackfill.class);

  private final Workers.Lane lane;

  @Activate
  public DevicePlacesBackfill(@Reference Workers workers) {
    this.lane = workers.lane(LANE, 1, WAITING);
  }

  @Deactivate
  void deactivate() throws InterruptedException {
    lane.close(Duration.ofSeconds(5));
  }

  /** Queues the tenant's backfill; {@code running} says whether the tenant still runs by then. */
  void offer(TenantSlug tenant, DeviceStore store, DevicePlaces places, Running running) {
    if (!lane.offer(() -> run(tenant, store, places, running))) {
      LOG.warn(
          "Tenant {}: the device places backfill was not queued ({} tenants waiting); devices"
              + " registered before #11 stay out of narrow scopes until the module starts again",
          tenant,
          WAITING);
    }
  }

  /** Whether the tenant's module still runs. */
  @FunctionalInterface
  interface Running {
    boolean running();
  }

  private static void run(
      TenantSlug tenant, DeviceStore store, DevicePlaces places, Running running) {
    if (!running.running()) {
      return;
    }
    try {
      int placed = fill(store, places);
      if (placed > 0) {
        LOG.info("Tenant {}: stored the estate and building of {} devices", tenant, placed);
      }
    } catch (ProblemException e) {
      // estate not enabled (404 module-not-enabled): nothing to find the places in
      LOG.warn("Tenant {}: device places not filled: {}", tenant, e.detail());
    } catch (RuntimeException e) {
      if (running.running()) {
        LOG.warn("Tenant {}: device places not filled", tenant, e);
      } else {
        LOG.debug("Tenant {}: device places backfill ended by the module stopping", tenant, e);
      }
    }
  }

  /** Finds and stores the places of the devices that have none; how many it stored. */
  static int fill(DeviceStore store, DevicePlaces places) {
    List<DeviceStore.Unplaced> unplaced = store.unplaced();
    if (unplaced.isEmpty()) {
      return 0;
    }
    Set<Long> rooms = new HashSet<>();
    Set<Long> buildings = new HashSet<>();
    for (DeviceStore.Unplaced d : unplaced) {
      if (d.roomId() != null) {
        rooms.add(d.roomId());
      } else {
        Long building = buildingRef(d.locationRef());
        if (building != null) {
          buildings.add(building);
        }
      }
    }
    DevicePlaces.Found found = places.find(rooms, buildings, Set.of());
    Map<String, DevicePlaces.Place> placed = new LinkedHashMap<>();
    for (DeviceStore.Unplaced d : unplaced) {
      DevicePlaces.Place p =
          d.roomId() != null
              ? found.rooms().get(d.roomId())
              : found.buildings().get(buildingRef(d.locationRef()));
      if (p != null) {
        placed.put(d.id(), p);
      }
    }
    return store.place(placed);
  }

  /** A building device's reference as a building id; null for one that names none. */
  static Long buildingRef(String ref) {
    try {
      long id = Long.parseLong(ref.strip());
      return id > 0 ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
