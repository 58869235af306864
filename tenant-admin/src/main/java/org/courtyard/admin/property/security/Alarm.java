package org.courtyard.admin.property.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * An alarm as {@code GET /security/alarms} lists it: what (kind), from which device and source, and
 * where it stands — {@code raised}, {@code acknowledged} (by whom, when) or {@code resolved}.
 */
public record Alarm(
    long id,
    String kind,
    String deviceId,
    String source,
    String detail,
    String status,
    Instant raisedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    String resolvedBy,
    String note)
    implements Serializable {

  public boolean raised() {
    return "raised".equals(status);
  }

  public boolean resolved() {
    return "resolved".equals(status);
  }

  /** The body of {@code POST /security/alarms/{id}/acknowledge} and {@code .../resolve}. */
  public record Action(String by, String note) {}
}
