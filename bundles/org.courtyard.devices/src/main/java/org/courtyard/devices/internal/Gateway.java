package org.courtyard.devices.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.courtyard.api.HealthCheck;
import org.courtyard.api.MinuteCounter;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TrafficSource;
import org.courtyard.broker.MqttBroker;
import org.courtyard.broker.MqttConsumer;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceEventListener;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.Uplink;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
import org.slf4j.MDC;

/**
 * The device gateway: one Paho client subscribed to every tenant's up topics. Paho's callback puts
 * each message on the bounded queue of its device's decode lane; the lane's thread runs the driver
 * (through the {@link DriverRuntime}) under a watchdog that replaces a thread stuck past the time
 * limit; decoded messages go to the lane's bounded ingest queue, which the lane's writer drains in
 * batches, per tenant, into the tenant's schema before telling the {@link DeviceEventListener}s.
 * When a queue is full the thread feeding it waits, Paho stops acknowledging, and the broker holds
 * the devices' messages: backpressure instead of unbounded memory. A message is acknowledged once
 * it is on its lane's queue.
 */
@Component(
    service = {Gateway.class, TrafficSource.class, HealthCheck.class, MqttConsumer.class},
    immediate = true,
    configurationPid = Gateway.PID)
@Designate(ocd = Gateway.Config.class)
public final class Gateway implements TrafficSource, HealthCheck, MqttConsumer {

  static final String PID = "org.courtyard.devices.gateway";

