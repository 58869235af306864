package org.courtyard.billing.internal.dto;

import java.time.Instant;

/** A billing run and its progress; {@code status} is running, completed or failed. */
public record RunView(
    long id,
    String period,
    String status,
    int roomsTotal,
    int roomsDone,
    int billsCreated,
    String error,
    Instant startedAt,
    Instant finishedAt) {}
