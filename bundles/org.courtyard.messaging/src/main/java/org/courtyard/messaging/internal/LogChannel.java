package org.courtyard.messaging.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.courtyard.messaging.Delivery;
import org.courtyard.messaging.Message;
import org.courtyard.messaging.MessageChannel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development channel: writes each message, recipient masked, to the log, so that a developer
 * reads sign-in codes there. It runs while {@code etc/org.courtyard.messaging.log.cfg} exists,
 * which the platform feature installs; a production node deletes that file (the log would hold
 * valid codes). It ranks -100, so a real channel for the same kind of address wins.
 */
@Component(
    service = MessageChannel.class,
    configurationPid = LogChannel.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = "service.ranking:Integer=-100")
@Designate(ocd = LogChannel.Config.class)
public final class LogChannel implements MessageChannel {

  static final String PID = "org.courtyard.messaging.log";

  @ObjectClassDefinition(id = PID, name = "Courtyard log channel (development)")
  @interface Config {
    @AttributeDefinition(
        name = "Kinds of address",
        description = "Comma-separated kinds it stands in for, e.g. email,phone")
    String kinds() default "email,phone";
  }

  private static final Logger LOG = LoggerFactory.getLogger(LogChannel.class);

  private final Set<String> kinds;

  @Activate
  public LogChannel(Config config) {
    this.kinds =
        Arrays.stream(config.kinds().split(","))
            .map(String::strip)
            .filter(k -> !k.isEmpty())
            .collect(Collectors.toUnmodifiableSet());
    LOG.info(
        "Messages to {} addresses are written to this log (development; delete etc/{}.cfg in"
            + " production)",
        kinds,
        PID);
  }

  @Override
  public String id() {
    return "log";
  }

  @Override
  public Set<String> reaches() {
    return kinds;
  }

  @Override
  public Delivery send(Message message) {
    String id = "log-" + UUID.randomUUID();
    LOG.info(
        "Message {} for {} ({}, {}, tenant {}): {}\n{}",
        id,
        message.to().masked(),
        message.purpose(),
        message.language().toLanguageTag(),
        message.tenant().value(),
        message.subject(),
        message.text());
    return Delivery.delivered(id(), id, "written to the log");
  }
}
