package org.courtyard.rest.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.osgi.framework.BundleContext;

/**
 * Which (tenant, module) instances are up right now, maintained from TenantModule services. A miss
 * is checked against the service registry, so a request that arrives between an instance's
 * registration and the bind callback is not turned away.
 */
final class ModuleGate {

  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final BundleContext context;

  ModuleGate(BundleContext context) {
    this.context = context;
  }

  void up(String tenant, String module) {
    running.add(module + "@" + tenant);
  }

  void down(String tenant, String module) {
    running.remove(module + "@" + tenant);
  }

  boolean isEnabled(TenantSlug tenant, String module) {
    if (running.contains(module + "@" + tenant.value())) {
      return true;
    }
    return TenantInstances.isRunning(context, tenant, module);
  }
}
