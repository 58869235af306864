package org.courtyard.billing.internal.dto;

import java.time.Instant;

/**
 * A billing run and its progress; {@code status} is queued (waiting for its turn: at most one run
 * per tenant and a few across tenants execute at once), running, completed or failed. {@code
 * startedAt} is null while queued.
 */
public record RunView(
    long id,
    String period,
    String status,
    int roomsTotal,
    int roomsDone,
    int billsCreated,
    String error,
    Instant postedAt,
    Instant startedAt,
    Instant finishedAt) {}
