package org.courtyard.devices;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A tenant's devices for other modules: whether each is heard from (security's device-offline
 * alarms), commands to them (security's remote door opening), and which of them a caller's {@link
 * DataScope} reaches. A device is in a scope when the estate or building its location maps to is
 * ({@link DataScope#covers}); one tied to no estate (a gate named but placed nowhere) only in
 * {@link DataScope#ALL}. Other modules keep their rows keyed by device id and filter them with
 * these.
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

  /**
   * Like {@link #send(TenantSlug, String, String, Map)}, for a caller holding {@code scope}: a
   * device outside it answers the same 404 {@code device-not-found} as a missing one.
   */
  DeviceCommand send(
      TenantSlug tenant, DataScope scope, String deviceId, String name, Map<String, String> args);

  /**
   * The ids of the tenant's devices, revoked ones too (their history stays theirs), that {@code
   * scope} reaches, to filter rows kept by device id; empty when the tenant has not enabled the
   * devices module. For {@link DataScope#ALL} every device: callers skip the filter instead.
   */
  List<String> idsWithin(TenantSlug tenant, DataScope scope);

  /** Those of {@code deviceIds} that are the tenant's devices within {@code scope}. */
  Set<String> within(TenantSlug tenant, DataScope scope, Collection<String> deviceIds);

  /**
   * Checks that each of {@code deviceIds} is a device of the tenant within {@code scope}, as a
   * write that refers to devices must before it is made.
   *
   * @throws org.courtyard.api.ProblemException 404 {@code device-not-found}, worded exactly as for
   *     a missing id, for the first that is not
   */
  void requireWithin(TenantSlug tenant, DataScope scope, Collection<String> deviceIds);

  /**
   * Where each of {@code deviceIds} that is a device of the tenant (revoked ones too) is, by id;
   * ids that are none are left out, and the map is empty when the tenant has not enabled the
   * devices module.
   */
  Map<String, DevicePlace> places(TenantSlug tenant, Collection<String> deviceIds);
}
