package org.courtyard.devices.internal;

import java.util.List;
import java.util.Optional;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.api.rest.TodayTile;
import org.courtyard.api.rest.TodayTiles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The devices module's tiles on the Today screen, for {@code devices.device.read} in the scope the
 * caller holds it in: active devices offline (not heard from within the heartbeat timeout; a
 * warning) and faulty (driver missing or quarantined; an alert), each state as the device list
 * shows it ({@link DeviceService#health}); each links to that list filtered by the state, which
 * lists exactly the devices counted.
 */
@Component(service = TodayTiles.class)
public final class DevicesTodayTiles implements TodayTiles {

  static final String DEVICES = "devices.device.read";
  private static final String LIST = "/api/v1/devices/devices?state=";

  private final DevicesInstances instances;

  @Activate
  public DevicesTodayTiles(@Reference DevicesInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return DevicesModule.ID;
  }

  @Override
  public List<TodayTile> tiles(TenantPrincipal caller) {
    Optional<DataScope> scope = caller.scopeFor(DEVICES);
    if (scope.isEmpty()) {
      return List.of();
    }
    DeviceService.Health health = instances.require(caller.tenant()).devices().health(scope.get());
    return List.of(
        TodayTile.count(
                "devices.offline",
                DEVICES,
                "Devices offline",
                "离线设备",
                health.offline(),
                LIST + "offline")
            .withTone(health.offline() > 0 ? TodayTile.Tone.WARNING : TodayTile.Tone.GOOD),
        TodayTile.count(
                "devices.faulty",
                DEVICES,
                "Faulty devices",
                "故障设备",
                health.faulty(),
                LIST + "faulty")
            .withTone(health.faulty() > 0 ? TodayTile.Tone.ALERT : TodayTile.Tone.GOOD));
  }
}
