package org.courtyard.broker.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.courtyard.api.Workers;
import org.courtyard.broker.MqttAuthority;
import org.courtyard.broker.MqttBroker;
import org.courtyard.broker.MqttConsumer;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The platform's MQTT broker: the embedded Moquette by default, or an external Mosquitto 2 with the
 * dynamic-security plugin ({@code mode=external} in {@code etc/org.courtyard.broker.cfg}).
 */
@Component(
    service = {}, // registered by hand: see deactivate
    immediate = true,
    configurationPid = Broker.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = Broker.Config.class)
public final class Broker implements MqttBroker {

  static final String PID = "org.courtyard.broker";

  @ObjectClassDefinition(id = PID, name = "Courtyard MQTT broker")
  @interface Config {
    @AttributeDefinition(
        name = "Mode",
        description = "embedded: Moquette inside Courtyard; external: a Mosquitto 2 with dynsec")
    String mode() default "embedded";

    @AttributeDefinition(name = "Embedded: address to listen on")
    String host() default "0.0.0.0";

    @AttributeDefinition(name = "Embedded: port")
    int port() default 1883;

    @AttributeDefinition(
        name = "Embedded: data path",
        description = "Sessions and queued messages; empty: <karaf.data>/broker")
    String dataPath() default "";

    @AttributeDefinition(name = "Embedded: keep sessions and queued QoS 1 messages")
    boolean persistence() default true;

    @AttributeDefinition(
        name = "Embedded: seconds between saves",
        description =
            "Moquette commits sessions, subscriptions and queued QoS 1 messages to its store this"
                + " often (whole seconds, at least 1); a Karaf killed outright loses what was"
                + " queued since the last save")
    int autosaveSeconds() default 1;

    @AttributeDefinition(name = "Embedded: largest message (bytes)")
    int maxMessageBytes() default 65_536;

    @AttributeDefinition(
        name = "Embedded: session command queue",
        description = "Commands each of Moquette's session threads may have waiting")
    int sessionQueueSize() default 65_536;

    @AttributeDefinition(name = "External: broker URL, e.g. tcp://127.0.0.1:1883")
    String url() default "";

    @AttributeDefinition(name = "External: dynamic-security admin user")
    String adminUsername() default "";

    @AttributeDefinition(
        name = "External: dynamic-security admin password",
        type = AttributeType.PASSWORD)
    String adminPassword() default "";
  }

  private final String mode;
  private final Moquette embedded;
  private final Dynsec external;
  private final String url;
  private final String gatewayPassword;
  private final BundleContext context;
  private ServiceRegistration<MqttBroker> registration; // guarded by this
  private boolean deactivated; // guarded by this
  private final List<MqttConsumer> consumers = new CopyOnWriteArrayList<>();

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeConsumer")
  void addConsumer(MqttConsumer consumer) {
    consumers.add(consumer);
  }

  void removeConsumer(MqttConsumer consumer) {
    consumers.remove(consumer);
  }

  @Activate
  public Broker(
      Config config,
      BundleContext context,
      @Reference MqttAuthority authority,
      @Reference Workers workers)
      throws IOException, MqttException {
    this.context = context;
    this.mode = config.mode().strip();
    switch (mode) {
      case "embedded" -> {
        Path data =
            config.dataPath().isBlank()
                ? Path.of(context.getProperty("karaf.data"), "broker")
                : Path.of(config.dataPath());
        this.gatewayPassword = GatewayAccount.newPassword();
        this.embedded = new Moquette(config, data, authority, gatewayPassword, workers);
        this.external = null;
        String host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();
        this.url = "tcp://" + host + ":" + config.port();
      }
      case "external" -> {
        if (config.url().isBlank() || config.adminUsername().isBlank()) {
          throw new IllegalArgumentException(
              "mode=external needs url, adminUsername and adminPassword in etc/" + PID + ".cfg");
        }
        this.embedded = null;
        this.external =
            new Dynsec(config.url(), config.adminUsername(), config.adminPassword(), workers);
        this.url = config.url();
        this.gatewayPassword = external.gatewayPassword();
      }
      default ->
          throw new IllegalArgumentException("mode must be embedded or external, not " + mode);
    }
    if (external != null) {
      // registered once Mosquitto answers, which may be long after Courtyard started: until then
      // there is no broker for the gateway, and the operator's health report says so
      external.start(this::register);
    } else {
      register();
    }
  }

  /** Registers the service, outside this object's lock: the gateway binds to it synchronously. */
  private void register() {
    synchronized (this) {
      if (deactivated || registration != null) {
        return;
      }
    }
    ServiceRegistration<MqttBroker> r = context.registerService(MqttBroker.class, this, null);
    boolean keep;
    synchronized (this) {
      keep = !deactivated;
      if (keep) {
        registration = r;
      }
    }
    if (!keep) {
      r.unregister();
    }
  }

  /**
   * The service is registered by hand once the broker runs (an external one: once it first
   * answered), and withdrawn only after the embedded broker drained: withdrawing it makes the
   * gateway disconnect, and it must still be connected while it takes the messages in flight.
   */
  @Deactivate
  void deactivate() {
    if (embedded != null) {
      embedded.drain(() -> consumers.stream().mapToLong(MqttConsumer::received).sum());
    }
    ServiceRegistration<MqttBroker> r;
    synchronized (this) {
      deactivated = true;
      r = registration;
      registration = null;
    }
    try {
      if (r != null) {
        r.unregister();
      }
    } catch (IllegalStateException e) {
      // the bundle is stopping: gone already
    }
    if (embedded != null) {
      embedded.stop();
    }
    if (external != null) {
      external.close();
    }
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String mode() {
    return mode;
  }

  @Override
  public Login gatewayLogin() {
    return new Login(GatewayAccount.USERNAME, gatewayPassword);
  }

  @Override
  public void grant(String username, String password, String publishTopic, String subscribeTopic) {
    if (external != null) {
      external.grant(username, password, publishTopic, subscribeTopic);
    }
  }

  @Override
  public void suspend(String username) {
    if (external != null) {
      external.suspend(username);
    } else {
      embedded.disconnect(username);
    }
  }

  @Override
  public void resume(String username) {
    if (external != null) {
      external.resume(username);
    }
  }

  @Override
  public void remove(String username) {
    if (external != null) {
      external.remove(username);
    } else {
      embedded.disconnect(username);
    }
  }

  @Override
  public int removeAll(String prefix) {
    if (prefix == null || prefix.isBlank() || GatewayAccount.USERNAME.startsWith(prefix)) {
      throw new IllegalArgumentException("not a tenant's prefix: " + prefix);
    }
    if (external != null) {
      return external.removeAll(prefix);
    }
    embedded.disconnectAll(prefix);
    return 0;
  }

  @Override
  public void disconnect(String identity) {
    if (external != null) {
      external.disconnect(identity);
    } else {
      embedded.disconnect(identity);
    }
  }
}
