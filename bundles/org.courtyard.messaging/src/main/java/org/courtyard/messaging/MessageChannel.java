package org.courtyard.messaging;

import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to reach people: e-mail over SMTP, the development log, and later SMS, push or WeChat, each
 * a service of its own. {@link Messages} calls {@link #send} on the shared workers, one attempt at
 * a time; it retries what the channel reports as {@link Delivery.Status#TRANSIENT_FAILURE}.
 *
 * <p>When several channels reach a kind of address, {@link Messages} uses the one with the highest
 * {@code service.ranking} (then the oldest): the development log channel ranks -100, so any real
 * channel for the same kind wins.
 */
@ConsumerType
public interface MessageChannel {

  /** A short name, e.g. {@code email} or {@code log}, in logs and in {@link Delivery#channel}. */
  String id();

  /** The kinds of {@link Address} it reaches, e.g. {@link Address#EMAIL}. */
  Set<String> reaches();

  /**
   * One attempt to hand {@code message} to the provider; blocks until the provider answers or a
   * timeout passes. Every fault of the delivery is reported in the result, classified: a permanent
   * one (bad address) is never retried, a transient one (server away) is. A channel that cannot
   * tell whether the provider took the message says {@link Delivery.Status#UNCONFIRMED}. An
   * exception thrown from here is treated as unconfirmed too.
   */
  Delivery send(Message message);
}
