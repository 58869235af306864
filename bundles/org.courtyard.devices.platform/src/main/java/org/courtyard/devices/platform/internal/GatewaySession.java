package org.courtyard.devices.platform.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * kept by the broker while it is away. Each connection is a Paho client of its own, and the session
 * reconnects by itself rather than through Paho's automatic reconnect: Paho 1.2.5 queues an
 * acknowledgement sent while it is disconnected ahead of its next CONNECT, and its sender then
 * stops for good, so a gateway whose writer acknowledged a stored batch just after the broker went
 * away never came back (the Mosquitto restart test lost every reading after the restart). An
 * acknowledgement carries the client it was received on and goes only to that client while it is
 * the session's connected one: after a reconnect the broker delivers unacknowledged messages again,
 * possibly under the same packet ids, and the copies are stored as duplicates and acknowledged
 * then.
 */
final class GatewaySession {

  private static final Logger LOG = LoggerFactory.getLogger(GatewaySession.class);

  /** The pause before the first attempt to reconnect, doubled up to {@link #MAX_BACKOFF_MS}. */
  private static final long FIRST_BACKOFF_MS = 250;

  /**
   * The longest pause between attempts: after a broker outage the devices' acknowledged readings
   * wait in the broker, so the gateway retries at least this often.
   */
  private static final long MAX_BACKOFF_MS = 10_000;

  /** Where the session hands its messages. May block: that holds the broker's deliveries. */
  interface Sink {
    /**
     * @return false if the message was not taken (the gateway is stopping): it stays unacknowledged
     *     and the broker delivers it again
     */
    boolean arrived(String topic, MqttMessage message, Ack ack) throws InterruptedException;
  }

  /** The acknowledgement of one message, to be sent once it is stored. */
  record Ack(GatewaySession session, MqttAsyncClient client, int messageId, int qos) {
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
  private volatile String url;
  private volatile String clientId;
  private volatile MqttConnectOptions options;

  /** The client of the current connection or attempt; null once closed. */
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
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(username);
    o.setPassword(password);
    // reconnection is this class's (see above): Paho's would reuse a client that may be stuck
    o.setAutomaticReconnect(false);
    o.setCleanSession(false);
    o.setMaxInflight(maxInflight);
    o.setKeepAliveInterval(30);
    o.setConnectionTimeout(10);
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    this.url = url;
    this.clientId = clientId(username, index);
    this.options = o;
    connect(FIRST_BACKOFF_MS);
  }

  /** One attempt with a client of its own; on failure the next is scheduled with more backoff. */
  private void connect(long backoffMs) {
    if (closed) {
      return;
    }
    MqttAsyncClient c;
    try {
      c = new MqttAsyncClient(url, clientId, new MemoryPersistence());
    } catch (MqttException e) {
      LOG.error("Device gateway session {} cannot be created for {}", index, url, e);
      return;
    }
    c.setManualAcks(true);
    c.setCallback(new Connection(c));
    client = c;
    if (closed) {
      // close() ran meanwhile and did not see this client
      discard(c);
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
              retry(c, backoffMs, e);
            }
          });
    } catch (MqttException e) {
      retry(c, backoffMs, e);
    }
  }

  private void retry(MqttAsyncClient c, long backoffMs, Throwable e) {
    if (closed || client != c) {
      return;
    }
    LOG.warn(
        "Device gateway session {} cannot reach the broker {} ({}); trying again in {} ms",
        index,
        c.getServerURI(),
        String.valueOf(e),
        backoffMs);
    scheduler.execute(() -> discard(c));
    scheduler.schedule(
        () -> connect(Math.min(backoffMs * 2, MAX_BACKOFF_MS)), backoffMs, TimeUnit.MILLISECONDS);
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

  /**
   * The callbacks of one client: a late callback of a client the session has already replaced must
   * not touch the current one.
   */
  private final class Connection implements MqttCallbackExtended {

    private final MqttAsyncClient c;

    Connection(MqttAsyncClient c) {
      this.c = c;
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
      if (c != client) {
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
      } catch (MqttException e) {
        LOG.error("Device gateway session {} could not subscribe its tenants", index, e);
      }
    }

    @Override
    public void connectionLost(Throwable cause) {
      if (closed || c != client) {
        return;
      }
      LOG.warn(
          "Device gateway session {} lost the broker ({}); reconnecting",
          index,
          String.valueOf(cause));
      // Paho calls this on its callback thread, where the client must not be closed
      scheduler.execute(
          () -> {
            if (client == c) {
              discard(c);
              connect(FIRST_BACKOFF_MS);
            }
          });
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
      sink.arrived(
          topic, message, new Ack(GatewaySession.this, c, message.getId(), message.getQos()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // commands are published synchronously
    }
  }

  private void acknowledge(Ack ack) {
    MqttAsyncClient c = ack.client();
    if (ack.qos() == 0 || c == null || c != client || !c.isConnected()) {
      // QoS 0 needs none; a message of an earlier connection is delivered again on the current
      // one, and its copy is the one acknowledged
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
    if (c == null) {
      return;
    }
    try {
      if (c.isConnected()) {
        c.disconnect(2_000).waitForCompletion(3_000);
      }
    } catch (MqttException e) {
      LOG.debug("Gateway session {} disconnect", index, e);
    }
    discard(c);
  }

  /** Closes a client that is no longer the session's, whatever state it is in. */
  private void discard(MqttAsyncClient c) {
    try {
      if (c.isConnected()) {
        c.disconnectForcibly(0, 500, false);
      }
    } catch (MqttException e) {
      LOG.debug("Gateway session {} forced disconnect", index, e);
    }
    try {
      c.close(true);
    } catch (MqttException e) {
      LOG.debug("Gateway session {} close", index, e);
    }
  }
}
