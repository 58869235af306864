package org.courtyard.devices.platform;

import java.time.Instant;
import org.courtyard.driver.DecodeResult;

/**
 * A message its driver accepted, on its way to the tenant's database.
 *
 * @param seq the device's sequence, or for formats without one a negative number derived from the
 *     payload's hash (so a redelivery still has the same key)
 * @param payload the message as it came, in case PostgreSQL refuses what the driver made of it
 */
public record DecodedMessage(
    RegisteredDevice device, long seq, Instant receivedAt, DecodeResult result, byte[] payload) {}
