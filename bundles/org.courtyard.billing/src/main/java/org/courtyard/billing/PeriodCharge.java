package org.courtyard.billing;

import java.math.BigDecimal;

/**
 * One charge another module puts on a room in a billing run ({@link PeriodCharges}).
 *
 * @param reference the module's key for this charge, unique within the module (at most 100
 *     characters), e.g. {@code lease-12-2027-01-31}: billed once, whichever run meets it first
 * @param feeCode the fee item the charge is booked to (its income account); billing creates an item
 *     of that code with no price of its own when the tenant has none, as for {@link RoomCharges}
 * @param feeName the item's name when billing creates it
 * @param text the charge's text on the bill and the statement, naming what is charged (at most 100
 *     characters), e.g. {@code 车位租金 Parking rent P1-B012 2027-01-31}
 * @param amount positive, at most two places, less than 100,000,000
 */
public record PeriodCharge(
    String reference, String feeCode, String feeName, String text, BigDecimal amount) {}
