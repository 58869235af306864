package org.courtyard.devices.platform.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.courtyard.devices.platform.DecodedMessage;
import org.courtyard.devices.platform.RefusedMessage;
import org.courtyard.devices.platform.RegisteredDevice;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.Uplink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's decode lanes: threads that run the drivers (through the {@link DriverRuntime}),
 * each with a bounded queue of arrived messages and a bounded ingest queue for its writer. A device
 * always takes the same lane, so its messages are decoded and written in the order they came.
 *
 * <p>A watchdog judges each decode by the CPU time its thread used and, for one that blocks, by a
 * longer wall-clock limit; it replaces a lane thread stuck in a driver and hands the message to the
 * new thread once more, then refuses it.
 */
final class DecodeLanes {

  private static final Logger LOG = LoggerFactory.getLogger(DecodeLanes.class);

  /** Decode attempts of one message whose driver hung before it is refused. */
  static final int DECODE_ATTEMPTS = 2;

  private final DriverRuntime drivers;
  private final GatewayStats stats;
  private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
  private final Lane[] lanes;
  private final Map<String, Configured> configs = new ConcurrentHashMap<>();
  private volatile boolean running = true;

  /** A device's settings as configured by the driver instance that validated them. */
  private record Configured(RegisteredDevice entry, DeviceDriver driver, DeviceConfig config) {}

  /** A message as it came, waiting for its lane to decode it. */
  private record Raw(
      RegisteredDevice device,
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

  /** A decode under way: which message, since when (nanoTime), and its thread's CPU time then. */
  private record Busy(Raw raw, long since, long thread, long cpuAtStart) {}

  /** Starts {@code count} lanes and has {@code watchdog} look at them every 20 ms. */
  DecodeLanes(
      int count,
      int queueCapacity,
      DriverRuntime drivers,
      GatewayStats stats,
      ScheduledExecutorService watchdog) {
    this.drivers = drivers;
    this.stats = stats;
    this.lanes = new Lane[Math.max(1, count)];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane(i, Math.max(100, queueCapacity / lanes.length));
      lanes[i].start();
    }
    watchdog.scheduleWithFixedDelay(this::watch, 20, 20, TimeUnit.MILLISECONDS);
  }

  /**
   * Puts a message on its device's lane, waiting while the lane is full (which holds the broker's
   * deliveries).
   *
   * @return false if the message was not taken: the lanes stopped, or {@code taking} turned false
   */
  boolean offer(
      RegisteredDevice device,
      byte[] payload,
      Instant receivedAt,
      GatewaySession.Ack ack,
      BooleanSupplier taking)
      throws InterruptedException {
    // one lane per device, so a device's messages are decoded in the order they came
    int hash = 31 * device.tenant().hashCode() + device.id().hashCode();
    Lane lane = lanes[Math.floorMod(hash, lanes.length)];
    Raw raw = new Raw(device, payload, receivedAt, ack, 1, null);
    while (!lane.queue.offer(raw, 1, TimeUnit.SECONDS)) {
      if (!running || !taking.getAsBoolean()) {
        return false;
      }
      LOG.debug("Decode lane full; holding the broker's deliveries");
    }
    return true;
  }

  /** The ingest queue of each lane, one writer each. */
  List<BlockingQueue<IngestItem>> ingestQueues() {
    return Arrays.stream(lanes).map(l -> l.ingest).toList();
  }

  boolean running() {
    return running;
  }

  /** Messages waiting to be decoded or written. */
  int queued() {
    return Arrays.stream(lanes).mapToInt(l -> l.queue.size() + l.ingest.size()).sum();
  }

  /** Messages the lanes hold in any way: queued, to be decoded again, being decoded. */
  int pending() {
    int n = 0;
    for (Lane lane : lanes) {
      n +=
          lane.queue.size()
              + lane.retry.size()
              + lane.ingest.size()
              + (lane.busy.get() == null ? 0 : 1);
    }
    return n;
  }

  /** Forgets cached settings of a device whose registration changed. */
  void forget(String username) {
    configs.remove(username);
  }

  /** Stops the lanes' threads; what they hold is left to the broker's redelivery. */
  void stop() {
    running = false;
    for (Lane lane : lanes) {
      lane.thread.interrupt();
    }
  }

  /**
   * A decoding thread with its queue. Drivers run on it directly; the watchdog replaces a thread
   * stuck in a driver and hands the message to the new thread once more.
   */
  private final class Lane {
    final int index;
    final BlockingQueue<Raw> queue;

    /** Messages the watchdog took from a replaced thread: decoded again, or refused, first. */
    final Queue<Raw> retry = new ConcurrentLinkedQueue<>();

    /** Decoded messages of this lane's devices, for this lane's writer. */
    final BlockingQueue<IngestItem> ingest;

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
        IngestItem item = raw.refuse() != null ? refusedItem(raw, raw.refuse()) : decode(raw, this);
        if (thread != me) {
          return; // abandoned by the watchdog while in a driver: a new thread has the lane
        }
        if (item != null && !hand(item)) {
          return;
        }
      }
    }

    /** Puts an item on the writer's queue, waiting while it is full. */
    boolean hand(IngestItem item) {
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
        stats.accepted.incrementAndGet();
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

  private IngestItem decode(Raw raw, Lane lane) {
    RegisteredDevice device = raw.device();
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
    return new IngestItem(new DecodedMessage(device, seq, now, r, payload), null, raw.ack());
  }

  private static IngestItem refusedItem(Raw raw, String why) {
    return new IngestItem(
        null, new RefusedMessage(raw.device(), raw.receivedAt(), why, raw.payload()), raw.ack());
  }

  private Configured configured(RegisteredDevice device) {
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
}
