package org.courtyard.devices.platform;

import java.time.Instant;

/**
 * A message that will not become readings, stored as it came with the reason: the driver refused
 * it, the device or its driver is quarantined, the driver hung on it, or PostgreSQL refused what
 * the driver made of it. It is acknowledged only once this record is committed, so what the device
 * sent is never lost without a trace.
 */
public record RefusedMessage(
    RegisteredDevice device, Instant receivedAt, String reason, byte[] payload) {

  /** Payload bytes kept per refused message; the size of the whole is recorded too. */
  public static final int KEPT_BYTES = 16 * 1024;

  public RefusedMessage {
    reason = reason == null ? "refused" : clean(reason);
  }

  /** A reason fit for a varchar column: no NUL (PostgreSQL refuses it), at most 300 characters. */
  public static String clean(String s) {
    String t = s.replace('\u0000', '?');
    return t.length() > 300 ? t.substring(0, 297) + "..." : t;
  }
}
