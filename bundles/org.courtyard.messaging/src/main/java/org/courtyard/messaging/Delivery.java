package org.courtyard.messaging;

import java.util.Objects;

/**
 * What became of a message: from a channel, the outcome of one attempt; from {@link Messages}, the
 * outcome after all of them.
 *
 * @param status delivered, or why not
 * @param channel the id of the channel that tried, or {@code none}
 * @param providerId what the provider calls the message (an e-mail's {@code Message-ID}, an SMS
 *     gateway's id), for tracing it there; empty unless delivered
 * @param detail the provider's answer or the reason, for logs and support; never the content
 * @param attempts how many attempts were made (1 from a channel)
 */
public record Delivery(
    Delivery.Status status, String channel, String providerId, String detail, int attempts) {

  public enum Status {
    /** The provider took the message (an SMTP server answered 250 to it). */
    DELIVERED,
    /**
     * It will not go this way, however often tried: the address does not exist or is refused, or
     * the provider refuses the message or the channel's account. Not retried.
     */
    PERMANENT_FAILURE,
    /**
     * Not now: the provider is away, busy or asked to come back later. {@link Messages} retries;
     * from it, this status means it gave up.
     */
    TRANSIENT_FAILURE,
    /**
     * The connection broke after the whole message was handed over and before the provider
     * answered: it may have arrived. Not retried, so that it never arrives twice.
     */
    UNCONFIRMED
  }

  public Delivery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(channel, "channel");
    providerId = providerId == null ? "" : providerId;
    detail = detail == null ? "" : detail;
    if (attempts < 1) {
      throw new IllegalArgumentException("a delivery took at least one attempt");
    }
  }

  public static Delivery delivered(String channel, String providerId, String detail) {
    return new Delivery(Status.DELIVERED, channel, providerId, detail, 1);
  }

  public static Delivery permanentFailure(String channel, String detail) {
    return new Delivery(Status.PERMANENT_FAILURE, channel, "", detail, 1);
  }

  public static Delivery transientFailure(String channel, String detail) {
    return new Delivery(Status.TRANSIENT_FAILURE, channel, "", detail, 1);
  }

  public static Delivery unconfirmed(String channel, String detail) {
    return new Delivery(Status.UNCONFIRMED, channel, "", detail, 1);
  }

  public boolean isDelivered() {
    return status == Status.DELIVERED;
  }

  /** This outcome as the last of {@code attempts} attempts. */
  public Delivery afterAttempts(int attempts) {
    return new Delivery(status, channel, providerId, detail, attempts);
  }
}
