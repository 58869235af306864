package org.courtyard.devices.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.courtyard.api.HealthCheck;
import org.courtyard.api.MinuteCounter;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantService;
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
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
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
 * The device gateway: a few persistent MQTT sessions ({@link GatewaySession}) that share the
 * tenants' up topics. Each message goes to the bounded queue of its device's decode lane; the
 * lane's thread runs the driver (through the {@link DriverRuntime}) under a watchdog that judges a
 * decode by the CPU time it used and, for one that blocks, by a longer wall-clock limit; decoded or
 * refused messages go to the lane's bounded ingest queue, which the lane's writer drains in
 * batches, per tenant, into the tenant's schema before telling the {@link DeviceEventListener}s.
 *
 * <p>A message is acknowledged to the broker only after the transaction that stored it (as readings
 * in {@code device_message}, or as a refusal with its reason in {@code device_refusal}) committed.
 * While the database is away the writer keeps its batch and retries with backoff; the queues fill,
 * the sessions stop taking messages, and the broker holds the devices' messages. A batch PostgreSQL
 * refuses for its data is split until the message at fault is found: that one is stored as refused,
 * every other one as usual.
 */
@Component(
    service = {Gateway.class, TrafficSource.class, HealthCheck.class, MqttConsumer.class},
    immediate = true,
    configurationPid = Gateway.PID)
@Designate(ocd = Gateway.Config.class)
public final class Gateway implements TrafficSource, HealthCheck, MqttConsumer {

  static final String PID = "org.courtyard.devices.gateway";

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  /** Decode attempts of one message whose driver hung before it is refused. */
  static final int DECODE_ATTEMPTS = 2;

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

  private final Clock clock = Clock.systemUTC();
  private final DeviceRegistry registry;
  private final DriverRuntime drivers;
  private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

  /** The broker; null while there is none. */
  private volatile MqttBroker broker;

  /** Live: a new heartbeat timeout applies at once; queue sizes, lanes, sessions at next start. */
  private volatile Config config;

  private final Lane[] lanes;
  private final ScheduledExecutorService watchdog;
  private final ExecutorService writer;
  private volatile List<GatewaySession> sessions = List.of();
  private final TenantInstances<DevicesTenant> tenants =
      new TenantInstances<>(DevicesTenant.class, DevicesModule.ID);

  /** Tenants whose up topics the sessions subscribe. */
  private final java.util.Set<TenantSlug> subscribed = ConcurrentHashMap.newKeySet();

  private final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Configured> configs = new ConcurrentHashMap<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private final MinuteCounter storedPerMinute = new MinuteCounter();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong held = new AtomicLong();
  private volatile boolean running = true;

  /** False while stopping: new messages stay with the broker. */
  private volatile boolean taking = true;

  /** The platform's tenant registry; optional so that the gateway starts without it. */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile TenantService platform;

