package org.courtyard.devices;

import java.util.List;
import java.util.Map;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A tenant's devices for other modules: whether each is heard from (security's device-offline
 * alarms), and commands to them (security's remote door opening).
 */
@ProviderType
public interface DeviceDirectory {

  /**
   * The tenant's active devices and whether each is heard from; empty when the tenant has not
   * enabled the devices module.
   */
  List<DeviceStatus> statuses(TenantSlug tenant);

  /**
   * Sends a command to one of the tenant's devices through its driver, exactly as {@code POST
   * /devices/devices/{id}/commands} does.
   *
   * @throws org.courtyard.api.ProblemException 404 when the tenant has no such device or has not
   *     enabled the devices module, 409 for a revoked device, 422 when its driver cannot encode the
   *     command, 503 when there is no broker to publish it
   */
  DeviceCommand send(TenantSlug tenant, String deviceId, String name, Map<String, String> args);
}
