package org.courtyard.billing.internal.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A meter reading (抄表); {@code source} manual, csv or device. {@code implausible} readings were
 * stored anyway, for someone to check; {@code reason} says why, in the answer that stored the
 * reading (it is not kept, so lists leave it out).
 */
public record ReadingView(
    long id,
    long meterId,
    Instant readAt,
    BigDecimal value,
    boolean replacement,
    String source,
    boolean implausible,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
    Instant createdAt) {}
