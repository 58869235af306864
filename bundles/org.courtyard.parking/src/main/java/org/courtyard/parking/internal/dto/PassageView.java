package org.courtyard.parking.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A vehicle a gate's camera read, and what the gate decided: {@code decision} open, refuse or guard
 * (a person decides; {@code decidedBy} and {@code decidedAt} once they did), {@code reason} why
 * ({@code card}, {@code white-list}, {@code temporary}, {@code free}, {@code black-list}, {@code
 * full}, {@code no-plate}, {@code low-confidence}, {@code no-entry}, {@code payment-due}, {@code
 * no-tariff}); an exit names its entry and the fee of a temporary stay. {@code commandId} is the
 * open command sent to the camera.
 */
public record PassageView(
    long id,
    long lotId,
    long gateId,
    String gateName,
    String direction,
    String plate,
    String readPlate,
    String colour,
    int confidence,
    String snapshot,
    Instant seenAt,
    String decision,
    String reason,
    Long cardId,
    Long listEntryId,
    Long entryId,
    BigDecimal fee,
    boolean inside,
    Long commandId,
    Long decidedBy,
    Instant decidedAt,
    String note) {}
