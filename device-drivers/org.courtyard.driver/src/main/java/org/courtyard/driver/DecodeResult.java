package org.courtyard.driver;

import java.util.List;
import java.util.Objects;

/**
 * What came out of one payload.
 *
 * @param status {@link RecordStatus#GOOD} when the payload as a whole was understood (its items may
 *     still carry their own bad statuses); otherwise why it was rejected, and no items
 * @param sequence the device's own message counter, if the payload carries one. The gateway stores
 *     a (device, sequence) once, so a redelivered message is counted as a duplicate, not stored
 *     twice. Null when the format has none; the gateway then dedupes on a hash of the payload.
 * @param items the decoded records and the parts that could not be decoded, in payload order
 * @param detail a human-readable reason when rejected
 */
public record DecodeResult(RecordStatus status, Long sequence, List<Decoded> items, String detail) {

  public DecodeResult {
    Objects.requireNonNull(status, "status");
    items = List.copyOf(items);
    if (status != RecordStatus.GOOD && !items.isEmpty()) {
      throw new IllegalArgumentException("a rejected payload has no items");
    }
  }

  public static DecodeResult of(Long sequence, List<Decoded> items) {
    return new DecodeResult(RecordStatus.GOOD, sequence, items, null);
  }

  public static DecodeResult rejected(RecordStatus status, String detail) {
    if (status == RecordStatus.GOOD) {
      throw new IllegalArgumentException("a rejection needs a bad status");
    }
    return new DecodeResult(status, null, List.of(), detail);
  }

  public boolean accepted() {
    return status == RecordStatus.GOOD;
  }
}
