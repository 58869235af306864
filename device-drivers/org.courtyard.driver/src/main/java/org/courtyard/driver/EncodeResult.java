package org.courtyard.driver;

import java.util.Objects;

/**
 * A command encoded for the downlink, or why it could not be.
 *
 * @param status {@link Status#OK} with the payload to publish, else no payload and a reason
 */
public record EncodeResult(Status status, byte[] payload, String detail) {

  public enum Status {
    OK,
    /** The device type has no such command. */
    UNSUPPORTED,
    /** The command's arguments are missing or wrong. */
    INVALID
  }

  public EncodeResult {
    Objects.requireNonNull(status, "status");
    if ((status == Status.OK) != (payload != null)) {
      throw new IllegalArgumentException("a payload exactly when OK");
    }
  }

  public static EncodeResult ok(byte[] payload) {
    return new EncodeResult(Status.OK, payload, null);
  }

  public static EncodeResult unsupported(String detail) {
    return new EncodeResult(Status.UNSUPPORTED, null, detail);
  }

  public static EncodeResult invalid(String detail) {
    return new EncodeResult(Status.INVALID, null, detail);
  }
}
