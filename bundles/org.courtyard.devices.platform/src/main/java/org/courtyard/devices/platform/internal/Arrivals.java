package org.courtyard.devices.platform.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantService;
import org.courtyard.api.TenantSlug;
import org.courtyard.devices.platform.DeviceIngest;
import org.courtyard.devices.platform.RegisteredDevice;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the gateway's sessions hand each message ({@link GatewaySession.Sink}), on Paho's callback
 * thread: to its device's decode lane; or, for a device the registry does not know yet, held while
 * its tenant's devices module is not running (after a restart the broker delivers before the module
 * has loaded its devices); or let go when it belongs to nobody (tenant offboarded, devices
 * disabled, device revoked).
 */
final class Arrivals implements GatewaySession.Sink {

  private static final Logger LOG = LoggerFactory.getLogger(Arrivals.class);

  private final Clock clock = Clock.systemUTC();
  private final DeviceRegistry registry;
  private final TenantInstances<DeviceIngest> tenants;
  private final Supplier<TenantService> platform;
  private final IntSupplier holdSeconds;
  private final DecodeLanes lanes;
  private final GatewayStats stats;

  /** False while stopping: new messages stay with the broker. */
  private volatile boolean taking = true;

  /** Tenants found to have no devices module, until when that answer holds (nanoTime). */
  private final Map<TenantSlug, Long> nobodys = new ConcurrentHashMap<>();

  /**
   * @param platform the platform's tenant registry, or null while there is none
   * @param holdSeconds how long a message waits for its tenant's module, read at each message
   */
  Arrivals(
      DeviceRegistry registry,
      TenantInstances<DeviceIngest> tenants,
      Supplier<TenantService> platform,
      IntSupplier holdSeconds,
      DecodeLanes lanes,
      GatewayStats stats) {
    this.registry = registry;
    this.tenants = tenants;
    this.platform = platform;
    this.holdSeconds = holdSeconds;
    this.lanes = lanes;
    this.stats = stats;
  }

  /** Whether messages are taken; false leaves new ones with the broker. */
  void taking(boolean taking) {
    this.taking = taking;
  }

  /** The tenant's module is running: an earlier verdict that it has no devices is void. */
  void moduleBound(TenantSlug tenant) {
    nobodys.remove(tenant);
  }

  /** Paho's callback thread of a session: blocks while the device's lane is full. */
  @Override
  public boolean arrived(String topic, MqttMessage message, GatewaySession.Ack ack)
      throws InterruptedException {
    if (!taking) {
      return false;
    }
    stats.received.incrementAndGet();
    // one map lookup: no parsing of the topic on the way in
    RegisteredDevice device = registry.findByUpTopic(topic);
    if (device == null) {
      device = awaitDevice(topic);
      if (device == null) {
        TenantSlug tenant = tenantOf(topic);
        if (tenant != null
            && (!taking || !lanes.running() || tenants.find(tenant) == null)
            && !belongsToNobody(tenant)) {
          // its tenant's devices module is not running (yet): the broker keeps the message
          stats.held.incrementAndGet();
          return false;
        }
        // revoked, its tenant offboarded or its module disabled, after the broker let it in
        stats.dropped.incrementAndGet();
        ack.send();
        return true;
      }
    }
    return lanes.offer(device, message.getPayload(), clock.instant(), ack, () -> taking);
  }

  /**
   * The device of a topic the registry does not know yet. After a restart the broker delivers what
   * it kept before the tenant's devices module has loaded its devices: wait for the module (while
   * it is not running) instead of taking the message for a revoked device's.
   */
  private RegisteredDevice awaitDevice(String topic) throws InterruptedException {
    TenantSlug tenant = tenantOf(topic);
    if (tenant == null) {
      return null;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(holdSeconds.getAsInt());
    long nextAsk = System.nanoTime();
    while (tenants.find(tenant) == null
        && taking
        && lanes.running()
        && System.nanoTime() < deadline) {
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
    TenantService platform = this.platform.get();
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
              .map(t -> !t.modules.contains(DeviceIngest.MODULE))
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
}
