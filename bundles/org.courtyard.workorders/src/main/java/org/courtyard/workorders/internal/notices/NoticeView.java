package org.courtyard.workorders.internal.notices;

import java.time.Instant;

/**
 * One message of an order's delivery log: the step that sent it, to whom (a staff user or a
 * resident, as assignee, reporter or watcher), where (the address masked), and what became of it:
 * queued (taken by a channel, not answered yet), delivered, unconfirmed, failed, refused (no
 * channel, too many lately, busy) or no-address (the person has none).
 */
public record NoticeView(
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
    Instant updatedAt) {}
