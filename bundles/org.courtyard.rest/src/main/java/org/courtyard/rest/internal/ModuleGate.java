package org.courtyard.rest.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantSlug;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

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
    try {
      // slug and module id are validated identifiers: safe inside an LDAP filter
      return context
              .getServiceReferences(
                  TenantModule.class,
                  "(&("
                      + CourtyardConstants.TENANT
                      + "="
                      + tenant.value()
                      + ")("
                      + CourtyardConstants.MODULE
                      + "="
                      + module
                      + "))")
              .size()
          > 0;
    } catch (InvalidSyntaxException e) {
      return false;
    }
  }
}
