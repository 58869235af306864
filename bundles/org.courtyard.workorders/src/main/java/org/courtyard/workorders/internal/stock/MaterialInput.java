package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;

/**
 * The body of {@code POST /materials} and {@code PUT /materials/{id}}: the estate (when creating; a
 * material stays in its estate), code, name, unit; the unit cost before any receipt (when creating,
 * 0 if left out); whether it is in use; the version last read (when updating).
 */
public record MaterialInput(
    Long estateId,
    String code,
    String name,
    String unit,
    BigDecimal unitCost,
    Boolean active,
    Integer version) {}
