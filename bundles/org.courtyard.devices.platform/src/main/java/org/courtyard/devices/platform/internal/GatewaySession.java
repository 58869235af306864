package org.courtyard.devices.platform.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT session of the gateway. Its messages are acknowledged by hand, after the transaction
 * that stored them committed ({@link #ack}), so the broker keeps whatever Courtyard has not stored
 * and delivers it again after a crash. Brokers bound the unacknowledged messages per session
 * (Moquette 0.17: a window of 10 unless patched, Mosquitto: {@code max_inflight_messages}), so the
 * gateway runs several sessions and gives each a share of the tenants: a tenant's up topics are
 * always on one session, which keeps each device's messages in order.
 *
 * <p>The session is persistent (clean session off): its subscriptions and the messages for it are
 * kept by the broker while it is away. An acknowledgement carries the connection it was received
 * on: after a reconnect the broker delivers unacknowledged messages again, possibly under the same
 * packet ids, so an acknowledgement of an earlier connection is never sent on a later one.
 */
final class GatewaySession implements MqttCallbackExtended {

  private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);

  /** Where the session hands its messages. May block: that holds the broker's deliveries. */
  interface Sink {
    /**
     * @return false if the message was not taken (the gateway is stopping): it stays unacknowledged
     *     and the broker delivers it again
     */
    boolean arrived(String topic, MqttMessage message, Ack ack) throws InterruptedException;
  }

  /** The acknowledgement of one message, to be sent once it is stored. */
  record Ack(GatewaySession session, int connection, int messageId, int qos) {
    void send() {
      session.acknowledge(this);
    }
  }

  /** Every device's up topic, the single subscription of gateways before sessions were split. */
  static final String ALL_UP = "t/+/d/+/up";

  final int index;
  private final Sink sink;
  private final ScheduledExecutorService scheduler;
  private final Set<String> filters = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connection = new AtomicInteger();
  private volatile MqttAsyncClient client;
  private volatile boolean closed;

  GatewaySession(int index, Sink sink, ScheduledExecutorService scheduler) {
    this.index = index;
    this.sink = sink;
    this.scheduler = scheduler;
  }

  /** The client id of session {@code index}: the gateway's user name, then {@code -<index>}. */
  static String clientId(String gatewayUser, int index) {
    return index == 0 ? gatewayUser : gatewayUser + "-" + index;
  }

  /**
   * Connects, retrying with backoff until it works or the session is closed: Courtyard starts while
   * the broker is still down, and health says so meanwhile.
   */
  void open(String url, String username, char[] password, int maxInflight) {
    try {
      MqttAsyncClient c =
          new MqttAsyncClient(url, clientId(username, index), new MemoryPersistence());
      c.setManualAcks(true);
      c.setCallback(this);
      MqttConnectOptions options = new MqttConnectOptions();
      options.setUserName(username);
      options.setPassword(password);
      options.setAutomaticReconnect(true);
      // Paho doubles its reconnect pause up to 128 s by default: after a broker outage of half a
      // minute the gateway could stay away another minute while devices' acknowledged readings
      // wait in the broker. Retry at least every 10 s, as the first connection does.
      options.setMaxReconnectDelay(10_000);
      options.setCleanSession(false);
      options.setMaxInflight(maxInflight);
      options.setKeepAliveInterval(30);
      options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
      client = c;
      connect(c, options, 250);
    } catch (MqttException e) {
      LOG.error("Device gateway session {} cannot be created for {}", index, url, e);
    }
  }

  private void connect(MqttAsyncClient c, MqttConnectOptions options, long backoffMs) {
    if (closed || client != c) {
      return;
    }
    try {
      c.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              LOG.info("Device gateway session {} connected to {}", index, c.getServerURI());
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
              retry(c, options, backoffMs, e);
            }
          });
    } catch (MqttException e) {
      retry(c, options, backoffMs, e);
    }
  }

  private void retry(MqttAsyncClient c, MqttConnectOptions options, long backoffMs, Throwable e) {
    if (closed || client != c) {
      return;
    }
    LOG.warn(
        "Device gateway session {} cannot reach the broker {} ({}); trying again in {} ms",
        index,
        c.getServerURI(),
        String.valueOf(e),
        backoffMs);
    scheduler.schedule(
        () -> connect(c, options, Math.min(backoffMs * 2, 10_000)),
        backoffMs,
        TimeUnit.MILLISECONDS);
  }

  boolean connected() {
    MqttAsyncClient c = client;
    return c != null && c.isConnected();
  }

  /** Adds a topic filter to this session; subscribes at once when connected. */
  void subscribe(String filter) {
    if (!filters.add(filter)) {
      return;
    }
    MqttAsyncClient c = client;
    if (c != null && c.isConnected()) {
      try {
        c.subscribe(filter, 1).waitForCompletion(10_000);
      } catch (MqttException e) {
        // connectComplete subscribes every filter again after the reconnect
        LOG.warn("Device gateway session {} could not subscribe to {}: {}", index, filter, e);
      }
    }
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    connection.incrementAndGet();
    MqttAsyncClient c = client;
    if (c == null) {
      return;
    }
    try {
      if (index == 0) {
        // the single wildcard of earlier versions would deliver every tenant twice
        c.unsubscribe(ALL_UP);
      }
      String[] topics = filters.toArray(String[]::new);
      for (int from = 0; from < topics.length; from += 500) {
        int n = Math.min(500, topics.length - from);
        String[] part = new String[n];
        System.arraycopy(topics, from, part, 0, n);
        int[] qos = new int[n];
        java.util.Arrays.fill(qos, 1);
        c.subscribe(part, qos);
      }
      if (reconnect) {
        LOG.info("Device gateway session {} reconnected to {}", index, serverUri);
      }
    } catch (MqttException e) {
      LOG.error("Device gateway session {} could not subscribe its tenants", index, e);
    }
  }

  @Override
  public void connectionLost(Throwable cause) {
    connection.incrementAndGet();
    LOG.warn(
        "Device gateway session {} lost the broker ({}); reconnecting",
        index,
        String.valueOf(cause));
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
    Ack ack = new Ack(this, connection.get(), message.getId(), message.getQos());
    sink.arrived(topic, message, ack);
  }

  @Override
  public void deliveryComplete(IMqttDeliveryToken token) {
    // commands are published synchronously
  }

  private void acknowledge(Ack ack) {
    MqttAsyncClient c = client;
    if (ack.qos() == 0 || c == null || ack.connection() != connection.get()) {
      // QoS 0 needs none; after a reconnect the broker delivers it again and the copy is a
      // duplicate
      return;
    }
    try {
      c.messageArrivedComplete(ack.messageId(), ack.qos());
    } catch (MqttException e) {
      LOG.debug(
          "Device gateway session {}: acknowledgement {} not sent", index, ack.messageId(), e);
    }
  }

  /** Publishes a command, QoS 1, and waits for the broker to take it. */
  void publish(String topic, byte[] payload) throws MqttException {
    MqttAsyncClient c = client;
    if (c == null) {
      throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
    }
    c.publish(topic, payload, 1, false).waitForCompletion(5_000);
  }

  /** Disconnects; what was not acknowledged stays with the broker for the next connection. */
  void close() {
    closed = true;
    MqttAsyncClient c = client;
    client = null;
    connection.incrementAndGet();
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnect(2_000).waitForCompletion(3_000);
      }
    } catch (MqttException e) {
      LOG.debug("Gateway session {} disconnect", index, e);
      try {
        c.disconnectForcibly(500, 500);
      } catch (MqttException again) {
        LOG.debug("Gateway session {} forced disconnect", index, again);
      }
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      LOG.debug("Gateway session {} close", index, e);
    }
  }
}
