package org.courtyard.api;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Figures a module reports about one tenant for the operator's overview: how many rooms, residents
 * or devices it holds, when it last heard from a device. Implemented by a module's {@link
 * TenantModule} instance, so a module a tenant has not enabled reports nothing for it. Values are
 * numbers, strings or {@link java.time.Instant}s; keys are camelCase and unique across modules.
 */
@ConsumerType
public interface TenantStatistics {

  /** Cheap to compute (a count or a max over an indexed column): operators poll it. */
  Map<String, Object> statistics();
}