  /** Every device's up topic: {@code t/<tenant>/d/<device>/up}. */
  static final String ALL_UP = "t/+/d/+/up";

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
        name = "MQTT in-flight window",
        description = "QoS 1 messages the gateway may have unacknowledged at once.")
    int maxInflight() default 1_000;
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
      boolean connected) {}

  private final Clock clock = Clock.systemUTC();
  private final DeviceRegistry registry;
  private final DriverRuntime drivers;

  /** The broker and the gateway's client on it; both null while there is no broker. */
  private volatile MqttBroker broker;

  /** Live: a new heartbeat timeout applies at once; queue sizes and lanes at the next start. */
  private volatile Config config;

  private final Lane[] lanes;
  private final ScheduledExecutorService watchdog;
  private final ExecutorService writer;
  private volatile MqttAsyncClient client;
  private final TenantInstances<DevicesTenant> tenants =
      new TenantInstances<>(DevicesTenant.class, DevicesModule.ID);
  private final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<TenantSlug, Map<String, AtomicInteger>> rejected = new ConcurrentHashMap<>();
  private final Map<String, Configured> configs = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejectedTotal = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private final MinuteCounter storedPerMinute = new MinuteCounter();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running = true;

  /** Messages a writer has taken from its queue and not yet stored. */
  private final AtomicInteger writing = new AtomicInteger();

  /** A device's settings as configured by the driver instance that validated them. */
  private record Configured(DeviceEntry entry, DeviceDriver driver, DeviceConfig config) {}

  @Activate
  public Gateway(
      Config config,
      BundleContext context,
      @Reference DeviceRegistry registry,
      @Reference DriverRuntime drivers) {
    this.config = config;
    this.registry = registry;
    this.drivers = drivers;
    this.lanes = new Lane[Math.max(1, config.decodeLanes())];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane(i, Math.max(100, config.queueCapacity() / lanes.length));
      lanes[i].start();
    }
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "device-decode-watchdog");
              t.setDaemon(true);
              return t;
            });
    watchdog.scheduleWithFixedDelay(this::watch, 20, 20, TimeUnit.MILLISECONDS);
    tenants.activate(context);
    // one writer per lane: a device's batches are written in order, and lanes in parallel
    AtomicInteger writers = new AtomicInteger();
    this.writer =
        Executors.newFixedThreadPool(
            lanes.length,
            r -> {
              Thread t = new Thread(r, "device-ingest-" + writers.getAndIncrement());
              t.setDaemon(true);
              return t;
            });
    for (Lane lane : lanes) {
      writer.execute(() -> writeLoop(lane.ingest));
    }
  }

  /**
   * The broker is a dynamic reference, so that a broker restart (a new configuration, say) does not
   * restart the gateway: its lanes and writers keep what they hold, and the gateway's persistent
   * session on the broker keeps what arrived meanwhile.
   */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "unbindBroker")
  synchronized void bindBroker(MqttBroker broker) {
    disconnect();
    MqttBroker.Login login = broker.gatewayLogin();
    try {
      MqttAsyncClient c =
          new MqttAsyncClient(broker.url(), login.username(), new MemoryPersistence());
      c.setCallback(new Callback(c));
      MqttConnectOptions options = new MqttConnectOptions();
      options.setUserName(login.username());
      options.setPassword(login.password().toCharArray());
      options.setAutomaticReconnect(true);
      options.setCleanSession(false);
      options.setMaxInflight(config.maxInflight());
      options.setKeepAliveInterval(30);
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      c.connect(options).waitForCompletion(10_000);
      this.client = c;
      this.broker = broker;
      registry.useBroker(broker);
      LOG.info("Device gateway connected to {}", broker.url());
    } catch (MqttException e) {
      LOG.error("Device gateway could not connect to {}", broker.url(), e);
    }
  }

  synchronized void unbindBroker(MqttBroker broker) {
    if (this.broker == broker) {
      registry.useBroker(null);
      this.broker = null;
      disconnect();
      LOG.info("Device gateway left {}", broker.url());
    }
  }

  private void disconnect() {
    MqttAsyncClient c = client;
    client = null;
    if (c != null) {
      try {
        // gracefully: messages Paho has taken in are handed over and acknowledged first, so
        // the broker does not hold them as in flight (Moquette loses those when it restarts)
        c.disconnect(5_000).waitForCompletion(6_000);
      } catch (MqttException e) {
        LOG.debug("Gateway disconnect", e);
        try {
          c.disconnectForcibly(1_000, 1_000);
        } catch (MqttException again) {
          LOG.debug("Gateway forced disconnect", again);
        }
      }
      try {
        c.close();
      } catch (MqttException e) {
        LOG.debug("Gateway close", e);
      }
    }
  }

  @Modified
  void modified(Config config) {
    this.config = config;
  }

  @Deactivate
  void deactivate() {
    registry.useBroker(null);
    disconnect();
    // what the broker already had acknowledged is on the lanes: let it reach the database
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (pending() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (pending() > 0) {
      LOG.warn("Device gateway stopped with {} message(s) not yet stored", pending());
    }
    running = false;
    watchdog.shutdownNow();
    for (Lane lane : lanes) {
      lane.thread.interrupt();
    }
    writer.shutdownNow();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(DevicesTenant instance) {
    tenants.bind(instance);
  }

  void unbindTenant(DevicesTenant instance) {
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
    return received.get();
  }

  /** Device messages stored per minute, for the operator's traffic chart. */
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public long[] perMinute(int minutes) {
    return storedPerMinute.perMinute(minutes);
  }

  /** The broker as devices see it: present, and the gateway's client connected to it. */
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
        ? Result.up(where + ", gateway connected, " + st.stored() + " messages stored since start")
        : Result.down(where + ": the gateway is not connected (reconnecting)");
  }

  Stats stats() {
    return new Stats(
        received.get(),
        accepted.get(),
        rejectedTotal.get(),
        stored.get(),
        duplicates.get(),
        dropped.get(),
        java.util.Arrays.stream(lanes).mapToInt(l -> l.queue.size() + l.ingest.size()).sum(),
        client != null && client.isConnected());
  }

  private int pending() {
    int n = writing.get();
    for (Lane lane : lanes) {
      n += lane.queue.size() + lane.ingest.size() + (lane.busy.get() == null ? 0 : 1);
    }
    return n;
  }

  /** The broker, or null while there is none. */
  MqttBroker broker() {
    return broker;
  }

  int heartbeatTimeoutSeconds() {
    return config.heartbeatTimeoutSeconds();
  }

  /** Publishes a command to the device's down topic, QoS 1. */
  void publish(DeviceEntry device, byte[] payload) throws MqttException {
    MqttAsyncClient c = client;
    if (c == null) {
      throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
    }
    c.publish(device.downTopic(), payload, 1, false).waitForCompletion(5_000);
  }

  /** Forgets cached settings of a device whose registration changed. */
  void forget(String username) {
    configs.remove(username);
  }

  private final class Callback implements MqttCallbackExtended {
    private final MqttAsyncClient own;

    Callback(MqttAsyncClient own) {
      this.own = own;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      try {
        own.subscribe(ALL_UP, 1);
        if (reconnect) {
          LOG.info("Device gateway reconnected to {}", serverUri);
        }
      } catch (MqttException e) {
        LOG.error("Device gateway could not subscribe to {}", ALL_UP, e);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("Device gateway lost the broker ({}); reconnecting", String.valueOf(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
      received.incrementAndGet();
      // one map lookup: no parsing of the topic on the way in
      DeviceEntry device = registry.findByUpTopic(topic);
      if (device == null) {
        // revoked, or its tenant disabled the module, after the broker let the message in
        dropped.incrementAndGet();
        return;
      }
      // one lane per device, so a device's messages are decoded in the order they came
      int hash = 31 * device.tenant().hashCode() + device.id().hashCode();
      Lane lane = lanes[Math.floorMod(hash, lanes.length)];
      Raw raw = new Raw(device, message.getPayload(), clock.instant());
      while (running && !lane.queue.offer(raw, 1, TimeUnit.SECONDS)) {
        LOG.debug("Decode lane full; holding the broker's deliveries");
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // commands are published synchronously
    }
  }

  /** A message as it came, waiting for its lane to decode it. */
  private record Raw(DeviceEntry device, byte[] payload, Instant receivedAt) {}

  /** A decode under way: which driver, since when (nanoTime). */
  private record Busy(String driver, long since) {}

  /**
   * A decoding thread with its queue. Drivers run on it directly; the watchdog replaces a thread
   * stuck in a driver past the time limit and counts the hang against that driver.
   */
  private final class Lane {
    final int index;
    final BlockingQueue<Raw> queue;

    /** Decoded messages of this lane's devices, for this lane's writer. */
    final BlockingQueue<Accepted> ingest;

    final AtomicReference<Busy> busy = new AtomicReference<>();
    volatile Thread thread;
    private int generation;

    Lane(int index, int capacity) {
      this.index = index;
      this.queue = new ArrayBlockingQueue<>(capacity);
      this.ingest = new ArrayBlockingQueue<>(capacity);
    }

    synchronized void start() {
      Thread t = new Thread(this::run, "device-decode-" + index + "-" + ++generation);
      t.setDaemon(true);
      thread = t;
      t.start();
    }

    private void run() {
      Thread me = Thread.currentThread();
      while (running && thread == me) {
        Raw raw;
        try {
          raw = queue.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
        if (raw == null) {
          continue;
        }
        Accepted a = decode(raw, this);
        if (thread != me) {
          return; // abandoned by the watchdog while in a driver: a new thread has the lane
        }
        if (a != null) {
          try {
            while (running && !ingest.offer(a, 1, TimeUnit.SECONDS)) {
              LOG.debug("Ingest queue full; holding the decoders");
            }
          } catch (InterruptedException e) {
            return;
          }
          accepted.incrementAndGet();
        }
      }
    }
  }

  /** Replaces lane threads stuck in a driver for longer than its time limit. */
  private void watch() {
    long limit = TimeUnit.MILLISECONDS.toNanos(drivers.timeoutMs());
    long now = System.nanoTime();
    for (Lane lane : lanes) {
      Busy b = lane.busy.get();
      if (b != null && now - b.since() > limit && lane.busy.compareAndSet(b, null)) {
        Thread stuck = lane.thread;
        lane.start();
        drivers.timedOut(b.driver());
        stuck.interrupt();
        LOG.warn(
            "Driver {} did not return within {} ms; its decode thread was replaced",
            b.driver(),
            drivers.timeoutMs());
      }
    }
  }

  private Accepted decode(Raw raw, Lane lane) {
    DeviceEntry device = raw.device();
    byte[] payload = raw.payload();
    Instant now = raw.receivedAt();
    Configured configured = configured(device);
    if (configured == null) {
      reject(device);
      return null;
    }
    Busy mine = new Busy(device.driver(), System.nanoTime());
    lane.busy.set(mine);
    DriverRuntime.Outcome outcome =
        drivers.decode(
            device.driver(),
            new Uplink(device.id(), device.type(), payload, now),
            configured.config,
            () -> lane.busy.get() == mine);
    if (!lane.busy.compareAndSet(mine, null)) {
      return null; // the watchdog gave up on this decode and counted it as a hang
    }
    DecodeResult r = outcome.result();
    if (r == null || !r.accepted()) {
      reject(device);
      if (r != null) {
        LOG.debug("Device {} message rejected: {} {}", device.username(), r.status(), r.detail());
      }
      return null;
    }
    long seq = r.sequence() != null ? r.sequence() : hashSequence(payload);
    return new Accepted(device, seq, now, r);
  }

  private Configured configured(DeviceEntry device) {
    // a driver being upgraded is away for a moment: hold the device's messages meanwhile
    DeviceDriver driver = drivers.installedOrAwait(device.driver(), 15_000);
    if (driver == null) {
      return null;
    }
    Configured c = configs.get(device.username());
    if (c != null && c.entry.equals(device) && c.driver == driver) {
      return c;
    }
    try {
      c = new Configured(device, driver, driver.configDescriptor().configure(device.settings()));
    } catch (RuntimeException e) {
      LOG.warn(
          "Device {}: its settings no longer suit driver {}: {}",
          device.username(),
          device.driver(),
          e.getMessage());
      return null;
    }
    configs.put(device.username(), c);
    return c;
  }

  private void reject(DeviceEntry device) {
    rejectedTotal.incrementAndGet();
    rejected
        .computeIfAbsent(device.tenant(), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(device.id(), k -> new AtomicInteger())
        .incrementAndGet();
  }

  /** Formats without a counter: a negative key from the payload, the same for a redelivery. */
  static long hashSequence(byte[] payload) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(payload);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (h[i] & 0xFF);
      }
      return -(v & Long.MAX_VALUE) - 1;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeLoop(BlockingQueue<Accepted> ingest) {
    List<Accepted> batch = new ArrayList<>(config.batchSize());
    while (running) {
      try {
        Accepted first = ingest.poll(200, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          ingest.drainTo(batch, config.batchSize() - 1);
          writing.addAndGet(batch.size());
        }
        if (!batch.isEmpty() || !rejected.isEmpty()) {
          write(batch);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // a batch that cannot be written (database down): its messages are lost to this
        // container; say so loudly rather than spinning on them
        dropped.addAndGet(batch.size());
        LOG.error("Device ingest lost a batch of {} message(s)", batch.size(), e);
      } finally {
        writing.addAndGet(-batch.size());
        batch.clear();
      }
    }
  }

  private void write(List<Accepted> batch) {
    Map<TenantSlug, List<Accepted>> byTenant = new LinkedHashMap<>();
    for (Accepted a : batch) {
      byTenant.computeIfAbsent(a.device().tenant(), k -> new ArrayList<>()).add(a);
    }
    for (TenantSlug t : rejected.keySet()) {
      byTenant.computeIfAbsent(t, k -> new ArrayList<>());
    }
    for (Map.Entry<TenantSlug, List<Accepted>> e : byTenant.entrySet()) {
      TenantSlug tenant = e.getKey();
      DevicesTenant instance = tenants.find(tenant);
      Map<String, Integer> rejects = takeRejected(tenant);
      if (instance == null) {
        dropped.addAndGet(e.getValue().size());
        continue;
      }
      MDC.put("tenant", tenant.value());
      try {
        DeviceStore.Stored result = instance.store().store(e.getValue(), rejects);
        stored.addAndGet(result.stored().size());
        storedPerMinute.add(result.stored().size());
        duplicates.addAndGet(result.duplicates());
        notifyListeners(tenant, result.stored());
      } finally {
        MDC.remove("tenant");
      }
    }
  }

  private Map<String, Integer> takeRejected(TenantSlug tenant) {
    Map<String, AtomicInteger> counters = rejected.remove(tenant);
    Map<String, Integer> out = new LinkedHashMap<>();
    if (counters != null) {
      counters.forEach((device, n) -> out.put(device, n.get()));
    }
    return out;
  }

  private void notifyListeners(TenantSlug tenant, List<Accepted> stored) {
    if (listeners.isEmpty() || stored.isEmpty()) {
      return;
    }
    List<DeviceEvent> events = new ArrayList<>();
    for (Accepted a : stored) {
      for (var d : a.result().items()) {
        if (d.isGood()) {
          events.add(
              new DeviceEvent(
                  tenant,
                  a.device().id(),
                  a.device().type(),
                  a.device().roomId(),
                  d.record(),
                  a.receivedAt()));
        }
      }
    }
    for (DeviceEventListener l : listeners) {
      try {
        l.onEvents(events);
      } catch (RuntimeException ex) {
        LOG.error("Device event listener {} failed", l.getClass().getName(), ex);
      }
    }
  }
}
