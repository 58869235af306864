package org.courtyard.broker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moquette.broker.ISessionsRepository;
import io.moquette.broker.Server;
import io.moquette.persistence.H2Builder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.courtyard.broker.MqttAuthority;
import org.courtyard.persistence.internal.SharedWorkers;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store a killed broker leaves behind: taken while the gateway's persistent session is
 * connected and after Moquette's periodic save, as a SIGKILL would leave it.
 */
class MoquetteStoreTest {

  /** The platform's shared workers, which the broker restarts itself on. */
  private static final SharedWorkers WORKERS = new SharedWorkers(2);

  @AfterAll
  static void stopWorkers() throws InterruptedException {
    WORKERS.deactivate();
  }

  private static final String GATEWAY_PASSWORD = "gateway-secret";
  private static final String DEVICE = "acme/wm-1";
  private static final String UP = "t/acme/d/wm-1/up";

  @TempDir Path dir;

  @Test
  void aBrokerKilledWhileTheGatewayWasConnectedStartsAgainWithItsSessionAndSubscription()
      throws Exception {
    Path live = dir.resolve("live");
    Path killed = dir.resolve("killed");
    int port = freePort();
    Moquette broker = new Moquette(config(port), live, new OneDevice(), GATEWAY_PASSWORD, WORKERS);
    MqttClient gateway = gateway(port);
    try {
      gateway.subscribe("t/acme/d/+/up", 1);
      // autosaveSeconds=1: the subscription is committed; nothing changes afterwards
      Thread.sleep(2_500);
      copy(live, killed);
    } finally {
      gateway.disconnectForcibly(1_000);
      gateway.close();
      broker.stop();
    }

    // what Moquette 0.17 does with that store on its own
    Path unrepaired = dir.resolve("unrepaired");
    copy(killed, unrepaired);
    Server plain = new Server();
    RuntimeException refused =
        assertThrows(RuntimeException.class, () -> plain.startServer(plainConfig(unrepaired)));
    assertTrue(String.valueOf(refused.getMessage()).contains("expiry instant"), refused::toString);
    plain.stopServer();

    port = freePort();
    broker = new Moquette(config(port), killed, new OneDevice(), GATEWAY_PASSWORD, WORKERS);
    try {
      MqttClient device = client(port, DEVICE, DEVICE, "device-secret");
      device.publish(UP, "{\"seq\":1}".getBytes(StandardCharsets.UTF_8), 1, false);
      device.disconnect();
      device.close();

      // the gateway does not subscribe again: the broker kept its session and subscription, and
      // queued the reading for it
      BlockingQueue<String> received = new LinkedBlockingQueue<>();
      gateway = gateway(port, received);
      try {
        String reading = received.poll(10, TimeUnit.SECONDS);
        assertNotNull(reading, "the reading queued for the gateway's kept session");
        assertEquals("{\"seq\":1}", reading);
      } finally {
        gateway.disconnect();
        gateway.close();
      }
    } finally {
      broker.stop();
    }
  }

  @Test
  void aStoreAfterACleanStopNeedsNothing() throws Exception {
    int port = freePort();
    Moquette broker = new Moquette(config(port), dir, new OneDevice(), GATEWAY_PASSWORD, WORKERS);
    MqttClient gateway = gateway(port);
    gateway.subscribe("t/acme/d/+/up", 1);
    gateway.disconnect();
    gateway.close();
    broker.stop();
    assertEquals(0, MoquetteStore.recover(dir));
    assertEquals(0, MoquetteStore.recover(dir.resolve("none")));
  }

  /**
   * The store a Karaf killed mid-stream left in IngestDurabilityIT (two tenants, three meters each,
   * the gateway's four sessions): H2 reads it as it was, but loses its later versions once it has
   * written to it in place. Recovered, it keeps them across clean restarts of the broker.
   */
  @Test
  void theStoreOfAKarafKilledMidStreamKeepsItsSessionsAndSubscriptionsAcrossRestarts()
      throws Exception {
    Path inPlace = dir.resolve("in-place");
    killedStore(inPlace);
    ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    try {
      // the first open of the killed file, as Moquette's would be
      H2Builder h2 = new H2Builder(unused, inPlace, 3_600, Clock.systemUTC()).initStore();
      ISessionsRepository repo = h2.sessionsRepository();
      assertEquals(10, repo.list().size());
      ISessionsRepository.SessionData first = repo.list().iterator().next();
      repo.saveSession(first.withExpirationComputed());
      h2.closeStore();
    } finally {
      unused.shutdownNow();
    }
    assertTrue(
        sessions(inPlace).size() < 10,
        "H2 2.1.212 written in place keeps every version: the copy may no longer be needed");

    Path recovered = dir.resolve("recovered");
    killedStore(recovered);
    assertEquals(10, MoquetteStore.recover(recovered));
    for (int start = 0; start < 2; start++) {
      Moquette broker =
          new Moquette(config(freePort()), recovered, new OneDevice(), GATEWAY_PASSWORD, WORKERS);
      broker.stop();
    }
    assertEquals(10, sessions(recovered).size());
    assertEquals(
        Set.of("courtyard-gateway-1 t/embkilla/d/+/up", "courtyard-gateway-2 t/embkillb/d/+/up"),
        subscriptions(recovered));
    assertEquals(0, MoquetteStore.recover(recovered), "a clean stop leaves nothing to recover");
  }

