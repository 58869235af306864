package org.courtyard.billing;

import java.math.BigDecimal;

/**
 * One line another module puts on a room's bill of a period ({@link PeriodCharges}).
 *
 * @param feeCode the fee item the line is booked to (its income account); billing creates an item
 *     of that code with no price of its own when the tenant has none, as for {@link RoomCharges}
 * @param feeName the item's name when billing creates it
 * @param text the line's text on the bill and the statement, naming what is charged (at most 100
 *     characters), e.g. {@code 车位租金 Parking rent P1-B012}
 * @param amount positive, at most two places
 */
public record PeriodCharge(String feeCode, String feeName, String text, BigDecimal amount) {}
