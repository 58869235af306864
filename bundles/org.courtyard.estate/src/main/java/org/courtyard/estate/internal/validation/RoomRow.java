package org.courtyard.estate.internal.validation;

import java.math.BigDecimal;

/** A data row of a room import that passed every check that does not need the database. */
public record RoomRow(
    int line,
    String unitCode,
    String number,
    int floor,
    BigDecimal area,
    RoomType type,
    RoomStatus status) {}
