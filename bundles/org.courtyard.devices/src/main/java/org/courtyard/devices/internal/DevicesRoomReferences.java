package org.courtyard.devices.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.estate.Places;
import org.courtyard.estate.Referrer;
import org.courtyard.estate.RoomReferences;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Tells estate which active devices are placed in a room it is about to delete (revoked ones are
 * history and do not hold the room). Read-only, through the tenant's running devices instance; a
 * tenant without one has no devices to ask about.
 *
 * <p>This bundle starts at boot, before estate is installed, and imports the estate package
 * dynamically: the component is delayed, so its class (which names the estate API) is loaded only
 * when estate, by then installed, first asks.
 */
@Component(service = RoomReferences.class)
public final class DevicesRoomReferences implements RoomReferences {

  private final TenantInstances<DevicesTenant> tenants =
      new TenantInstances<>(DevicesTenant.class, DevicesModule.ID);

  @Activate
  public DevicesRoomReferences(BundleContext context) {
    tenants.activate(context);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(DevicesTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(DevicesTenant instance) {
    tenants.unbind(instance);
  }

  @Override
  public List<Referrer> referencesTo(TenantSlug tenant, Places places) {
    DevicesTenant instance = tenants.find(tenant);
    if (instance == null || places.roomIds.isEmpty()) {
      return List.of();
    }
    long n =
        instance
            .store()
            .jdbc()
            .read(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT count(*) FROM device WHERE room_id = ANY(?)"
                              + " AND status = 'active'")) {
                    ps.setArray(1, Jdbc.bigints(c, places.roomIds));
                    try (ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                });
    return n == 0 ? List.of() : List.of(Referrer.of(DevicesModule.ID, n, "device", "devices"));
  }
}
