package org.courtyard.security.internal;

import java.util.List;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantInstances;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceEventListener;
import org.courtyard.driver.DeviceRecord;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Access decisions and alarms that devices reported, for the tenants that run the security module;
 * the devices module calls this after it stored the records.
 */
@Component(
    service = DeviceEventListener.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
public final class SecurityEvents implements DeviceEventListener {

  private final TenantInstances<SecurityTenant> tenants =
      new TenantInstances<>(SecurityTenant.class, SecurityModule.ID);

  @Activate
  public SecurityEvents(BundleContext context) {
    tenants.activate(context);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(SecurityTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(SecurityTenant instance) {
    tenants.unbind(instance);
  }

  @Override
  public void onEvents(List<DeviceEvent> events) {
    List<DeviceEvent> mine =
        events.stream()
            .filter(
                e ->
                    e.record() instanceof DeviceRecord.AccessEvent
                        || e.record() instanceof DeviceRecord.Alarm)
            .toList();
    if (mine.isEmpty()) {
      return;
    }
    SecurityTenant security = tenants.find(mine.get(0).tenant());
    if (security != null) {
      security.record(mine);
    }
  }
}
