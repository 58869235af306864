package org.courtyard.devices.internal.dto;

import java.time.Instant;
import java.util.Map;

/**
 * A device and how it is doing.
 *
 * @param state {@code online} (heard from within the heartbeat timeout), {@code offline}, {@code
 *     never-seen}, {@code faulty} (its driver is missing or quarantined; see {@code fault}) or
 *     {@code revoked}
 * @param rejected messages refused (by the driver, a quarantine, a hang or the database), each kept
 *     with its reason under {@code /refusals}
 * @param lastRefusal why the latest refused message was refused
 * @param mqtt how the device connects; its password is only in the answer that created it
 */
public record DeviceView(
    String id,
    String type,
    String driver,
    String name,
    DeviceInput.Location location,
    Map<String, String> settings,
    String state,
    String fault,
    Instant lastSeenAt,
    Long lastSequence,
    long messages,
    long duplicates,
    long rejected,
    String lastRefusal,
    Instant lastRefusedAt,
    Instant createdAt,
    Instant revokedAt,
    Mqtt mqtt) {

  /**
   * @param password only when the device was created or its password replaced
   */
  public record Mqtt(
      String username, String password, String publishTopic, String subscribeTopic) {}
}
