package org.courtyard.workorders.internal.notices;

import java.time.Instant;

/** A staff user told of every step of an order, and who added them when. */
public record WatcherView(long userId, String displayName, Long addedBy, Instant addedAt) {}
