package org.courtyard.driver;

import java.util.Objects;

/**
 * One decoded item of a payload: a record with status {@link RecordStatus#GOOD}, or a status and a
 * reason for what could not be decoded (then {@code record} may be null).
 */
public record Decoded(RecordStatus status, DeviceRecord record, String detail) {

  public Decoded {
    Objects.requireNonNull(status, "status");
    if (status == RecordStatus.GOOD && record == null) {
      throw new IllegalArgumentException("a GOOD item needs its record");
    }
  }

  public static Decoded good(DeviceRecord record) {
    return new Decoded(RecordStatus.GOOD, record, null);
  }

  public static Decoded bad(RecordStatus status, String detail) {
    return new Decoded(status, null, detail);
  }

  public boolean isGood() {
    return status == RecordStatus.GOOD;
  }
}
