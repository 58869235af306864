package org.courtyard.driver;

/**
 * How a record, or a whole payload, came out of decoding. Only {@link #GOOD} records are stored.
 */
public enum RecordStatus {
  /** Decoded and plausible. */
  GOOD,
  /** The payload's checksum or signature does not match. */
  BAD_CHECKSUM,
  /** The payload or this part of it does not follow the device's format. */
  MALFORMED,
  /** Well-formed, but a kind of message or value the driver does not handle. */
  UNSUPPORTED,
  /** Well-formed, but the value cannot be right (negative meter total, humidity of 300%). */
  OUT_OF_RANGE,
  /** The device reports a fault of its own for this value (sensor error code). */
  DEVICE_FAULT
}
