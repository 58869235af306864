package org.courtyard.residents.internal.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An occupancy as the API returns it; current while {@code moveOut} is null. {@code personName} and
 * {@code roomLabel} (estate's label of the room, e.g. {@code TE1/B1/U1/101}; null for a room estate
 * no longer has) are there so that a room's history and a person's rooms read without one request
 * per row; {@code estateId} and {@code buildingId} are where the room is (null while not yet known
 * for an occupancy recorded before data scopes).
 */
public record OccupancyView(
    long id,
    long personId,
    String personName,
    long roomId,
    String roomLabel,
    Long estateId,
    Long buildingId,
    String role,
    BigDecimal sharePercent,
    LocalDate moveIn,
    LocalDate moveOut,
    Instant createdAt) {}
