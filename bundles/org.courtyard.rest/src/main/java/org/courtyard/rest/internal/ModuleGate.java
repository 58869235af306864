package org.courtyard.rest.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.TenantSlug;

/** Which (tenant, module) instances are up right now, maintained from TenantModule services. */
final class ModuleGate {

  private final Set<String> running = ConcurrentHashMap.newKeySet();

  void up(String tenant, String module) {
    running.add(module + "@" + tenant);
  }

  void down(String tenant, String module) {
    running.remove(module + "@" + tenant);
  }

  boolean isEnabled(TenantSlug tenant, String module) {
    return running.contains(module + "@" + tenant.value());
  }
}
