package org.courtyard.devices.platform.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is kept away from a driver, and why. A driver's fault stays with the devices that show it:
 * failures and hangs are counted per device in a sliding window, and quarantine escalates only when
 * the evidence spreads: a device first; a tenant's use of the driver when several of that tenant's
 * devices were quarantined within the window; the whole driver, for every tenant, when several
 * tenants were. A hang weighs more than an exception because it keeps a thread.
 *
 * <p>Thread-safe: every method synchronises on this object; the calls are rare (failures only) or
 * cheap map lookups.
 */
final class Quarantine {

  /** The thresholds; read on every call so that a configuration change applies at once. */
  interface Rules {
    /** Exceptions or null answers of one device within the window that quarantine it. */
    int failures();

    /** Hangs of one device within the window that quarantine it. */
    int hangs();

    /** Devices of one tenant quarantined within the window that quarantine (tenant, driver). */
    int devices();

    /** Tenants quarantined for one driver within the window that quarantine the driver. */
    int tenants();

    long windowNanos();
  }

  /** Why someone is quarantined, since when, and for which driver. */
  record Entry(String reason, Instant since, String driver) {}

  /** A failure's consequence, for the log and the caller. */
  enum Level {
    NONE,
    DEVICE,
    TENANT,
    DRIVER
  }

  private final Rules rules;
  private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
  private final Map<String, Deque<Long>> hangs = new ConcurrentHashMap<>();

  /** Keys: device username; {@code tenant|driver}; driver id. */
  private final Map<String, Entry> devices = new ConcurrentHashMap<>();

  private final Map<String, Entry> tenantDrivers = new ConcurrentHashMap<>();
  private final Map<String, Entry> drivers = new ConcurrentHashMap<>();

  /** When each device of a (tenant, driver) was quarantined, for the escalation's window. */
  private final Map<String, Map<String, Long>> quarantinedDevices = new ConcurrentHashMap<>();

  /** When each tenant was quarantined for a driver. */
  private final Map<String, Map<String, Long>> quarantinedTenants = new ConcurrentHashMap<>();

  Quarantine(Rules rules) {
    this.rules = rules;
  }

  /**
   * The reason this device may not use its driver now, or null. The narrowest applicable entry
   * wins: the driver's, then the tenant's, then the device's own.
   */
  String refusal(String driver, String tenant, String device) {
    Entry d = drivers.get(driver);
    if (d != null) {
      return "driver " + driver + " is quarantined for every tenant: " + d.reason();
    }
    Entry t = tenantDrivers.get(tenant + "|" + driver);
    if (t != null) {
      return "driver " + driver + " is quarantined for this tenant: " + t.reason();
    }
    Entry own = devices.get(device);
    return own == null ? null : "the device is quarantined: " + own.reason();
  }

  Entry driver(String driver) {
    return drivers.get(driver);
  }

  Entry tenant(String tenant, String driver) {
    return tenantDrivers.get(tenant + "|" + driver);
  }

  Entry device(String device) {
    return devices.get(device);
  }

  /** Records one failure of {@code device} (user name) with {@code driver}; says what it caused. */
  synchronized Level fail(
      String driver, String tenant, String device, String why, boolean hang, Instant at) {
    long now = System.nanoTime();
    Deque<Long> mine = (hang ? hangs : failures).computeIfAbsent(device, k -> new ArrayDeque<>());
    mine.addLast(now);
    trim(mine, now);
    int limit = hang ? rules.hangs() : rules.failures();
    if (devices.containsKey(device) || mine.size() < Math.max(1, limit)) {
      return Level.NONE;
    }
    String reason =
        mine.size()
            + (hang ? " decodes did not return in time" : " failed decodes")
            + " within "
            + rules.windowNanos() / 1_000_000_000L
            + " s; last: "
            + why;
    devices.put(device, new Entry(reason, at, driver));
    String td = tenant + "|" + driver;
    Map<String, Long> peers =
        quarantinedDevices.computeIfAbsent(td, k -> new ConcurrentHashMap<>());
    peers.put(device, now);
    peers.values().removeIf(t -> now - t > rules.windowNanos());
    if (tenantDrivers.containsKey(td) || peers.size() < Math.max(1, rules.devices())) {
      return Level.DEVICE;
    }
    tenantDrivers.put(
        td,
        new Entry(
            peers.size()
                + " of this tenant's devices were quarantined within the window; last: "
                + why,
            at,
            driver));
    Map<String, Long> tenants =
        quarantinedTenants.computeIfAbsent(driver, k -> new ConcurrentHashMap<>());
    tenants.put(tenant, now);
    tenants.values().removeIf(t -> now - t > rules.windowNanos());
    if (drivers.containsKey(driver) || tenants.size() < Math.max(1, rules.tenants())) {
      return Level.TENANT;
    }
    drivers.put(
        driver,
        new Entry(
            "devices of "
                + tenants.size()
                + " tenants failed alike within the window; last: "
                + why,
            at,
            driver));
    return Level.DRIVER;
  }

  /** Lets a driver decode again for everyone: its driver, tenant and device entries go. */
  synchronized void releaseDriver(String driver) {
    drivers.remove(driver);
    quarantinedTenants.remove(driver);
    quarantinedDevices.keySet().removeIf(k -> k.endsWith("|" + driver));
    tenantDrivers.keySet().removeIf(k -> k.endsWith("|" + driver));
    Set<String> devicesOfDriver = new HashSet<>();
    devices.forEach(
        (d, e) -> {
          if (e.driver().equals(driver)) {
            devicesOfDriver.add(d);
          }
        });
    for (String d : devicesOfDriver) {
      releaseDevice(d);
    }
  }

  /** Lets one device decode again, with a clean slate. */
  synchronized boolean releaseDevice(String device) {
    failures.remove(device);
    hangs.remove(device);
    return devices.remove(device) != null;
  }

  private void trim(Deque<Long> times, long now) {
    while (!times.isEmpty() && now - times.peekFirst() > rules.windowNanos()) {
      times.removeFirst();
    }
  }
}
