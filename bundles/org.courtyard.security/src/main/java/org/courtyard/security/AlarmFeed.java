package org.courtyard.security;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.courtyard.api.TenantSlug;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A tenant's alarms for other modules to follow, oldest first by id: a reader keeps the last id it
 * took and asks for what came after it. An alarm is handed out only once it has been recorded for a
 * few seconds, so that one recorded by a transaction that committed after a later id's is not
 * passed over. Pull only: the devices' ingest path does not wait for any reader.
 */
@ProviderType
public interface AlarmFeed {

  /** Whether the tenant has the security module enabled and ready. */
  boolean enabled(TenantSlug tenant);

  /**
   * Up to {@code limit} alarms with an id above {@code afterId}, in id order; empty when the tenant
   * has no security module.
   */
  List<RaisedAlarm> after(TenantSlug tenant, long afterId, int limit);

  /**
   * The id of the tenant's latest alarm handed out so far, where a new reader starts so as not to
   * act on the past; empty when the tenant has none or no security module.
   */
  OptionalLong latest(TenantSlug tenant);

  /** The alarms of these ids as they stand now; ids that are none are left out. */
  List<RaisedAlarm> of(TenantSlug tenant, Collection<Long> ids);
}
