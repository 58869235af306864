package org.courtyard.devices.internal;

import java.util.List;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.Places;
import org.courtyard.estate.Referrer;
import org.courtyard.estate.RoomReferences;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells estate which active devices are placed in a room it is about to delete (revoked ones are
 * history and do not hold the room). Read-only, through the tenant's running devices instance; a
 * tenant without one has no devices to ask about.
 */
@Component(service = RoomReferences.class)
public final class DevicesRoomReferences implements RoomReferences {

  private final DevicesInstances tenants;

  @Activate
  public DevicesRoomReferences(@Reference DevicesInstances tenants) {
    this.tenants = tenants;
  }

  @Override
  public List<Referrer> referencesTo(TenantSlug tenant, Places places) {
    DevicesTenant instance = tenants.find(tenant);
    if (instance == null || places.roomIds.isEmpty()) {
      return List.of();
    }
    long n = instance.rows().activeInRooms(places.roomIds);
    return n == 0 ? List.of() : List.of(Referrer.of(DevicesModule.ID, n, "device", "devices"));
  }
}
