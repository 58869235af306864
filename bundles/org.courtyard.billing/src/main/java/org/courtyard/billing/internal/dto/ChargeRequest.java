package org.courtyard.billing.internal.dto;

import java.util.List;

/** Body of {@code POST /fee-items/{id}/charges}: bill a one-off fee to the listed rooms. */
public record ChargeRequest(String period, List<Long> roomIds) {}
