package org.courtyard.admin.api;

import java.time.Instant;

/** An approved driver jar SHA-256; {@code used} once a jar with it was uploaded. */
public record Approval(String sha256, String note, Instant approvedAt, boolean used) {}
