package org.courtyard.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A per-minute count of work done, e.g. device messages stored, shown to operators beside the REST
 * traffic. Registered as a service; back it with a {@link MinuteCounter}.
 */
@ConsumerType
public interface TrafficSource {

  /** Short lower-case name, e.g. {@code ingest}. */
  String name();

  /** The counts of the last {@code minutes} minutes, oldest first, the current minute last. */
  long[] perMinute(int minutes);
}
