package org.courtyard.billing.internal.dto;

import java.time.LocalDate;

/**
 * Body of {@code POST /meters}: a meter of a room; {@code type} water, electricity or gas; {@code
 * serial} unique in the tenant.
 */
public record MeterInput(
    Long roomId, String type, String serial, LocalDate installedAt, LocalDate removedAt) {}
