package org.courtyard.parking.internal.dto;

import java.time.LocalDate;

/**
 * Body of {@code POST /parking/cards}: a monthly card for a plate in a lot from {@code firstDay} to
 * {@code lastDay}; the holder is a resident ({@code personId}, while the company has residents) or
 * named here.
 */
public record CardInput(
    Long lotId,
    String plate,
    Long personId,
    String holderName,
    String holderPhone,
    LocalDate firstDay,
    LocalDate lastDay,
    String note) {}
