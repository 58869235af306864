package org.courtyard.devices.platform.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.courtyard.api.TenantSlug;
import org.courtyard.broker.MqttAuthority;
import org.courtyard.broker.MqttBroker;
import org.courtyard.devices.platform.DeviceSecrets;
import org.courtyard.devices.platform.RegisteredDevice;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every enabled tenant's active devices, in memory, and the embedded broker's authority over them.
 * A device authenticates as {@code <tenant>/<device>} with its own password and may publish only to
 * {@code t/<tenant>/d/<device>/up} and subscribe only to {@code t/<tenant>/d/<device>/down}.
 *
 * <p>A tenant's devices are here exactly while its devices module instance runs: disabling the
 * module or offboarding the tenant removes them, and the broker ends their sessions (an external
 * broker also suspends their accounts).
 */
@Component(service = {DeviceRegistry.class, MqttAuthority.class})
public final class DeviceRegistry implements MqttAuthority {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

  private final Map<String, RegisteredDevice> devices = new ConcurrentHashMap<>();

  /** The same entries by up topic: the gateway's one lookup per message. */
  private final Map<String, RegisteredDevice> byUpTopic = new ConcurrentHashMap<>();

  /**
   * The broker, once the {@link Gateway} has it. (A reference here would be circular: the embedded
   * broker needs this registry to start.)
   */
  private volatile MqttBroker broker;

  void useBroker(MqttBroker broker) {
    this.broker = broker;
  }

  /** Lets the tenant's devices in (again). */
  void load(TenantSlug tenant, Collection<RegisteredDevice> entries) {
    entries.forEach(this::put);
    tell(b -> entries.forEach(e -> b.resume(e.username())));
    LOG.info("Tenant {}: {} device(s) may connect", tenant, entries.size());
  }

  /** Removes the tenant's devices; the broker suspends them and ends their sessions. */
  void unload(TenantSlug tenant) {
    List<String> gone = dropAll(tenant);
    tell(b -> gone.forEach(b::suspend));
  }

  /** Forgets the offboarded tenant's devices and has the broker delete their accounts. */
  void purge(TenantSlug tenant) {
    dropAll(tenant);
    tell(
        b -> {
          int n = b.removeAll(prefix(tenant));
          LOG.info("Tenant {} offboarded: {} broker account(s) deleted", tenant, n);
        });
  }

  void put(RegisteredDevice entry) {
    RegisteredDevice old = devices.put(entry.username(), entry);
    if (old != null) {
      byUpTopic.remove(old.upTopic());
    }
    byUpTopic.put(entry.upTopic(), entry);
  }

  /** Every broker username of the tenant's devices starts with this. */
  private static String prefix(TenantSlug tenant) {
    return tenant.value() + "/";
  }

  private List<String> usernames(TenantSlug tenant) {
    String prefix = prefix(tenant);
    return devices.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
  }

  private List<String> dropAll(TenantSlug tenant) {
    List<String> gone = usernames(tenant);
    gone.forEach(this::drop);
    return gone;
  }

  private void drop(String username) {
    RegisteredDevice old = devices.remove(username);
    if (old != null) {
      byUpTopic.remove(old.upTopic());
    }
  }

  /** Removes a device (revoked): its broker account goes and its session ends. */
  void remove(TenantSlug tenant, String deviceId) {
    String username = RegisteredDevice.username(tenant, deviceId);
    drop(username);
    tell(b -> b.remove(username));
  }

  /** The device that publishes on {@code topic}, or null (not an up topic, or no such device). */
  RegisteredDevice findByUpTopic(String topic) {
    return byUpTopic.get(topic);
  }

  long count(TenantSlug tenant) {
    return usernames(tenant).size();
  }

  long countByDriver(String driver) {
    return devices.values().stream().filter(d -> d.driver().equals(driver)).count();
  }

  private void tell(Consumer<MqttBroker> change) {
    MqttBroker b = broker;
    if (b == null) {
      return;
    }
    try {
      change.accept(b);
    } catch (RuntimeException e) {
      LOG.error("The MQTT broker could not be told about a device change", e);
    }
  }

  @Override
  public String authenticate(String clientId, String username, byte[] password) {
    if (username == null || password == null) {
      return null;
    }
    RegisteredDevice d = devices.get(username);
    if (d != null && DeviceSecrets.matches(password, d.secretHash())) {
      return username;
    }
    LOG.debug("MQTT login refused for {}", username);
    return null;
  }

  @Override
  public boolean canPublish(String identity, String topic) {
    RegisteredDevice d = identity == null ? null : devices.get(identity);
    return d != null && d.upTopic().equals(topic);
  }

  @Override
  public boolean canSubscribe(String identity, String topic) {
    RegisteredDevice d = identity == null ? null : devices.get(identity);
    return d != null && d.downTopic().equals(topic);
  }
}
