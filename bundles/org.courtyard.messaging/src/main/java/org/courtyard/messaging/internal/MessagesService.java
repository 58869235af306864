package org.courtyard.messaging.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.courtyard.api.Workers;
import org.courtyard.messaging.Delivery;
import org.courtyard.messaging.Message;
import org.courtyard.messaging.MessageChannel;
import org.courtyard.messaging.MessageThrottle;
import org.courtyard.messaging.Messages;
import org.courtyard.messaging.Sending;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Messages}: picks the channel, applies the limits, and runs the deliveries on the shared
 * workers' lane {@code messaging-send}.
 */
@Component(
    service = Messages.class,
    configurationPid = MessagesService.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MessagesService.Config.class)
public final class MessagesService implements Messages {

  static final String PID = "org.courtyard.messaging";
  static final String LANE = "messaging-send";

  @ObjectClassDefinition(id = PID, name = "Courtyard messages")
  @interface Config {
    @AttributeDefinition(
        name = "Sends at once",
        description =
            "Attempts running at once on the shared workers (each holds a worker thread"
                + " while its provider answers)")
    int concurrency() default 4;

    @AttributeDefinition(
        name = "Messages in flight",
        description =
            "Messages accepted and not yet delivered or given up, retries included;"
                + " past it, send refuses with BUSY")
    int capacity() default 10_000;

    @AttributeDefinition(
        name = "Messages in flight per company",
        description =
            "Of those, what one tenant may hold; past it, that tenant's sends are refused with"
                + " BUSY. Tenants' messages are sent in turns, and each tenant may always have 20"
                + " in flight, however many the others hold.")
    int tenantShare() default 2_000;

    @AttributeDefinition(
        name = "Attempts",
        description = "Attempts per message in all while the provider is away")
    int attempts() default 8;

    @AttributeDefinition(name = "First retry after (seconds)")
    int retryFirstSeconds() default 5;

    @AttributeDefinition(
        name = "Longest pause between retries (seconds)",
        description = "Pauses triple from the first up to this")
    int retryMaxSeconds() default 300;

    @AttributeDefinition(
        name = "Messages per recipient",
        description = "Messages of one purpose to one address of one tenant within the window")
    int recipientLimit() default 10;

    @AttributeDefinition(name = "Recipient window (minutes)")
    int recipientWindowMinutes() default 60;
  }

  private static final Logger LOG = LoggerFactory.getLogger(MessagesService.class);

  private final Channels channels = new Channels();
  private final List<MessageThrottle> throttles = new CopyOnWriteArrayList<>();
  private final Set<Delivering> inFlight = ConcurrentHashMap.newKeySet();
  private final RecipientLimits limits;
  private final Backoff backoff;
  private final Workers.Lane lane;
  private final TenantTurns turns;
  private final int capacity;
  private final int attempts;

  @Activate
  public MessagesService(Config config, @Reference Workers workers) {
    this(
        workers,
        config.concurrency(),
        config.capacity(),
        config.tenantShare(),
        config.attempts(),
        new Backoff(
            Duration.ofSeconds(config.retryFirstSeconds()),
            Duration.ofSeconds(Math.max(config.retryFirstSeconds(), config.retryMaxSeconds())),
            () -> ThreadLocalRandom.current().nextDouble()),
        new RecipientLimits(
            config.recipientLimit(),
            Duration.ofMinutes(config.recipientWindowMinutes()),
            Clock.systemUTC()));
  }

  MessagesService(
      Workers workers,
      int concurrency,
      int capacity,
      int tenantShare,
      int attempts,
      Backoff backoff,
      RecipientLimits limits) {
    if (concurrency < 1 || capacity < 1 || tenantShare < 1 || attempts < 1) {
      throw new IllegalArgumentException(
          "concurrency, capacity, tenantShare and attempts are at least 1 in etc/" + PID + ".cfg");
    }
    this.capacity = capacity;
    this.attempts = attempts;
    this.backoff = backoff;
    this.limits = limits;
    // the turns bound what waits: capacity in all, and each tenant's reserve beyond it
    this.lane = workers.lane(LANE, concurrency, Integer.MAX_VALUE);
    this.turns = new TenantTurns(lane, capacity, tenantShare);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeChannel")
  void addChannel(MessageChannel channel, Map<String, Object> properties) {
    Object ranking = properties.get(Constants.SERVICE_RANKING);
    Object id = properties.get(Constants.SERVICE_ID);
    channels.add(
        channel, ranking instanceof Integer r ? r : 0, id instanceof Long l ? l : Long.MAX_VALUE);
    LOG.info("Message channel {} reaches {}", channel.id(), channel.reaches());
  }

  void removeChannel(MessageChannel channel) {
    channels.remove(channel);
    LOG.info("Message channel {} is gone", channel.id());
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeThrottle")
  void addThrottle(MessageThrottle throttle) {
    throttles.add(throttle);
  }

  void removeThrottle(MessageThrottle throttle) {
    throttles.remove(throttle);
  }

  @Override
  public Sending send(Message message) {
    Optional<MessageChannel> channel = channels.first(message.to().kind());
    if (channel.isEmpty()) {
      return Sending.refused(
          Sending.Refusal.NO_CHANNEL,
          Duration.ZERO,
          "no channel reaches " + message.to().kind() + " addresses");
    }
    Duration wait = limits.wait(message);
    if (wait.isZero()) {
      for (MessageThrottle throttle : throttles) {
        Duration asked = throttle.admit(message);
        if (asked != null && asked.compareTo(wait) > 0) {
          wait = asked;
        }
      }
    }
    if (!wait.isZero()) {
      LOG.debug("{}: throttled for {} s", message, wait.toSeconds());
      return Sending.refused(
          Sending.Refusal.THROTTLED,
          wait,
          "enough " + message.purpose() + " messages to this recipient for now");
    }
    Delivering delivering =
        new Delivering(
            message,
            channels,
            turns,
            backoff,
            attempts,
            d -> {
              inFlight.remove(d);
              turns.release(d.message().tenant());
            });
    inFlight.add(delivering);
    if (!turns.admit(message.tenant(), delivering::attempt)) {
      inFlight.remove(delivering);
      return turns.atShare(message.tenant())
          ? Sending.refused(
              Sending.Refusal.BUSY,
              Duration.ofSeconds(1),
              turns.share() + " messages of " + message.tenant() + " are in flight")
          : busy();
    }
    limits.count(message);
    return Sending.accepted(delivering.outcome().minimalCompletionStage());
  }

  private Sending busy() {
    return Sending.refused(
        Sending.Refusal.BUSY, Duration.ofSeconds(1), capacity + " messages are in flight");
  }

  @Override
  public List<String> channels(String kind) {
    return channels.reaching(kind).stream().map(MessageChannel::id).toList();
  }

  /** Messages accepted and not finished; for tests. */
  int inFlight() {
    return inFlight.size();
  }

  /**
   * Lets attempts under way finish (up to 10 s) and ends the messages that wait for a retry: their
   * channels have not taken them, and the lane runs no more.
   */
  @Deactivate
  void deactivate() throws InterruptedException {
    turns.close();
    if (!lane.close(Duration.ofSeconds(10))) {
      LOG.warn("Messages: attempts still running after 10 s; their outcome comes when they end");
    }
    for (Delivering d : List.copyOf(inFlight)) {
      // one under way ends when its provider answers; a retry it asks for then ends it as stopped
      d.finishIfIdle(
          Delivery.transientFailure("none", "messaging stopped before a channel took it"));
    }
  }
}
