package org.courtyard.messaging.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.courtyard.messaging.Delivery;
import org.courtyard.messaging.Message;
import org.courtyard.messaging.MessageChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One accepted message on its way: one attempt at a time on the lane, each through the channel that
 * reaches the address at that moment; a transient failure comes back to the lane after a pause,
 * anything else ends it. The outcome completes {@link #outcome} once.
 */
final class Delivering {

  private static final Logger LOG = LoggerFactory.getLogger(Delivering.class);

  private final Message message;
  private final Channels channels;
  private final TenantTurns turns;
  private final Backoff backoff;
  private final int maxAttempts;
  private final Consumer<Delivering> done;
  private final CompletableFuture<Delivery> outcome = new CompletableFuture<>();
  private int attempts; // only the attempt running touches it: one at a time
  private volatile boolean attempting;

  Delivering(
      Message message,
      Channels channels,
      TenantTurns turns,
      Backoff backoff,
      int maxAttempts,
      Consumer<Delivering> done) {
    this.message = message;
    this.channels = channels;
    this.turns = turns;
    this.backoff = backoff;
    this.maxAttempts = maxAttempts;
    this.done = done;
  }

  CompletableFuture<Delivery> outcome() {
    return outcome;
  }

  Message message() {
    return message;
  }

  /**
   * Ends it with {@code result} unless an attempt is under way; true when it ended (now or before).
   * An attempt starts only while it has not ended, under the same lock, so a message ended here is
   * never sent afterwards.
   */
  synchronized boolean finishIfIdle(Delivery result) {
    if (attempting) {
      return outcome.isDone();
    }
    finish(result);
    return true;
  }

  /** Starts an attempt unless the message has ended. */
  private synchronized boolean start() {
    if (outcome.isDone()) {
      return false;
    }
    attempting = true;
    return true;
  }

  /** One attempt; for the lane. */
  void attempt() {
    if (!start()) {
      return;
    }
    MDC.put("tenant", message.tenant().value());
    try {
      attempts++;
      Delivery result = tryOnce();
      if (result.status() == Delivery.Status.TRANSIENT_FAILURE && attempts < maxAttempts) {
        Duration pause = backoff.after(attempts);
        LOG.debug(
            "{}: attempt {} through {} failed for now ({}); again in {} ms",
            message,
            attempts,
            result.channel(),
            result.detail(),
            pause.toMillis());
        if (!turns.later(message.tenant(), pause, this::attempt)) {
          finish(
              Delivery.transientFailure(result.channel(), "messaging stopped before a retry")
                  .afterAttempts(attempts));
        }
        return;
      }
      finish(result.afterAttempts(attempts));
    } finally {
      attempting = false;
      MDC.remove("tenant");
    }
  }

  private Delivery tryOnce() {
    Optional<MessageChannel> channel = channels.first(message.to().kind());
    if (channel.isEmpty()) {
      // the channel went away (its configuration is being changed, say) and may come back
      return Delivery.transientFailure("none", "no channel reaches " + message.to().kind());
    }
    MessageChannel c = channel.get();
    try {
      Delivery d = c.send(message);
      return d != null ? d : Delivery.unconfirmed(c.id(), "the channel answered nothing");
    } catch (RuntimeException e) {
      // the channel broke its contract; whether the provider got the message is not known
      LOG.error("{}: channel {} failed unexpectedly", message, c.id(), e);
      return Delivery.unconfirmed(c.id(), "the channel failed: " + e);
    }
  }

  /** Ends it with {@code result}, unless it has ended already. */
  void finish(Delivery result) {
    if (!outcome.complete(result)) {
      return;
    }
    switch (result.status()) {
      case DELIVERED ->
          LOG.debug(
              "{}: delivered through {} as {} after {} attempt(s)",
              message,
              result.channel(),
              result.providerId(),
              result.attempts());
      case PERMANENT_FAILURE ->
          LOG.info("{}: not delivered through {}: {}", message, result.channel(), result.detail());
      case TRANSIENT_FAILURE ->
          LOG.warn(
              "{}: given up after {} attempt(s) through {}: {}",
              message,
              result.attempts(),
              result.channel(),
              result.detail());
      case UNCONFIRMED ->
          LOG.warn(
              "{}: may or may not have arrived through {} (not retried): {}",
              message,
              result.channel(),
              result.detail());
    }
    done.accept(this);
  }
}
