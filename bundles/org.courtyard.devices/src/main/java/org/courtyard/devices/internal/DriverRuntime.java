package org.courtyard.devices.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.Uplink;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed drivers, and the only place their code is called from. A driver whose decodes keep
 * failing (an exception, null, or no answer within the time limit the gateway's watchdog enforces)
 * is quarantined: its devices' messages are counted and dropped without calling it, until the
 * driver is replaced by a new version (a new service) or an operator releases it. Other drivers and
 * tenants are not affected.
 */
@Component(service = DriverRuntime.class, configurationPid = DriverRuntime.PID)
@Designate(ocd = DriverRuntime.Config.class)
public final class DriverRuntime {

  static final String PID = "org.courtyard.devices.drivers";
  private static final Logger LOG = LoggerFactory.getLogger(DriverRuntime.class);

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard device drivers",
      description = "Time limits and quarantine rules for vendor driver code.")
  @interface Config {
    @AttributeDefinition(name = "Decode time limit (ms)")
    int decodeTimeoutMs() default 200;

    @AttributeDefinition(
        name = "Failures before quarantine",
        description = "Exceptions or timeouts within the window that quarantine a driver.")
    int quarantineFailures() default 5;

    @AttributeDefinition(name = "Failure window (s)")
    int quarantineWindowSeconds() default 60;

    @AttributeDefinition(
        name = "Timeouts before quarantine",
        description =
            "A decode that never returns keeps its thread, so hangs quarantine a driver sooner.")
    int quarantineTimeouts() default 2;
  }

  /** The state of one driver, as the operator sees it. */
  record DriverState(
      String id,
      String name,
      String vendor,
      String version,
      List<String> deviceTypes,
      String bundle,
      boolean quarantined,
      String reason,
      Instant quarantinedAt,
      long decoded,
      long failures) {}

  /** What a decode came to. Exactly one of result and failure is set. */
  record Outcome(DecodeResult result, String failure, boolean quarantined) {
    static Outcome failed(String why, boolean quarantined) {
      return new Outcome(null, why, quarantined);
    }
  }

  private final Clock clock = Clock.systemUTC();
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  /** Drivers whose bundle is being updated: their messages wait instead of being refused. */
  private final java.util.Set<String> replacing = ConcurrentHashMap.newKeySet();

  private volatile Config config;

  private final class Slot {
    final DeviceDriver driver;
    final DriverInfo info;
    final String bundle;
    final Deque<Long> recentFailures = new ArrayDeque<>();
    final AtomicLong decoded = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicInteger timeouts = new AtomicInteger();
    volatile String quarantineReason;
    volatile Instant quarantinedAt;

    Slot(DeviceDriver driver, DriverInfo info, String bundle) {
      this.driver = driver;
      this.info = info;
      this.bundle = bundle;
    }

    DriverState state() {
      return new DriverState(
          info.id(),
          info.name(),
          info.vendor(),
          info.version(),
          info.deviceTypes(),
          bundle,
          quarantineReason != null,
          quarantineReason,
          quarantinedAt,
          decoded.get(),
          failures.get());
    }

    /** Records a failure; true if it quarantined the driver. */
    synchronized boolean fail(String why, boolean timeout) {
      failures.incrementAndGet();
      long now = System.nanoTime();
      recentFailures.addLast(now);
      long window = TimeUnit.SECONDS.toNanos(config.quarantineWindowSeconds());
      while (!recentFailures.isEmpty() && now - recentFailures.peekFirst() > window) {
        recentFailures.removeFirst();
      }
      int hangs = timeout ? timeouts.incrementAndGet() : timeouts.get();
      if (quarantineReason == null
          && (recentFailures.size() >= config.quarantineFailures()
              || hangs >= config.quarantineTimeouts())) {
        quarantineReason =
            (hangs >= config.quarantineTimeouts()
                    ? hangs + " decodes did not return within " + config.decodeTimeoutMs() + " ms"
                    : recentFailures.size()
                        + " failed decodes within "
                        + config.quarantineWindowSeconds()
                        + " s")
                + "; last: "
                + why;
        quarantinedAt = clock.instant();
        LOG.error(
            "Driver {} {} quarantined: {}. Its devices' messages are dropped until it is replaced"
                + " or released (courtyard:driver-release {}).",
            info.id(),
            info.version(),
            quarantineReason,
            info.id());
        return true;
      }
      return false;
    }

    synchronized void release() {
      quarantineReason = null;
      quarantinedAt = null;
      recentFailures.clear();
      timeouts.set(0);
    }
  }

  @Activate
  public DriverRuntime(Config config) {
    this.config = config;
  }

  @Modified
  void modified(Config config) {
    this.config = config;
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      unbind = "removeDriver")
  void addDriver(DeviceDriver driver, Map<String, Object> properties) {
    DriverInfo info;
    try {
      info = driver.info();
    } catch (RuntimeException e) {
      LOG.error("A driver service ({}) failed to describe itself; ignored", driver.getClass(), e);
      return;
    }
    if (info == null || !DriverInfo.validId(info.id())) {
      LOG.error("A driver service ({}) has no valid id; ignored", driver.getClass());
      return;
    }
    Object bundle = properties.get(Constants.SERVICE_BUNDLEID);
    Slot previous = slots.put(info.id(), new Slot(driver, info, String.valueOf(bundle)));
    LOG.info(
        "Driver {} {} ({}) available for {}{}",
        info.id(),
        info.version(),
        info.vendor(),
        info.deviceTypes(),
        previous == null ? "" : ", replacing " + previous.info.version());
  }

  void removeDriver(DeviceDriver driver) {
    slots.values().removeIf(s -> s.driver == driver);
  }

  List<DriverState> drivers() {
    return slots.values().stream()
        .map(Slot::state)
        .sorted(Comparator.comparing(DriverState::id))
        .toList();
  }

  DriverState driver(String id) {
    Slot s = slots.get(id);
    return s == null ? null : s.state();
  }

  /** The installed driver itself, for descriptors and encoding (cheap, trusted calls). */
  DeviceDriver installed(String id) {
    Slot s = slots.get(id);
    return s == null ? null : s.driver;
  }

  /** Drivers that serve {@code deviceType}. */
  List<String> driversFor(String deviceType) {
    return slots.values().stream()
        .filter(s -> s.info.serves(deviceType))
        .map(s -> s.info.id())
        .sorted()
        .toList();
  }

  /** The ids of the drivers a bundle provides. */
  List<String> driversOfBundle(long bundleId) {
    String id = Long.toString(bundleId);
    return slots.values().stream()
        .filter(s -> s.bundle.equals(id))
        .map(s -> s.info.id())
        .sorted()
        .toList();
  }

  void replacing(List<String> ids, boolean underway) {
    if (underway) {
      replacing.addAll(ids);
    } else {
      replacing.removeAll(ids);
    }
  }

  /**
   * The driver, waiting up to {@code maxWaitMs} if it is away because its bundle is being updated;
   * null if it is not installed.
   */
  DeviceDriver installedOrAwait(String id, long maxWaitMs) {
    DeviceDriver d = installed(id);
    long deadline = System.currentTimeMillis() + maxWaitMs;
    while (d == null && replacing.contains(id) && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      d = installed(id);
    }
    return d;
  }

  boolean release(String id) {
    Slot s = slots.get(id);
    if (s == null) {
      return false;
    }
    s.release();
    LOG.info("Driver {} released from quarantine", id);
    return true;
  }

  /**
   * Decodes on the caller's thread, with the failure accounting. The caller enforces the time limit
   * ({@link #timeoutMs()}) with a watchdog and reports an overrun through {@link #timedOut}: a
   * thread handoff per message would cost more than most decodes. A decode the watchdog gave up on
   * ({@code owned} false once it returns) was already counted as a hang: whatever it ends with
   * afterwards, often an exception or null from the interrupt, is not a second failure.
   */
  Outcome decode(String driverId, Uplink uplink, DeviceConfig settings, BooleanSupplier owned) {
    Slot s = slots.get(driverId);
    if (s == null) {
      return Outcome.failed("driver " + driverId + " is not installed", false);
    }
    if (s.quarantineReason != null) {
      return Outcome.failed("driver " + driverId + " is quarantined", true);
    }
    try {
      DecodeResult r = s.driver.decode(uplink, settings);
      if (r == null) {
        return Outcome.failed(
            "driver returned null", owned.getAsBoolean() && s.fail("returned null", false));
      }
      s.decoded.incrementAndGet();
      return new Outcome(r, null, false);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      String why = "threw " + e;
      LOG.debug("Driver {} failed on a message of {}", driverId, uplink.deviceId(), e);
      return Outcome.failed(why, owned.getAsBoolean() && s.fail(why, false));
    }
  }

  int timeoutMs() {
    return config.decodeTimeoutMs();
  }

  /** A decode ran past the time limit on a caller's thread: it counts as a hang of the driver. */
  void timedOut(String driverId) {
    Slot s = slots.get(driverId);
    if (s != null) {
      s.fail("no answer within " + config.decodeTimeoutMs() + " ms", true);
    }
  }
}
