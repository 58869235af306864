package org.courtyard.security.internal;

import javax.ws.rs.core.SecurityContext;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.devices.DeviceDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * What security's REST resources share: the caller's {@link SecurityTenant}, found by the tenant of
 * the verified credential only, the devices the caller's data scope reaches ({@link DeviceScope}),
 * and the caller's devices, to which doors are opened and credentials pushed within that scope.
 */
@Component(service = SecurityInstances.class)
public final class SecurityInstances {

  private final TenantInstances<SecurityTenant> tenants =
      new TenantInstances<>(SecurityTenant.class, SecurityModule.ID);

  private final DeviceDirectory devices;

  @Activate
  public SecurityInstances(BundleContext context, @Reference DeviceDirectory devices) {
    this.devices = devices;
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

  /** The caller's security instance; 404 {@code module-not-enabled} without one. */
  SecurityTenant of(SecurityContext security) {
    return tenants.require(TenantPrincipal.of(security));
  }

  /** The tenant's security instance; null without one. */
  SecurityTenant find(TenantSlug tenant) {
    return tenants.find(tenant);
  }

  /** The tenant's security instance; 404 {@code module-not-enabled} without one. */
  SecurityTenant require(TenantSlug tenant) {
    return tenants.require(tenant);
  }

  /**
   * Commands to the caller's devices, through their drivers, as the devices API sends them; a
   * device outside the caller's scope answers 404 as a missing one.
   */
  DeviceCommands devices(SecurityContext security) {
    TenantSlug tenant = TenantPrincipal.of(security);
    DataScope scope = TenantPrincipal.scopeOf(security);
    return (device, command, args) -> devices.send(tenant, scope, device, command, args);
  }

  /** The devices the caller's scope for the current operation reaches. */
  DeviceScope scope(SecurityContext security) {
    return scope(TenantPrincipal.of(security), TenantPrincipal.scopeOf(security));
  }

  /** The devices of {@code tenant} that {@code scope} reaches. */
  DeviceScope scope(TenantSlug tenant, DataScope scope) {
    if (scope.isAll()) {
      return DeviceScope.ALL;
    }
    return DeviceScope.of(
        devices.idsWithin(tenant, scope), ids -> devices.requireWithin(tenant, scope, ids));
  }
}
