package org.courtyard.devices.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.courtyard.api.TenantSlug;
import org.courtyard.broker.MqttAuthority;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every enabled tenant's active devices, in memory, and the broker's authority over them. A device
 * authenticates as {@code <tenant>/<device>} with its own password and may publish only to {@code
 * t/<tenant>/d/<device>/up} and subscribe only to {@code t/<tenant>/d/<device>/down}. The gateway
 * authenticates with a password made at each start and may subscribe to every tenant's up topics
 * and publish to their down topics.
 *
 * <p>A tenant's devices are here exactly while its devices module instance runs: disabling the
 * module or offboarding the tenant removes them, and their sessions are ended.
 */
@Component(service = {DeviceRegistry.class, MqttAuthority.class})
public final class DeviceRegistry implements MqttAuthority {

  static final String GATEWAY = "courtyard-gateway";
  private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

  private final Map<String, DeviceEntry> devices = new ConcurrentHashMap<>();
  private final String gatewaySecret = Secrets.newSecret();
  private final String gatewayHash = Secrets.hash(gatewaySecret);

  /**
   * Ends a username's sessions; set by the {@link Gateway}, which holds the broker. (A reference to
   * the broker here would be circular: the broker needs this registry to start.)
   */
  private volatile Consumer<String> disconnector = username -> {};

  String gatewaySecret() {
    return gatewaySecret;
  }

  void load(TenantSlug tenant, Collection<DeviceEntry> entries) {
    entries.forEach(e -> devices.put(e.username(), e));
    LOG.info("Tenant {}: {} device(s) may connect", tenant, entries.size());
  }

  /** Removes the tenant's devices and ends their sessions. */
  void unload(TenantSlug tenant) {
    String prefix = tenant.value() + "/";
    List<String> gone = devices.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    gone.forEach(devices::remove);
    gone.forEach(this::disconnect);
  }

  void put(DeviceEntry entry) {
    devices.put(entry.username(), entry);
  }

  /** Removes a device (revoked) and ends its session. */
  void remove(TenantSlug tenant, String deviceId) {
    String username = DeviceEntry.username(tenant, deviceId);
    devices.remove(username);
    disconnect(username);
  }

  DeviceEntry find(TenantSlug tenant, String deviceId) {
    return devices.get(DeviceEntry.username(tenant, deviceId));
  }

  long count(TenantSlug tenant) {
    String prefix = tenant.value() + "/";
    return devices.keySet().stream().filter(k -> k.startsWith(prefix)).count();
  }

  long countByDriver(String driver) {
    return devices.values().stream().filter(d -> d.driver().equals(driver)).count();
  }

  void disconnectWith(Consumer<String> disconnector) {
    this.disconnector = disconnector == null ? username -> {} : disconnector;
  }

  private void disconnect(String username) {
    disconnector.accept(username);
  }

  @Override
  public String authenticate(String clientId, String username, byte[] password) {
    if (username == null || password == null) {
      return null;
    }
    if (username.equals(GATEWAY)) {
      return Secrets.matches(password, gatewayHash) ? GATEWAY : null;
    }
    DeviceEntry d = devices.get(username);
    if (d != null && Secrets.matches(password, d.secretHash())) {
      return username;
    }
    LOG.debug(
        "MQTT login refused for {} ({} bytes of password)",
        username,
        new String(password, StandardCharsets.UTF_8).length());
    return null;
  }

  @Override
  public boolean canPublish(String identity, String topic) {
    if (GATEWAY.equals(identity)) {
      return Topics.isDown(topic);
    }
    DeviceEntry d = identity == null ? null : devices.get(identity);
    return d != null && d.upTopic().equals(topic);
  }

  @Override
  public boolean canSubscribe(String identity, String topic) {
    if (GATEWAY.equals(identity)) {
      return topic.equals(Topics.ALL_UP) || Topics.isUp(topic);
    }
    DeviceEntry d = identity == null ? null : devices.get(identity);
    return d != null && d.downTopic().equals(topic);
  }
}
