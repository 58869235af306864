package org.courtyard.admin.property.security;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;

/** The security endpoints the alarm and access-log screens call ({@code /security/...}). */
public final class SecurityClient implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TenantApi api;

  public SecurityClient(TenantApi api) {
    this.api = api;
  }

  /** Alarms in the user's scope, newest raised first; filter {@code status}. */
  public CursorDataProvider<Alarm> alarms() {
    return CursorDataProvider.of(api, "security/alarms", Alarm.class);
  }

  /**
   * The newest alarms of a status (blank: all), one short page: what the alarm screen watches to
   * know that its list changed.
   */
  public List<Alarm> newest(String status, int limit) {
    return api.page(
            "security/alarms",
            Map.of("status", status == null ? "" : status, "limit", limit),
            Alarm.class)
        .items();
  }

  public Alarm acknowledge(long id, Alarm.Action action) {
    return api.post("security/alarms/" + id + "/acknowledge", action, Alarm.class);
  }

  public Alarm resolve(long id, Alarm.Action action) {
    return api.post("security/alarms/" + id + "/resolve", action, Alarm.class);
  }

  /** Door and gate decisions, newest first; filters {@code deviceId} and {@code granted}. */
  public CursorDataProvider<AccessEvent> accessEvents() {
    return CursorDataProvider.of(api, "security/access-events", AccessEvent.class);
  }
}