  /** Tenants found to have no devices module, until when that answer holds (nanoTime). */
  private final Map<TenantSlug, Long> nobodys = new ConcurrentHashMap<>();

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
              Thread t = new Thread(r, "device-gateway-watchdog");
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
   * sessions on the broker keep what arrived meanwhile.
   */
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY,
      unbind = "unbindBroker")
  synchronized void bindBroker(MqttBroker broker) {
    closeSessions();
    MqttBroker.Login login = broker.gatewayLogin();
    List<GatewaySession> fresh = new ArrayList<>();
    int n = Math.max(1, Math.min(16, config.sessions()));
    for (int i = 0; i < n; i++) {
      fresh.add(new GatewaySession(i, this::arrived, watchdog));
    }
    for (TenantSlug t : subscribed) {
      fresh.get(sessionOf(t, n)).subscribe(filter(t));
    }
    this.sessions = List.copyOf(fresh);
    this.broker = broker;
    this.taking = true;
    for (GatewaySession s : fresh) {
      s.open(broker.url(), login.username(), login.password().toCharArray(), config.maxInflight());
    }
    registry.useBroker(broker);
    LOG.info("Device gateway opening {} session(s) on {}", n, broker.url());
  }

  synchronized void unbindBroker(MqttBroker broker) {
    if (this.broker == broker) {
      registry.useBroker(null);
      this.broker = null;
      // what is already here is stored and acknowledged before the sessions close
      taking = false;
      awaitPending(5);
      closeSessions();
      taking = true;
      LOG.info("Device gateway left {}", broker.url());
    }
  }

  private void closeSessions() {
    List<GatewaySession> old = sessions;
    sessions = List.of();
    for (GatewaySession s : old) {
      s.close();
    }
  }

  private static int sessionOf(TenantSlug tenant, int sessions) {
    return Math.floorMod(tenant.value().hashCode(), sessions);
  }

  private static String filter(TenantSlug tenant) {
    return "t/" + tenant.value() + "/d/+/up";
  }

  /** Subscribes the tenant's up topics on its session (kept across restarts by the broker). */
  private void subscribe(TenantSlug tenant) {
    if (subscribed.add(tenant)) {
      List<GatewaySession> s = sessions;
      if (!s.isEmpty()) {
        s.get(sessionOf(tenant, s.size())).subscribe(filter(tenant));
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
    // stop taking messages; store and acknowledge what is already here, then leave
    taking = false;
    awaitPending(15);
    if (pending() > 0) {
      LOG.warn(
          "Device gateway stopped with {} message(s) not yet stored; the broker delivers them"
              + " again",
          pending());
    }
    closeSessions();
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

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "unbindTenant")
  void bindTenant(DevicesTenant instance) {
    tenants.bind(instance);
    nobodys.remove(instance.tenant());
    subscribe(instance.tenant());
  }

  void unbindTenant(DevicesTenant instance) {
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
    List<GatewaySession> s = sessions;
    int up = (int) s.stream().filter(GatewaySession::connected).count();
    return new Stats(
        received.get(),
        accepted.get(),
        refused.get(),
        stored.get(),
        duplicates.get(),
        dropped.get(),
        java.util.Arrays.stream(lanes).mapToInt(l -> l.queue.size() + l.ingest.size()).sum(),
        !s.isEmpty() && up == s.size(),
        retries.get(),
        held.get(),
        s.size(),
        up);
  }

  private int pending() {
    int n = writing.get();
    for (Lane lane : lanes) {
      n +=
          lane.queue.size()
              + lane.retry.size()
              + lane.ingest.size()
              + (lane.busy.get() == null ? 0 : 1);
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

  /** Publishes a command to the device's down topic, QoS 1, on its tenant's session. */
  void publish(DeviceEntry device, byte[] payload) throws MqttException {
    List<GatewaySession> s = sessions;
    if (s.isEmpty()) {
      throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
    }
    s.get(sessionOf(device.tenant(), s.size())).publish(device.downTopic(), payload);
  }

  /** Forgets cached settings of a device whose registration changed. */
  void forget(String username) {
    configs.remove(username);
  }

  /** Paho's callback thread of a session: blocks while the device's lane is full. */
  private boolean arrived(String topic, MqttMessage message, GatewaySession.Ack ack)
      throws InterruptedException {
    if (!taking) {
      return false;
    }
    received.incrementAndGet();
    // one map lookup: no parsing of the topic on the way in
    DeviceEntry device = registry.findByUpTopic(topic);
    if (device == null) {
      device = awaitDevice(topic);
      if (device == null) {
        TenantSlug tenant = tenantOf(topic);
        if (tenant != null
            && (!taking || !running || tenants.find(tenant) == null)
            && !belongsToNobody(tenant)) {
          // its tenant's devices module is not running (yet): the broker keeps the message
          held.incrementAndGet();
          return false;
        }
        // revoked, its tenant offboarded or its module disabled, after the broker let it in
        dropped.incrementAndGet();
        ack.send();
        return true;
      }
    }
    // one lane per device, so a device's messages are decoded in the order they came
    int hash = 31 * device.tenant().hashCode() + device.id().hashCode();
    Lane lane = lanes[Math.floorMod(hash, lanes.length)];
    Raw raw = new Raw(device, message.getPayload(), clock.instant(), ack, 1, null);
    while (!lane.queue.offer(raw, 1, TimeUnit.SECONDS)) {
      if (!running || !taking) {
        return false;
      }
      LOG.debug("Decode lane full; holding the broker's deliveries");
    }
    return true;
  }

  /**
   * The device of a topic the registry does not know yet. After a restart the broker delivers what
   * it kept before the tenant's devices module has loaded its devices: wait for the module (while
   * it is not running) instead of taking the message for a revoked device's.
   */
  private DeviceEntry awaitDevice(String topic) throws InterruptedException {
    TenantSlug tenant = tenantOf(topic);
    if (tenant == null) {
      return null;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.holdSeconds());
    long nextAsk = System.nanoTime();
    while (tenants.find(tenant) == null && taking && running && System.nanoTime() < deadline) {
      if (System.nanoTime() - nextAsk >= 0) {
        if (belongsToNobody(tenant)) {
          return null;
        }
        nextAsk = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      }
      Thread.sleep(50);
    }
    return registry.findByUpTopic(topic);
  }

  /**
   * Whether the platform knows no such tenant (offboarded) or the tenant has not enabled devices:
   * then what the broker kept for it belongs to nobody, and waiting for it would only hold up the
   * other tenants on the same session. False while the platform's registry cannot say (not bound
   * yet after a restart, or its database away): then the message waits as for a module loading.
   */
  private boolean belongsToNobody(TenantSlug tenant) {
    TenantService platform = this.platform;
    if (platform == null) {
      return false;
    }
    Long until = nobodys.get(tenant);
    if (until != null) {
      if (System.nanoTime() - until < 0) {
        return true;
      }
      nobodys.remove(tenant, until);
    }
    try {
      boolean nobody =
          platform
              .find(tenant.value())
              .map(t -> !t.modules.contains(DevicesModule.ID))
              .orElse(true);
      if (nobody) {
        // a backlog of such messages asks the platform's database once, not once each
        nobodys.put(tenant, System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
      }
      return nobody;
    } catch (RuntimeException e) {
      LOG.debug("Cannot tell whether tenant {} still has devices: {}", tenant, e.toString());
      return false;
    }
  }

  /** The tenant of {@code t/<tenant>/d/<device>/up}, or null for any other topic. */
  static TenantSlug tenantOf(String topic) {
    String[] parts = topic.split("/", -1);
    return parts.length == 5 && parts[0].equals("t") && TenantSlug.isValid(parts[1])
        ? TenantSlug.of(parts[1])
        : null;
  }

  /** A message as it came, waiting for its lane to decode it. */
  private record Raw(
      DeviceEntry device,
      byte[] payload,
      Instant receivedAt,
      GatewaySession.Ack ack,
      int attempt,
      String refuse) {
    Raw again() {
      return new Raw(device, payload, receivedAt, ack, attempt + 1, null);
    }

    Raw refusing(String why) {
      return new Raw(device, payload, receivedAt, ack, attempt, why);
    }
  }

  /** What a lane hands its writer: a decoded or a refused message, with its acknowledgement. */
  private record Item(Accepted accepted, Refused refused, GatewaySession.Ack ack) {
    DeviceEntry device() {
      return accepted != null ? accepted.device() : refused.device();
    }

    Item refuse(String why) {
      Accepted a = accepted;
      return a == null
          ? this
          : new Item(null, new Refused(a.device(), a.receivedAt(), why, a.payload()), ack);
    }
  }

  /** A decode under way: which message, since when (nanoTime), and its thread's CPU time then. */
  private record Busy(Raw raw, long since, long thread, long cpuAtStart) {}

  /**
   * A decoding thread with its queue. Drivers run on it directly; the watchdog replaces a thread
   * stuck in a driver and hands the message to the new thread once more.
   */
  private final class Lane {
    final int index;
    final BlockingQueue<Raw> queue;

    /** Messages the watchdog took from a replaced thread: decoded again, or refused, first. */
    final java.util.Queue<Raw> retry = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Decoded messages of this lane's devices, for this lane's writer. */
    final BlockingQueue<Item> ingest;

    final AtomicReference<Busy> busy = new AtomicReference<>();
    volatile Thread thread;
    private int generation;

    Lane(int index, int capacity) {
      this.index = index;
      this.queue = new LinkedBlockingDeque<>(capacity);
      this.ingest = new LinkedBlockingDeque<>(capacity);
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
        Raw raw = retry.poll();
        try {
          if (raw == null) {
            raw = queue.poll(200, TimeUnit.MILLISECONDS);
          }
        } catch (InterruptedException e) {
          return;
        }
        if (raw == null) {
          continue;
        }
        Item item = raw.refuse() != null ? refusedItem(raw, raw.refuse()) : decode(raw, this);
        if (thread != me) {
          return; // abandoned by the watchdog while in a driver: a new thread has the lane
        }
        if (item != null && !hand(item)) {
          return;
        }
      }
    }

    /** Puts an item on the writer's queue, waiting while it is full. */
    boolean hand(Item item) {
      try {
        while (!ingest.offer(item, 1, TimeUnit.SECONDS)) {
          if (!running) {
            return false;
          }
          LOG.debug("Ingest queue full; holding the decoders");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (item.accepted() != null) {
        accepted.incrementAndGet();
      }
      return true;
    }
  }

  /**
   * Replaces lane threads stuck in a driver. A decode is a hang when it has used more CPU time than
   * the limit, or has run past the longer wall-clock limit (a driver that blocks uses no CPU). A
   * decode that is merely slow because the machine is busy is neither. The hung message is decoded
   * once more on the new thread, then refused; the hang counts against the device.
   */
  private void watch() {
    long limit = TimeUnit.MILLISECONDS.toNanos(drivers.timeoutMs());
    long wallLimit = TimeUnit.MILLISECONDS.toNanos(drivers.wallLimitMs());
    long now = System.nanoTime();
    for (Lane lane : lanes) {
      Busy b = lane.busy.get();
      if (b == null || now - b.since() <= limit) {
        continue;
      }
      long used = cpuTime(b.thread()) - b.cpuAtStart();
      boolean hung = used > limit || now - b.since() > wallLimit;
      if (!hung || !lane.busy.compareAndSet(b, null)) {
        continue;
      }
      Thread stuck = lane.thread;
      Raw raw = b.raw();
      String why =
          used > limit
              ? "no answer after " + TimeUnit.NANOSECONDS.toMillis(used) + " ms of CPU time"
              : "no answer within " + drivers.wallLimitMs() + " ms";
      drivers.timedOut(raw.device(), why);
      lane.retry.add(
          raw.attempt() < DECODE_ATTEMPTS
              ? raw.again()
              : raw.refusing("driver " + raw.device().driver() + " hung on it twice: " + why));
      lane.start();
      stuck.interrupt();
      LOG.warn(
          "Driver {} {} on a message of {}; its decode thread was replaced",
          raw.device().driver(),
          why,
          raw.device().username());
    }
  }

  private long cpuTime(long threadId) {
    long t = cpu.getThreadCpuTime(threadId);
    return t < 0 ? 0 : t;
  }

  private Item decode(Raw raw, Lane lane) {
    DeviceEntry device = raw.device();
    byte[] payload = raw.payload();
    Instant now = raw.receivedAt();
    Configured configured = configured(device);
    if (configured == null) {
      return refusedItem(
          raw,
          "driver " + device.driver() + " is not installed or refused the" + " device's settings");
    }
    Thread me = Thread.currentThread();
    Busy mine = new Busy(raw, System.nanoTime(), me.getId(), cpuTime(me.getId()));
    lane.busy.set(mine);
    DriverRuntime.Outcome outcome =
        drivers.decode(
            device,
            new Uplink(device.id(), device.type(), payload, now),
            configured.config,
            () -> lane.busy.get() == mine);
    if (!lane.busy.compareAndSet(mine, null)) {
      return null; // the watchdog gave up on this decode: it decides what becomes of the message
    }
    DecodeResult r = outcome.result();
    if (r == null) {
      return refusedItem(raw, outcome.failure());
    }
    if (!r.accepted()) {
      LOG.debug("Device {} message rejected: {} {}", device.username(), r.status(), r.detail());
      return refusedItem(
          raw, "driver refused it: " + r.status() + (r.detail() == null ? "" : " " + r.detail()));
    }
    long seq = r.sequence() != null ? r.sequence() : hashSequence(payload);
    return new Item(new Accepted(device, seq, now, r, payload), null, raw.ack());
  }

  private Item refusedItem(Raw raw, String why) {
    return new Item(
        null, new Refused(raw.device(), raw.receivedAt(), why, raw.payload()), raw.ack());
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

  private void writeLoop(BlockingQueue<Item> ingest) {
    List<Item> batch = new ArrayList<>(config.batchSize());
    while (running) {
      try {
        Item first = ingest.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        ingest.drainTo(batch, config.batchSize() - 1);
        writing.addAndGet(batch.size());
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        writing.addAndGet(-batch.size());
        batch.clear();
      }
    }
  }

  /** Writes a batch tenant by tenant; returns once each tenant's part is stored or held back. */
  private void write(List<Item> batch) throws InterruptedException {
    Map<TenantSlug, List<Item>> byTenant = new LinkedHashMap<>();
    for (Item i : batch) {
      byTenant.computeIfAbsent(i.device().tenant(), k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<TenantSlug, List<Item>> e : byTenant.entrySet()) {
      TenantSlug tenant = e.getKey();
      MDC.put("tenant", tenant.value());
      try {
        writeTenant(tenant, e.getValue());
      } finally {
        MDC.remove("tenant");
      }
    }
  }

  /**
   * Stores one tenant's part of a batch, retrying while the database is away, and splitting the
   * part when PostgreSQL refuses its data so that only the message at fault is refused.
   */
  private void writeTenant(TenantSlug tenant, List<Item> items) throws InterruptedException {
    long backoff = 50;
    long heldSince = System.nanoTime();
    while (true) {
      DevicesTenant instance = tenants.find(tenant);
      if (instance == null) {
        if (items.stream().noneMatch(i -> registry.findByUpTopic(i.device().upTopic()) != null)) {
          // the tenant's devices are gone (module disabled, tenant offboarded): nothing to keep
          dropped.addAndGet(items.size());
          items.forEach(i -> i.ack().send());
          return;
        }
        if (System.nanoTime() - heldSince > TimeUnit.SECONDS.toNanos(config.holdSeconds())
            || !running) {
          held.addAndGet(items.size());
          LOG.warn(
              "{} message(s) of tenant {} left with the broker: its devices module is not running",
              items.size(),
              tenant);
          return;
        }
      } else {
        try {
          store(instance, items);
          return;
        } catch (RuntimeException e) {
          SQLException sql = sqlCause(e);
          if (sql != null && isDataError(sql)) {
            split(instance, items, sql);
            return;
          }
          retries.incrementAndGet();
          if (backoff >= 1_000) {
            LOG.warn(
                "Device ingest for tenant {} cannot write ({}); retrying in {} ms, nothing is"
                    + " acknowledged meanwhile",
                tenant,
                String.valueOf(sql != null ? sql.getMessage() : e),
                backoff);
          }
        }
      }
      if (!running) {
        return;
      }
      Thread.sleep(backoff);
      backoff = Math.min(backoff * 2, config.retryMaxBackoffMs());
    }
  }

  /** Halves a refused batch until the message at fault is alone; stores the rest as usual. */
  private void split(DevicesTenant instance, List<Item> items, SQLException cause)
      throws InterruptedException {
    if (items.size() == 1) {
      Item bad = items.get(0);
      if (bad.accepted() == null) {
        // a refusal row is bytes and a cleaned reason: PostgreSQL has no reason to refuse it
        held.incrementAndGet();
        LOG.error(
            "A refused message of {} cannot be stored either; left with the broker",
            bad.device().username(),
            cause);
        return;
      }
      String why = "PostgreSQL refused the decoded message: " + cause.getMessage();
      LOG.debug("Device {}: {}", bad.device().username(), why);
      writeTenant(instance.tenant(), List.of(bad.refuse(why)));
      return;
    }
    int half = items.size() / 2;
    for (List<Item> part : List.of(items.subList(0, half), items.subList(half, items.size()))) {
      try {
        store(instance, part);
      } catch (RuntimeException e) {
        SQLException sql = sqlCause(e);
        if (sql != null && isDataError(sql)) {
          split(instance, part, sql);
        } else {
          writeTenant(instance.tenant(), part);
        }
      }
    }
  }

  private void store(DevicesTenant instance, List<Item> items) {
    List<Accepted> decoded = new ArrayList<>(items.size());
    List<Refused> refusals = new ArrayList<>();
    for (Item i : items) {
      if (i.accepted() != null) {
        decoded.add(i.accepted());
      } else {
        refusals.add(i.refused());
      }
    }
    DeviceStore.Stored result = instance.store().store(decoded, refusals);
    // committed: now the broker may forget them
    for (Item i : items) {
      i.ack().send();
    }
    stored.addAndGet(result.stored().size());
    storedPerMinute.add(result.stored().size());
    duplicates.addAndGet(result.duplicates());
    refused.addAndGet(refusals.size());
    notifyListeners(instance.tenant(), result.stored());
  }

  static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  /**
   * Whether PostgreSQL refused the data itself (class 22 data exception, such as a NUL in jsonb or
   * a number out of range; 23 integrity; 54 program limit), which no retry can fix. Anything else,
   * a lost connection, a pool timeout, a shutdown, is worth waiting for.
   */
  static boolean isDataError(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      String state = s.getSQLState();
      if (state != null
          && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"))) {
        return true;
      }
    }
    return false;
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
