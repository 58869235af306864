package org.courtyard.billing.internal.dto;

import java.math.BigDecimal;

/**
 * Body of {@code POST /meters/{id}/readings}. {@code readAt} is an ISO-8601 time with offset
 * ({@code 2026-11-30T09:00:00+08:00}), a local time ({@code 2026-11-30T09:00}) or a date ({@code
 * 2026-11-30}, its first moment), local ones in the tenant's time zone. {@code replacement} true
 * marks the first reading of a new physical meter, which may be lower than the previous reading.
 */
public record ReadingInput(String readAt, BigDecimal value, Boolean replacement) {}
