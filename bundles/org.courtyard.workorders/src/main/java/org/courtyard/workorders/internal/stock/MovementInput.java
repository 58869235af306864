package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;

/**
 * The body of {@code POST /materials/{id}/receipts} (a positive quantity, its unit cost, an
 * optional note) and of {@code POST /materials/{id}/adjustments} (a quantity found more, or less
 * when negative; a note saying why; no unit cost).
 */
public record MovementInput(BigDecimal quantity, BigDecimal unitCost, String note) {}
