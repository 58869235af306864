package org.courtyard.devices.platform.internal;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.HealthCheck;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantService;
import org.courtyard.api.TrafficSource;
import org.courtyard.api.Workers;
import org.courtyard.broker.MqttBroker;
import org.courtyard.broker.MqttConsumer;
import org.courtyard.devices.DeviceEventListener;
import org.courtyard.devices.platform.DeviceIngest;
import org.courtyard.devices.platform.RegisteredDevice;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device gateway: a few persistent MQTT sessions ({@link GatewaySessions}) that share the
 * tenants' up topics. Each message goes ({@link Arrivals}) to the bounded queue of its device's
 * decode lane ({@link DecodeLanes}); the lane's thread runs the driver (through the {@link
 * DriverRuntime}) under a watchdog that judges a decode by the CPU time it used and, for one that
 * blocks, by a longer wall-clock limit; decoded or refused messages go to the lane's bounded ingest
 * queue, which the lane's writer ({@link IngestWriter}) drains in batches, per tenant, into the
 * tenant's schema before handing the records to the {@link DeviceEventListener}s, each on its own
 * lanes of the shared {@link Workers} ({@link DeviceEventFanOut}).
 *
 * <p>A message is acknowledged to the broker only after the transaction that stored it (as readings
 * in {@code device_message}, or as a refusal with its reason in {@code device_refusal}) committed.
 * While the database is away the writer keeps its batch and retries with backoff; the queues fill,
 * the sessions stop taking messages, and the broker holds the devices' messages. A batch PostgreSQL
 * refuses for its data is split until the message at fault is found: that one is stored as refused,
 * every other one as usual.
 *
 * <p>This component wires those parts, owns the configuration and the references to the broker, the
 * tenants' devices modules and the listeners, and answers for the whole (health, traffic, stats).
 */
@Component(
    service = {Gateway.class, TrafficSource.class, HealthCheck.class, MqttConsumer.class},
    immediate = true,
    configurationPid = Gateway.PID)
@Designate(ocd = Gateway.Config.class)
public final class Gateway implements TrafficSource, HealthCheck, MqttConsumer {

  static final String PID = "org.courtyard.devices.gateway";

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  @ObjectClassDefinition(id = PID, name = "Courtyard device gateway")
  @interface Config {
    @AttributeDefinition(
        name = "Heartbeat timeout (s)",
        description = "A device not heard from for longer is shown offline.")
    int heartbeatTimeoutSeconds() default 300;

    @AttributeDefinition(name = "Ingest queue capacity (messages)")
    int queueCapacity() default 20_000;

    @AttributeDefinition(name = "Ingest batch size (messages)")
    int batchSize() default 1_000;

    @AttributeDefinition(
        name = "Decode lanes",
        description = "Threads that run drivers; a device's messages always take the same lane.")
    int decodeLanes() default 2;

    @AttributeDefinition(
        name = "MQTT sessions",
        description =
            "Gateway sessions on the broker; each tenant's devices use one. Brokers limit the"
                + " unacknowledged messages per session, and a message is acknowledged only once"
                + " stored, so more sessions keep more messages in flight.")
    int sessions() default 4;

    @AttributeDefinition(
        name = "MQTT in-flight window",
        description = "QoS 1 commands the gateway may have unacknowledged at once.")
    int maxInflight() default 1_000;

    @AttributeDefinition(
        name = "Longest retry pause (ms)",
        description = "While the database is away, writes are retried with backoff up to this.")
    int retryMaxBackoffMs() default 5_000;

    @AttributeDefinition(
        name = "Wait for a tenant's module (s)",
        description =
            "Messages of a tenant whose devices module is not (yet) running are held this long,"
                + " then left unacknowledged with the broker, which delivers them again later.")
    int holdSeconds() default 60;
  }

  /** Counters since start, for operators and the benchmark. */
  record Stats(
      long received,
      long accepted,
      long rejected,
      long stored,
      long duplicates,
      long dropped,
      int queued,
      boolean connected,
      long retries,
      long held,
      int sessions,
      int sessionsConnected) {}

  private final DeviceRegistry registry;

  /** The broker; null while there is none. */
  private volatile MqttBroker broker;

  /** Live: a new heartbeat timeout applies at once; queue sizes, lanes, sessions at next start. */
  private volatile Config config;

  private final GatewayStats stats = new GatewayStats();
  private final DeviceEventFanOut listeners;
  private final TenantInstances<DeviceIngest> tenants =
      new TenantInstances<>(DeviceIngest.class, DeviceIngest.MODULE);

  /** Runs the decode watchdog and the sessions' reconnection attempts. */
  private final ScheduledExecutorService watchdog;

  private final DecodeLanes lanes;
  private final Arrivals arrivals;
  private final GatewaySessions sessions;
  private final IngestWriter writer;

