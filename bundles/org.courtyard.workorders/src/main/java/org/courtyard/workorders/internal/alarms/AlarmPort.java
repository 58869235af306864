package org.courtyard.workorders.internal.alarms;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.courtyard.api.TenantSlug;

/**
 * Security's alarms as work orders follow them; implemented over security's {@code AlarmFeed} while
 * the security bundle is installed, so this module names security's package in one class only.
 */
public interface AlarmPort {

  /** An alarm a device raised, and where it stands: raised, acknowledged or resolved. */
  record Alarm(
      long id,
      String kind,
      String deviceId,
      String source,
      String detail,
      String status,
      Instant raisedAt,
      String acknowledgedBy,
      Instant resolvedAt,
      String resolvedBy) {}

  /** Whether the tenant has security enabled right now. */
  boolean enabled(TenantSlug tenant);

  /** Up to {@code limit} alarms after {@code afterId}, in id order. */
  List<Alarm> after(TenantSlug tenant, long afterId, int limit);

  /** The latest alarm id handed out so far; empty when there is none. */
  OptionalLong latest(TenantSlug tenant);

  /** These alarms as they stand now; ids that are none are left out. */
  List<Alarm> of(TenantSlug tenant, Collection<Long> ids);
}
