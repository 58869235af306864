package org.courtyard.devices.internal;

import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.TenantPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What the module's resource and the services it offers other modules share: the tenants' running
 * {@link DevicesTenant}s. A request finds the caller's by the tenant of the verified credential and
 * nothing else, so no path, query or header reaches another tenant.
 */
@Component(service = DevicesInstances.class)
public final class DevicesInstances {

  private final TenantInstances<DevicesTenant> tenants =
      new TenantInstances<>(DevicesTenant.class, DevicesModule.ID);

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

  @Activate
  void activate(BundleContext context) {
    tenants.activate(context);
  }

  /** The caller's instance; 404 {@code module-not-enabled} when the tenant has none running. */
  DevicesTenant of(SecurityContext security) {
    return tenants.require(TenantPrincipal.of(security));
  }

  /** The tenant's instance; 404 {@code module-not-enabled} when it has none running. */
  DevicesTenant require(TenantSlug tenant) {
    return tenants.require(tenant);
  }

  /** The tenant's instance, or null when the tenant has not enabled the module. */
  DevicesTenant find(TenantSlug tenant) {
    return tenants.find(tenant);
  }
}
