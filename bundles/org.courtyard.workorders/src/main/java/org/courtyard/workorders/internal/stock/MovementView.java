package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One movement of a material's stock: a {@code receipt}, an {@code adjustment}, a {@code use} on a
 * work order or a {@code return} of one. {@code quantity} is signed as the stock moved (a use is
 * negative); {@code unitCost} is the receipt's, or the cost a use was charged at (null for an
 * adjustment); {@code balance} the stock the movement left; {@code unitCostAfter} the moving
 * average after a receipt. Uses and returns name the order, a return the use it gives back. {@code
 * actorKind} is {@code staff} or {@code technician}; {@code actorId} a staff user id, -1 for the
 * company's owner token or an API key.
 */
public record MovementView(
    long id,
    String kind,
    long materialId,
    Instant at,
    BigDecimal quantity,
    BigDecimal unitCost,
    BigDecimal balance,
    BigDecimal unitCostAfter,
    Long orderId,
    String orderNumber,
    Long returnsUseId,
    String actorKind,
    long actorId,
    String note) {}
