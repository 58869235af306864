package org.courtyard.devices.platform.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.courtyard.devices.platform.RegisteredDevice;
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
 * The installed drivers, and the only place their code is called from. A decode that fails (an
 * exception, null, or no answer within the time limits the gateway's watchdog enforces) counts
 * against the device that sent the message; {@link Quarantine} keeps a device, a tenant's use of
 * the driver, or (when several tenants' devices fail alike) the driver itself away from it. A
 * quarantined party's messages are refused with the reason, never silently dropped, until an
 * operator or the tenant releases it or the driver is replaced by a new version (a new service).
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
    @AttributeDefinition(
        name = "Decode CPU time limit (ms)",
        description =
            "A decode that has used more CPU time than this is a hang. A decode that merely waits"
                + " for a busy machine is not.")
    int decodeTimeoutMs() default 200;

    @AttributeDefinition(
        name = "Decode wall-clock limit (ms)",
        description =
            "A decode still running after this long is a hang even if it uses no CPU (it blocks).")
    int decodeWallLimitMs() default 3_000;

    @AttributeDefinition(
        name = "Failures before a device is quarantined",
        description = "Exceptions or null answers of one device within the window.")
    int quarantineFailures() default 5;

    @AttributeDefinition(name = "Failure window (s)")
    int quarantineWindowSeconds() default 60;

    @AttributeDefinition(
        name = "Hangs before a device is quarantined",
        description =
            "A decode that never returns keeps its thread, so hangs quarantine a device sooner.")
    int quarantineTimeouts() default 2;

    @AttributeDefinition(
        name = "Devices before a tenant's use of a driver is quarantined",
        description = "Devices of one tenant quarantined for the same driver within the window.")
    int quarantineDevices() default 3;

    @AttributeDefinition(
        name = "Tenants before a driver is quarantined for everyone",
        description = "Tenants quarantined for the same driver within the window.")
    int quarantineTenants() default 2;
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

  private final Quarantine quarantine =
      new Quarantine(
          new Quarantine.Rules() {
            @Override
            public int failures() {
              return config.quarantineFailures();
            }

            @Override
            public int hangs() {
              return config.quarantineTimeouts();
            }

            @Override
            public int devices() {
              return config.quarantineDevices();
            }

            @Override
            public int tenants() {
              return config.quarantineTenants();
            }

            @Override
            public long windowNanos() {
              return TimeUnit.SECONDS.toNanos(config.quarantineWindowSeconds());
            }
          });

  private final class Slot {
    final DeviceDriver driver;
    final DriverInfo info;
    final String bundle;
    final AtomicLong decoded = new AtomicLong();
    final AtomicLong failures = new AtomicLong();

    Slot(DeviceDriver driver, DriverInfo info, String bundle) {
      this.driver = driver;
      this.info = info;
      this.bundle = bundle;
    }

    DriverState state() {
      Quarantine.Entry q = quarantine.driver(info.id());
      return new DriverState(
          info.id(),
          info.name(),
          info.vendor(),
          info.version(),
          info.deviceTypes(),
          bundle,
          q != null,
          q == null ? null : q.reason(),
          q == null ? null : q.since(),
          decoded.get(),
          failures.get());
    }

    /** Records a failure of one device's message; true if it quarantined anything. */
    boolean fail(RegisteredDevice device, String why, boolean hang) {
      failures.incrementAndGet();
      Quarantine.Level level =
          quarantine.fail(
              info.id(), device.tenant().value(), device.username(), why, hang, clock.instant());
      switch (level) {
        case DEVICE ->
            LOG.warn(
                "Device {} quarantined from driver {} {}: {}. Its messages are refused until it is"
                    + " released.",
                device.username(),
                info.id(),
                info.version(),
                quarantine.device(device.username()).reason());
        case TENANT ->
            LOG.warn(
                "Driver {} {} quarantined for tenant {}: {}",
                info.id(),
                info.version(),
                device.tenant(),
                quarantine.tenant(device.tenant().value(), info.id()).reason());
        case DRIVER ->
            LOG.error(
                "Driver {} {} quarantined for every tenant: {}. Its devices' messages are refused"
                    + " until it is replaced or released (courtyard:driver-release {}).",
                info.id(),
                info.version(),
                quarantine.driver(info.id()).reason(),
                info.id());
        default -> {}
      }
      return level != Quarantine.Level.NONE;
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
    if (previous != null) {
      // a new version starts with a clean slate
      quarantine.releaseDriver(info.id());
    }
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

  /** Lets a quarantined driver decode again, for every tenant and device it was kept from. */
  boolean release(String id) {
    Slot s = slots.get(id);
    if (s == null) {
      return false;
    }
    quarantine.releaseDriver(id);
    LOG.info("Driver {} released from quarantine", id);
    return true;
  }

  /** Lets one quarantined device decode again; false if it was not quarantined itself. */
  boolean releaseDevice(RegisteredDevice device) {
    boolean was = quarantine.releaseDevice(device.username());
    if (was) {
      LOG.info("Device {} released from quarantine", device.username());
    }
    return was;
  }

  /**
   * Why this device's messages are refused now (its driver missing is not a refusal: the gateway
   * holds those messages while a driver is replaced), or null.
   */
  String refusal(RegisteredDevice device) {
    return quarantine.refusal(device.driver(), device.tenant().value(), device.username());
  }

  /**
   * Decodes on the caller's thread, with the failure accounting. The caller enforces the time
   * limits ({@link #timeoutMs()}, {@link #wallLimitMs()}) with a watchdog and reports an overrun
   * through {@link #timedOut}: a thread handoff per message would cost more than most decodes. A
   * decode the watchdog gave up on ({@code owned} false once it returns) was already counted as a
   * hang: whatever it ends with afterwards, often an exception or null from the interrupt, is not a
   * second failure.
   */
  Outcome decode(
      RegisteredDevice device, Uplink uplink, DeviceConfig settings, BooleanSupplier owned) {
    String driverId = device.driver();
    Slot s = slots.get(driverId);
    if (s == null) {
      return Outcome.failed("driver " + driverId + " is not installed", false);
    }
    String refused = refusal(device);
    if (refused != null) {
      return Outcome.failed(refused, true);
    }
    try {
      DecodeResult r = s.driver.decode(uplink, settings);
      if (r == null) {
        return Outcome.failed(
            "driver returned null", owned.getAsBoolean() && s.fail(device, "returned null", false));
      }
      s.decoded.incrementAndGet();
      return new Outcome(r, null, false);
    } catch (RuntimeException | StackOverflowError | LinkageError e) {
      String why = "threw " + e;
      LOG.debug("Driver {} failed on a message of {}", driverId, uplink.deviceId(), e);
      return Outcome.failed(why, owned.getAsBoolean() && s.fail(device, why, false));
    }
  }

  int timeoutMs() {
    return config.decodeTimeoutMs();
  }

  /** A decode of this device's message hung on a caller's thread: it counts as a hang. */
  void timedOut(RegisteredDevice device, String why) {
    Slot s = slots.get(device.driver());
    if (s != null) {
      s.fail(device, why, true);
    }
  }

  int wallLimitMs() {
    return Math.max(config.decodeTimeoutMs(), config.decodeWallLimitMs());
  }
}
