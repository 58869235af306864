package org.courtyard.devices.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.courtyard.devices.DeviceCommand;
import org.courtyard.devices.DeviceDirectory;
import org.courtyard.devices.DevicePlace;
import org.courtyard.devices.DeviceStatus;
import org.courtyard.devices.internal.dto.CommandInput;
import org.courtyard.devices.internal.dto.CommandView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link DeviceDirectory} from the tenants' own devices module instances. */
@Component(service = DeviceDirectory.class)
public final class DeviceDirectoryService implements DeviceDirectory {

  private final DevicesInstances tenants;

  @Activate
  public DeviceDirectoryService(@Reference DevicesInstances tenants) {
    this.tenants = tenants;
  }

  @Override
  public List<DeviceStatus> statuses(TenantSlug tenant) {
    DevicesTenant t = tenants.find(tenant);
    return t == null ? List.of() : t.devices().statuses();
  }

  @Override
  public DeviceCommand send(
      TenantSlug tenant, String deviceId, String name, Map<String, String> args) {
    return send(tenant, DataScope.ALL, deviceId, name, args);
  }

  @Override
  public DeviceCommand send(
      TenantSlug tenant, DataScope scope, String deviceId, String name, Map<String, String> args) {
    CommandView v =
        tenants
            .require(tenant)
            .devices()
            .send(deviceId, new CommandInput(name, args), scope, null)
            .command();
    return new DeviceCommand(v.id(), v.deviceId(), v.name(), v.status(), v.detail());
  }

  @Override
  public List<String> idsWithin(TenantSlug tenant, DataScope scope) {
    DevicesTenant t = tenants.find(tenant);
    return t == null ? List.of() : t.devices().idsWithin(scope);
  }

  @Override
  public Set<String> within(TenantSlug tenant, DataScope scope, Collection<String> deviceIds) {
    DevicesTenant t = tenants.find(tenant);
    return t == null ? Set.of() : t.devices().within(scope, deviceIds);
  }

  @Override
  public void requireWithin(TenantSlug tenant, DataScope scope, Collection<String> deviceIds) {
    tenants.require(tenant).devices().requireWithin(scope, deviceIds);
  }

  @Override
  public Map<String, DevicePlace> places(TenantSlug tenant, Collection<String> deviceIds) {
    DevicesTenant t = tenants.find(tenant);
    return t == null ? Map.of() : t.devices().places(deviceIds);
  }
}
