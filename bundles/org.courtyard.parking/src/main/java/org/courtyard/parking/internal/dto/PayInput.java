package org.courtyard.parking.internal.dto;

/**
 * Body of a temporary stay's payment: {@code method} cash, bank, wechat or alipay; {@code plate} of
 * the vehicle inside for a payment ahead; an optional {@code note} for the exit's passage.
 */
public record PayInput(String plate, String method, String note) {}
