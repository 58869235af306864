package org.courtyard.messaging;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What {@link Messages#send} answers at once: the message was accepted, with the delivery still to
 * come, or refused and why.
 */
public final class Sending {

  /** Why a message was not taken. */
  public enum Refusal {
    /** No channel reaches this kind of address. */
    NO_CHANNEL,
    /** The recipient had enough messages of this purpose lately; see {@link #retryAfter}. */
    THROTTLED,
    /** Too many messages are waiting for delivery; try again shortly. */
    BUSY
  }

  private final Refusal refusal;
  private final Duration retryAfter;
  private final String detail;
  private final CompletionStage<Delivery> delivery;

  private Sending(
      Refusal refusal, Duration retryAfter, String detail, CompletionStage<Delivery> delivery) {
    this.refusal = refusal;
    this.retryAfter = retryAfter;
    this.detail = detail;
    this.delivery = delivery;
  }

  public static Sending accepted(CompletionStage<Delivery> delivery) {
    return new Sending(null, Duration.ZERO, "", Objects.requireNonNull(delivery, "delivery"));
  }

  public static Sending refused(Refusal refusal, Duration retryAfter, String detail) {
    Objects.requireNonNull(refusal, "refusal");
    return new Sending(
        refusal,
        retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter,
        detail == null ? "" : detail,
        null);
  }

  public boolean isAccepted() {
    return refusal == null;
  }

  /** Why it was refused; null when accepted. */
  public Refusal refusal() {
    return refusal;
  }

  /** When a refused message like it may be sent again ({@link Duration#ZERO} if not known). */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** The reason in words, for logs; empty when accepted. */
  public String detail() {
    return detail;
  }

  /**
   * The outcome once every attempt is made; it never completes exceptionally. For a refused
   * message, an already completed permanent failure on channel {@code none}.
   */
  public CompletionStage<Delivery> delivery() {
    if (delivery != null) {
      return delivery;
    }
    return CompletableFuture.completedFuture(
        Delivery.permanentFailure("none", "refused: " + refusal + " " + detail));
  }

  @Override
  public String toString() {
    return isAccepted() ? "Sending[accepted]" : "Sending[refused " + refusal + ": " + detail + "]";
  }
}
