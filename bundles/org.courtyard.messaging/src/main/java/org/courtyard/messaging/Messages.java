package org.courtyard.messaging;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends messages through the channel that reaches each address. {@link #send} only decides whether
 * to take a message, on the caller's thread and without waiting for any provider; the delivery runs
 * on the shared workers (lane {@code messaging-send}), where transient failures are retried with
 * growing pauses and everything else is final. A message is tried by one attempt at a time and
 * never again after a channel took it, so it never arrives twice.
 */
@ProviderType
public interface Messages {

  /**
   * Takes {@code message} for delivery, or refuses it at once: no channel reaches its kind of
   * address, the recipient has had enough messages of this purpose lately (or a {@link
   * MessageThrottle} says so), or too many messages are waiting.
   */
  Sending send(Message message);

  /**
   * The ids of the channels that reach addresses of {@code kind}, the one {@link #send} uses first;
   * empty if none does. For a caller choosing which of a person's addresses to use.
   */
  List<String> channels(String kind);
}
