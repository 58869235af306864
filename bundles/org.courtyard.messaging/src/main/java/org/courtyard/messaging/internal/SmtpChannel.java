package org.courtyard.messaging.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.courtyard.messaging.Address;
import org.courtyard.messaging.Delivery;
import org.courtyard.messaging.Message;
import org.courtyard.messaging.MessageChannel;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mail over SMTP (Jakarta Mail 2.1 over Angus Mail). Active only while {@code
 * etc/org.courtyard.messaging.smtp.cfg} names a host. One connection per attempt: the attempt
 * connects, sends and quits, so a server that went away costs one refused connection and nothing
 * stays open between messages.
 */
@Component(
    service = MessageChannel.class,
    configurationPid = SmtpChannel.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmtpChannel.Config.class)
public final class SmtpChannel implements MessageChannel {

  static final String PID = "org.courtyard.messaging.smtp";
  static final String ID = "email";

  @ObjectClassDefinition(id = PID, name = "Courtyard e-mail channel (SMTP)")
  @interface Config {
    @AttributeDefinition(name = "SMTP host", description = "Required: the channel is off without")
    String host() default "";

    @AttributeDefinition(name = "Port", description = "587 for STARTTLS, 465 for SSL, 25 plain")
    int port() default 587;

    @AttributeDefinition(
        name = "Security",
        options = {
          @Option(value = "starttls", label = "STARTTLS, required"),
          @Option(value = "ssl", label = "SSL/TLS from the start"),
          @Option(value = "none", label = "none (a relay on a trusted network only)")
        })
    String security() default "starttls";

    @AttributeDefinition(name = "User name", description = "Empty: no login")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "From address", description = "Required, e.g. noreply@example.com")
    String fromAddress() default "";

    @AttributeDefinition(name = "From name", description = "Shown as the sender, UTF-8")
    String fromName() default "Courtyard";

    @AttributeDefinition(
        name = "Name in HELO/EHLO",
        description = "Empty: this host's name as Java finds it")
    String heloName() default "";

    @AttributeDefinition(name = "Connect timeout (seconds)")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(
        name = "Read timeout (seconds)",
        description = "How long to wait for each answer of the server")
    int readTimeoutSeconds() default 30;
  }

  private static final Logger LOG = LoggerFactory.getLogger(SmtpChannel.class);

  private final MailProviders providers = new MailProviders();
  private final Session session;
  private final InternetAddress from;
  private final String host;
  private final int port;
  private final String username;
  private final String password;

  @Activate
  public SmtpChannel(Config config) throws MessagingException {
    this.host = config.host().strip();
    if (host.isEmpty()) {
      throw new IllegalArgumentException("etc/" + PID + ".cfg names no host");
    }
    this.port = config.port();
    this.username = config.username().strip();
    this.password = config.password();
    // a sender's name is encoded by the mail API, which needs Angus already (MailProviders)
    this.from = providers.run(() -> from(config));
    this.session = providers.run(() -> Session.getInstance(properties(config)));
    LOG.info(
        "E-mail goes through {}:{} ({}) from {}", host, port, config.security(), from.getAddress());
  }

  private static InternetAddress from(Config config) throws AddressException {
    String address = config.fromAddress().strip();
    if (address.isEmpty()) {
      throw new IllegalArgumentException("etc/" + PID + ".cfg names no fromAddress");
    }
    InternetAddress parsed = new InternetAddress(address, true);
    try {
      return config.fromName().isBlank()
          ? parsed
          : new InternetAddress(
              parsed.getAddress(), config.fromName().strip(), StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always there", e);
    }
  }

  static Properties properties(Config config) {
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", config.host().strip());
    p.setProperty("mail.smtp.port", String.valueOf(config.port()));
    p.setProperty("mail.smtp.connectiontimeout", millis(config.connectTimeoutSeconds()));
    p.setProperty("mail.smtp.timeout", millis(config.readTimeoutSeconds()));
    // the message is taken once the server answered 250; its reply to QUIT changes nothing
    p.setProperty("mail.smtp.quitwait", "false");
    p.setProperty("mail.smtp.auth", String.valueOf(!config.username().isBlank()));
    if (!config.heloName().isBlank()) {
      p.setProperty("mail.smtp.localhost", config.heloName().strip());
    }
    switch (config.security().strip().toLowerCase(Locale.ROOT)) {
      case "starttls" -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        // never log in or send in the clear because the server did not offer STARTTLS
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case "ssl" -> {
        p.setProperty("mail.smtp.ssl.enable", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
      }
      case "none" -> {}
      default ->
          throw new IllegalArgumentException(
              "security in etc/" + PID + ".cfg is starttls, ssl or none, not " + config.security());
    }
    return p;
  }

  private static String millis(int seconds) {
    return String.valueOf(Math.max(1, seconds) * 1000L);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Set<String> reaches() {
    return Set.of(Address.EMAIL);
  }

  @Override
  public Delivery send(Message message) {
    try {
      return providers.run(() -> attempt(message));
    } catch (MessagingException e) {
      // attempt reports every failure of the mail itself; this is the API failing to start
      return Delivery.transientFailure(ID, "the mail API failed: " + SmtpFailures.describe(e));
    }
  }

  private Delivery attempt(Message message) throws MessagingException {
    OutgoingMail mail;
    try {
      mail = OutgoingMail.of(session, from, message);
    } catch (MessagingException e) {
      return SmtpFailures.classify(ID, e, false);
    }
    SMTPTransport transport = (SMTPTransport) session.getTransport("smtp");
    try {
      transport.connect(host, port, username.isEmpty() ? null : username, nullIfEmpty(password));
      transport.sendMessage(mail, mail.getAllRecipients());
      return Delivery.delivered(ID, mail.messageId(), transport.getLastServerResponse().strip());
    } catch (MessagingException e) {
      Delivery failed = SmtpFailures.classify(ID, e, mail.writtenOut());
      if (SmtpFailures.isLoginFailure(e)) {
        LOG.warn("The SMTP server {} refused the login of {}: {}", host, username, failed.detail());
      }
      return failed;
    } finally {
      close(transport);
    }
  }

  private static String nullIfEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException e) {
      LOG.debug("Closing the SMTP connection failed: {}", e.toString());
    }
  }
}