  private static void killedStore(Path data) throws IOException {
    Files.createDirectories(data);
    try (InputStream in = MoquetteStoreTest.class.getResourceAsStream("killed-moquette_store.h2")) {
      assertNotNull(in);
      Files.copy(in, data.resolve("moquette_store.h2"));
    }
  }

  private static List<ISessionsRepository.SessionData> sessions(Path data) {
    ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    H2Builder h2 = new H2Builder(unused, data, 3_600, Clock.systemUTC()).initStore();
    try {
      return List.copyOf(h2.sessionsRepository().list());
    } finally {
      h2.closeStore();
      unused.shutdownNow();
    }
  }

  private static Set<String> subscriptions(Path data) {
    ScheduledExecutorService unused = Executors.newSingleThreadScheduledExecutor();
    H2Builder h2 = new H2Builder(unused, data, 3_600, Clock.systemUTC()).initStore();
    try {
      return h2.subscriptionsRepository().listAllSubscriptions().stream()
          .map(s -> s.getClientId() + " " + s.getTopicFilter())
          .collect(Collectors.toSet());
    } finally {
      h2.closeStore();
      unused.shutdownNow();
    }
  }

  private static MqttClient gateway(int port) throws MqttException {
    return gateway(port, null);
  }

  private static MqttClient gateway(int port, BlockingQueue<String> received) throws MqttException {
    return client(
        port, GatewayAccount.USERNAME, GatewayAccount.USERNAME, GATEWAY_PASSWORD, received);
  }

  private static MqttClient client(int port, String clientId, String user, String password)
      throws MqttException {
    return client(port, clientId, user, password, null);
  }

  private static MqttClient client(
      int port, String clientId, String user, String password, BlockingQueue<String> received)
      throws MqttException {
    MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, clientId, new MemoryPersistence());
    if (received != null) {
      c.setCallback(
          new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) {
              received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
          });
    }
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(user);
    o.setPassword(password.toCharArray());
    o.setCleanSession(false);
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    c.connect(o);
    return c;
  }

  private static Properties plainConfig(Path data) throws IOException {
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(freePort()));
    p.setProperty("persistence_enabled", "true");
    p.setProperty("data_path", data.toString());
    p.setProperty("persistent_queue_type", "h2");
    p.setProperty("telemetry_enabled", "false");
    return p;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static Broker.Config config(int port) {
    return new Broker.Config() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return Broker.Config.class;
      }

      @Override
      public String mode() {
        return "embedded";
      }

      @Override
      public String host() {
        return "127.0.0.1";
      }

      @Override
      public int port() {
        return port;
      }

      @Override
      public String dataPath() {
        return "";
      }

      @Override
      public boolean persistence() {
        return true;
      }

      @Override
      public int autosaveSeconds() {
        return 1;
      }

      @Override
      public int maxMessageBytes() {
        return 65_536;
      }

      @Override
      public int sessionQueueSize() {
        return 65_536;
      }

      @Override
      public String url() {
        return "";
      }

      @Override
      public String adminUsername() {
        return "";
      }

      @Override
      public String adminPassword() {
        return "";
      }
    };
  }

  /** One device, {@value #DEVICE}, that may publish to its up topic. */
  private static final class OneDevice implements MqttAuthority {
    @Override
    public String authenticate(String clientId, String username, byte[] password) {
      return DEVICE.equals(username)
              && Arrays.equals(password, "device-secret".getBytes(StandardCharsets.UTF_8))
          ? DEVICE
          : null;
    }

    @Override
    public boolean canPublish(String identity, String topic) {
      return DEVICE.equals(identity) && UP.equals(topic);
    }

    @Override
    public boolean canSubscribe(String identity, String topic) {
      return false;
    }
  }
}
