package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of {@code POST /payments}. Without {@code allocations} the room's open bills are paid oldest
 * first; what is left over goes to the room's prepayment.
 */
public record PaymentRequest(
    Long roomId, BigDecimal amount, String method, List<AllocationInput> allocations) {

  public record AllocationInput(Long billId, BigDecimal amount) {}
}
