package org.courtyard.admin.property.workorders;

import java.io.Serializable;
import java.time.Instant;

/** A staff user told of every step of an order ({@code GET /orders/{id}/watchers}). */
public record Watcher(long userId, String displayName, Long addedBy, Instant addedAt)
    implements Serializable {}
