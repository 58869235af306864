package org.courtyard.workorders.internal.stock;

import java.math.BigDecimal;

/** The body of {@code POST /orders/{orderId}/materials}: which material, how much, a note. */
public record UseInput(Long materialId, BigDecimal quantity, String note) {}
