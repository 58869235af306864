package org.courtyard.admin.api;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /operator/traffic}: per minute, oldest first, REST requests served and device messages
 * stored. The three lists have the same length.
 */
public record Traffic(
    int stepSeconds, List<Instant> minutes, List<Integer> api, List<Integer> ingest) {

  public Traffic {
    minutes = minutes == null ? List.of() : List.copyOf(minutes);
    api = api == null ? List.of() : List.copyOf(api);
    ingest = ingest == null ? List.of() : List.copyOf(ingest);
  }
}
