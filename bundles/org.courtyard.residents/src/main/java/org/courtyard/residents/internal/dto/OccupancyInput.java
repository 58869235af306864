package org.courtyard.residents.internal.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /occupancies}. {@code role} is owner, occupant, tenant or family; {@code
 * sharePercent} (more than 0, at most 100, two decimals) only for owners, and may be left out for
 * joint ownership without shares; {@code moveIn} an ISO date such as {@code 2024-03-01}.
 */
public record OccupancyInput(
    Long personId, Long roomId, String role, BigDecimal sharePercent, LocalDate moveIn) {}
