package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A material of an estate's stores: the quantity in stock (3 decimals) and its moving-average unit
 * cost (yuan, 2 decimals). The version changes with the descriptive fields only, not with stock
 * movements.
 */
public record MaterialView(
    long id,
    long estateId,
    String code,
    String name,
    String unit,
    BigDecimal quantity,
    BigDecimal unitCost,
    boolean active,
    Instant updatedAt,
    int version) {}
