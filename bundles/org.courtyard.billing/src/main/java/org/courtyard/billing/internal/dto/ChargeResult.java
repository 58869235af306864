package org.courtyard.billing.internal.dto;

import java.util.List;

/** Bills created by a charge; rooms charged this fee before are listed, not charged again. */
public record ChargeResult(
    long feeItemId, String period, List<Long> billIds, List<Long> alreadyCharged) {}
