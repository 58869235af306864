package org.courtyard.devices.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import org.courtyard.api.TenantSlug;
import org.courtyard.broker.MqttBroker;
import org.courtyard.devices.platform.RegisteredDevice;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The gateway's sessions on the current broker and which tenant each carries: a tenant's up topics
 * are always on one session (by the hash of its slug), so a device's messages stay in order and its
 * commands leave on the session its messages come on.
 */
final class GatewaySessions {

  private final GatewaySession.Sink sink;
  private final ScheduledExecutorService scheduler;
  private volatile List<GatewaySession> sessions = List.of();

  /** Tenants whose up topics the sessions subscribe. */
  private final Set<TenantSlug> subscribed = ConcurrentHashMap.newKeySet();

  /**
   * @param sink where the sessions hand their messages
   * @param scheduler for the sessions' reconnection attempts
   */
  GatewaySessions(GatewaySession.Sink sink, ScheduledExecutorService scheduler) {
    this.sink = sink;
    this.scheduler = scheduler;
  }

  /**
   * Replaces the sessions by {@code n} new ones, not yet connected, each with its tenants' filters.
   *
   * @return the new sessions, for {@link #open}
   */
  List<GatewaySession> replace(int n) {
    List<GatewaySession> fresh = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      fresh.add(new GatewaySession(i, sink, scheduler));
    }
    for (TenantSlug t : subscribed) {
      fresh.get(sessionOf(t, n)).subscribe(filter(t));
    }
    this.sessions = List.copyOf(fresh);
    return fresh;
  }

  /** Connects the sessions {@link #replace} made, each retrying until it works. */
  static void open(
      List<GatewaySession> fresh, String url, MqttBroker.Login login, int maxInflight) {
    for (GatewaySession s : fresh) {
      s.open(url, login.username(), login.password().toCharArray(), maxInflight);
    }
  }

  /** Disconnects every session; what was not acknowledged stays with the broker. */
  void close() {
    List<GatewaySession> old = sessions;
    sessions = List.of();
    for (GatewaySession s : old) {
      s.close();
    }
  }

  /** The sessions now, connected or not. */
  List<GatewaySession> current() {
    return sessions;
  }

  /** Subscribes the tenant's up topics on its session (kept across restarts by the broker). */
  void subscribe(TenantSlug tenant) {
    if (subscribed.add(tenant)) {
      List<GatewaySession> s = sessions;
      if (!s.isEmpty()) {
        s.get(sessionOf(tenant, s.size())).subscribe(filter(tenant));
      }
    }
  }

  /** Publishes a command to the device's down topic, QoS 1, on its tenant's session. */
  void publish(RegisteredDevice device, byte[] payload) throws MqttException {
    List<GatewaySession> s = sessions;
    if (s.isEmpty()) {
      throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
    }
    s.get(sessionOf(device.tenant(), s.size())).publish(device.downTopic(), payload);
  }

  private static int sessionOf(TenantSlug tenant, int sessions) {
    return Math.floorMod(tenant.value().hashCode(), sessions);
  }

  private static String filter(TenantSlug tenant) {
    return "t/" + tenant.value() + "/d/+/up";
  }
}