  /** The platform's tenant registry; optional so that the gateway starts without it. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile TenantService platform;

  @Activate
  public Gateway(
      Config config,
      BundleContext context,
      @Reference DeviceRegistry registry,
      @Reference DriverRuntime drivers,
      @Reference Workers workers) {
    this.config = config;
    this.registry = registry;
    this.listeners = new DeviceEventFanOut(workers);
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "device-gateway-watchdog");
              t.setDaemon(true);
              return t;
            });
    this.lanes =
        new DecodeLanes(config.decodeLanes(), config.queueCapacity(), drivers, stats, watchdog);
    tenants.activate(context);
    this.arrivals =
        new Arrivals(
            registry, tenants, () -> platform, () -> this.config.holdSeconds(), lanes, stats);
    this.sessions = new GatewaySessions(arrivals, watchdog);
    this.writer =
        new IngestWriter(
            lanes.ingestQueues(), tenants, registry, () -> this.config, stats, listeners);
  }

  /**
   * The broker is a dynamic reference, so that a broker restart (a new configuration, say) does not
   * restart the gateway: its lanes and writers keep what they hold, and the gateway's persistent
   * sessions on the broker keep what arrived meanwhile.
   */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "unbindBroker")
  synchronized void bindBroker(MqttBroker broker) {
    sessions.close();
    MqttBroker.Login login = broker.gatewayLogin();
    int n = Math.max(1, Math.min(16, config.sessions()));
    List<GatewaySession> fresh = sessions.replace(n);
    this.broker = broker;
    arrivals.taking(true);
    GatewaySessions.open(fresh, broker.url(), login, config.maxInflight());
    registry.useBroker(broker);
    LOG.info("Device gateway opening {} session(s) on {}", n, broker.url());
  }

  synchronized void unbindBroker(MqttBroker broker) {
    if (this.broker == broker) {
      registry.useBroker(null);
      this.broker = null;
      // what is already here is stored and acknowledged before the sessions close
      arrivals.taking(false);
      awaitPending(5);
      sessions.close();
      arrivals.taking(true);
      LOG.info("Device gateway left {}", broker.url());
    }
  }

  @Modified
  void modified(Config config) {
    this.config = config;
  }

  @Deactivate
  void deactivate() {
    registry.useBroker(null);
    // stop taking messages; store and acknowledge what is already here, then leave
    arrivals.taking(false);
    awaitPending(15);
    if (pending() > 0) {
      LOG.warn(
          "Device gateway stopped with {} message(s) not yet stored; the broker delivers them"
              + " again",
          pending());
    }
    sessions.close();
    lanes.stop();
    watchdog.shutdownNow();
    writer.stop();
    listeners.close();
  }

  private void awaitPending(int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (pending() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Messages taken from the broker and not yet stored (or let go). */
  private int pending() {
    return writer.writing() + lanes.pending();
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(DeviceIngest instance) {
    tenants.bind(instance);
    arrivals.moduleBound(instance.tenant());
    sessions.subscribe(instance.tenant());
  }

  void unbindTenant(DeviceIngest instance) {
    // the subscription stays: the broker keeps the devices' messages until the module is back
    tenants.unbind(instance);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeListener")
  void addListener(DeviceEventListener listener) {
    listeners.add(listener);
  }

  void removeListener(DeviceEventListener listener) {
    listeners.remove(listener);
  }

  /** Messages taken from the broker, which waits for this to settle before it stops. */
  @Override
  public long received() {
    return stats.received.get();
  }

  /** Device messages stored per minute, for the operator's traffic chart. */
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public long[] perMinute(int minutes) {
    return stats.storedPerMinute.perMinute(minutes);
  }

  /** The broker as devices see it: present, and the gateway's sessions connected to it. */
  @Override
  public String component() {
    return "broker";
  }

  @Override
  public Result check() {
    MqttBroker b = broker;
    if (b == null) {
      return Result.down("no MQTT broker: the org.courtyard.broker bundle is not running");
    }
    String where = b.mode() + " broker " + b.url();
    Stats st = stats();
    return st.connected()
        ? Result.up(
            where
                + ", gateway connected ("
                + st.sessions()
                + " sessions), "
                + st.stored()
                + " messages stored since start")
        : Result.down(
            where
                + ": the gateway is not connected ("
                + st.sessionsConnected()
                + " of "
                + st.sessions()
                + " sessions; reconnecting)");
  }

  Stats stats() {
    return stats.snapshot(lanes.queued(), sessions.current());
  }

  /** The broker, or null while there is none. */
  MqttBroker broker() {
    return broker;
  }

  int heartbeatTimeoutSeconds() {
    return config.heartbeatTimeoutSeconds();
  }

  /** Publishes a command to the device's down topic, QoS 1, on its tenant's session. */
  void publish(RegisteredDevice device, byte[] payload) throws MqttException {
    sessions.publish(device, payload);
  }

  /** Forgets cached settings of a device whose registration changed. */
  void forget(String username) {
    lanes.forget(username);
  }
}
