package org.courtyard.devices.internal;

import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.devices.DeviceCommand;
import org.courtyard.devices.DeviceDirectory;
import org.courtyard.devices.DeviceStatus;
import org.courtyard.devices.internal.dto.CommandInput;
import org.courtyard.devices.internal.dto.CommandView;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@link DeviceDirectory} from the tenants' own devices module instances. */
@Component(service = DeviceDirectory.class)
public final class DeviceDirectoryService implements DeviceDirectory {

  private final TenantInstances<DevicesTenant> tenants =
      new TenantInstances<>(DevicesTenant.class, DevicesModule.ID);

  @Activate
  public DeviceDirectoryService(BundleContext context) {
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
  public List<DeviceStatus> statuses(TenantSlug tenant) {
    DevicesTenant t = tenants.find(tenant);
    return t == null ? List.of() : t.statuses();
  }

  @Override
  public DeviceCommand send(
      TenantSlug tenant, String deviceId, String name, Map<String, String> args) {
    DevicesTenant t = tenants.find(tenant);
    if (t == null) {
      throw ProblemException.notFound(
          "module-not-enabled",
          "Module not enabled",
          "Module 'devices' is not enabled for tenant '" + tenant + "'.");
    }
    CommandView v = t.send(deviceId, new CommandInput(name, args));
    return new DeviceCommand(v.id(), v.deviceId(), v.name(), v.status(), v.detail());
  }
}
