package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Material used on a work order: how much, at the unit cost of that moment, and what it cost
 * ({@code quantity * unitCost}, to the fen); {@code returnedAt} when it was given back (it then
 * costs the order nothing).
 */
public record UseView(
    long id,
    long orderId,
    long materialId,
    String code,
    String name,
    String unit,
    BigDecimal quantity,
    BigDecimal unitCost,
    BigDecimal cost,
    String actorKind,
    long actorId,
    Instant at,
    String note,
    Instant returnedAt) {}
