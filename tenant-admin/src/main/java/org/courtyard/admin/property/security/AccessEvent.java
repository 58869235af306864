package org.courtyard.admin.property.security;

import java.io.Serializable;
import java.time.Instant;

/** A door or gate decision of the access log ({@code GET /security/access-events}). */
public record AccessEvent(
    long id,
    String deviceId,
    String door,
    String credentialKind,
    String credential,
    boolean granted,
    String reason,
    Instant at,
    String holder)
    implements Serializable {}
