package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A bill (账单); {@code kind} periodic or one_off, {@code status} open, paid or cancelled. */
public record BillView(
    long id,
    long roomId,
    long buildingId,
    String period,
    String kind,
    BigDecimal total,
    BigDecimal paid,
    BigDecimal outstanding,
    String currency,
    String status,
    LocalDate dueDate,
    UUID txId,
    Instant createdAt,
    List<BillLineView> lines) {}
