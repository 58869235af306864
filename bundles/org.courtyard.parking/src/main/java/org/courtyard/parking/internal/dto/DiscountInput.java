package org.courtyard.parking.internal.dto;

import java.time.LocalDate;

/**
 * Body of a resident's visitor grant ({@code lotId}, {@code plate}, {@code day}: today when absent,
 * at most 7 days ahead) or of a merchant's coupon ({@code plate}, {@code minutes}, {@code
 * merchant}, {@code code}).
 */
public record DiscountInput(
    Long lotId, String plate, LocalDate day, Integer minutes, String merchant, String code) {}
