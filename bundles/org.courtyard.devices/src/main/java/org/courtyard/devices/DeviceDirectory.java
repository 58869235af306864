package org.courtyard.devices;

import java.util.List;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ProviderType;

/** Read access to a tenant's devices for other modules (security's device-offline alarms). */
@ProviderType
public interface DeviceDirectory {

  /**
   * The tenant's active devices and whether each is heard from; empty when the tenant has not
   * enabled the devices module.
   */
  List<DeviceStatus> statuses(TenantSlug tenant);
}
