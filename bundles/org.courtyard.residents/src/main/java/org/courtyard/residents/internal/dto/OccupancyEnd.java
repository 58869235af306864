package org.courtyard.residents.internal.dto;

import java.time.LocalDate;

/** Body of {@code POST /occupancies/{id}/end}: the move-out date, on or after the move-in date. */
public record OccupancyEnd(LocalDate moveOut) {}
