package org.courtyard.workorders.internal.alarms;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.courtyard.api.TenantSlug;
import org.courtyard.security.AlarmFeed;
import org.courtyard.security.RaisedAlarm;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AlarmPort} over security's {@link AlarmFeed}: DS creates it only while that service
 * exists, so the security package is loaded only when the module is there.
 */
@Component(service = AlarmPort.class)
public final class SecurityAdapter implements AlarmPort {

  private final AlarmFeed feed;

  @Activate
  public SecurityAdapter(@Reference AlarmFeed feed) {
    this.feed = feed;
  }

  @Override
  public boolean enabled(TenantSlug tenant) {
    return feed.enabled(tenant);
  }

  @Override
  public List<Alarm> after(TenantSlug tenant, long afterId, int limit) {
    return feed.after(tenant, afterId, limit).stream().map(SecurityAdapter::alarm).toList();
  }

  @Override
  public OptionalLong latest(TenantSlug tenant) {
    return feed.latest(tenant);
  }

  @Override
  public List<Alarm> of(TenantSlug tenant, Collection<Long> ids) {
    return feed.of(tenant, ids).stream().map(SecurityAdapter::alarm).toList();
  }

  private static Alarm alarm(RaisedAlarm a) {
    return new Alarm(
        a.id(),
        a.kind(),
        a.deviceId(),
        a.source(),
        a.detail(),
        a.status(),
        a.raisedAt(),
        a.acknowledgedBy(),
        a.resolvedAt(),
        a.resolvedBy());
  }
}
