package org.courtyard.admin.property.workorders;

import java.io.Serializable;
import java.time.Instant;

/**
 * One message an order's step sent ({@code GET /orders/{id}/notices}): to whom and why (assignee,
 * reporter, watcher), the address masked, and what became of it.
 */
public record Notice(
    long id,
    String action,
    String recipientKind,
    long recipientId,
    String role,
    String addressKind,
    String address,
    String state,
    String channel,
    String detail,
    Instant createdAt,
    Instant updatedAt)
    implements Serializable {}
