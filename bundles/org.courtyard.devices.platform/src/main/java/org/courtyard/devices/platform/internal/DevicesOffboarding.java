package org.courtyard.devices.platform.internal;

import java.sql.Connection;
import org.courtyard.api.OnboardingListener;
import org.courtyard.api.TenantSlug;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * When a tenant is offboarded its devices' broker accounts go too. Disabling the module only
 * suspends them (enabling it again lets the same devices in); offboarding deletes them, which on an
 * external Mosquitto means the dynamic-security clients and roles of {@code <tenant>/...}.
 */
@Component(service = OnboardingListener.class)
public final class DevicesOffboarding implements OnboardingListener {

  private final DeviceRegistry registry;

  @Activate
  public DevicesOffboarding(@Reference DeviceRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void tenantCreated(TenantSlug tenant, Connection transaction) {
    // nothing: a tenant starts with no devices
  }

  @Override
  public void tenantRemoved(TenantSlug tenant) {
    registry.purge(tenant);
  }
}
