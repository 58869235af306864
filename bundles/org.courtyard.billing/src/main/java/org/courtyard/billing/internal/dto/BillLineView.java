package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;

public record BillLineView(
    long feeItemId,
    String feeCode,
    String feeName,
    BigDecimal quantity,
    BigDecimal unitPrice,
    int months,
    int daysEffective,
    int daysInCycle,
    BigDecimal calculated,
    BigDecimal amount) {}
