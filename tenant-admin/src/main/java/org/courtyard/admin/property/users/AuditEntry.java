package org.courtyard.admin.property.users;

import java.io.Serializable;
import java.time.Instant;

/** One row of the company's audit log: who did what, to which objects, when, from where. */
public record AuditEntry(
    long id,
    Instant at,
    String principalKind,
    String principalId,
    String principalName,
    String operation,
    String permission,
    String objectIds,
    String summary,
    String source,
    String requestId,
    String outcome)
    implements Serializable {

  /** The user name, or the id of a principal without one (an API key). */
  public String who() {
    return principalName == null || principalName.isBlank() ? principalId : principalName;
  }
}
