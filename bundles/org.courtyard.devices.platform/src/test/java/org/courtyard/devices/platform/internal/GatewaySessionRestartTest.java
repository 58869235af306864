package org.courtyard.devices.platform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway session against a real Mosquitto that is restarted (SIGTERM, persistence on) while a
 * meter publishes and while the gateway's acknowledgements lag behind its deliveries, as they do
 * when the database is slower than the broker. Every reading the broker acknowledged to the meter
 * must reach the gateway after the restart. Paho's own reconnect never came back in this case: an
 * acknowledgement sent between the connection's loss and the reconnect stopped its sender.
 */
class GatewaySessionRestartTest {

  private static final Path MOSQUITTO = Path.of("/usr/sbin/mosquitto");

  private Path dir;
  private int port;
  private Process broker;
  private ScheduledExecutorService scheduler;

  @BeforeEach
  void startBroker() throws Exception {
    if (!Files.isExecutable(MOSQUITTO)) {
      String why = "no " + MOSQUITTO + ": apt-get install mosquitto (.ci/run does on CI)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    dir = Files.createTempDirectory("gateway-session");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path conf = dir.resolve("mosquitto.conf");
    Files.write(
        conf,
        List.of(
            "listener " + port + " 127.0.0.1",
            "allow_anonymous true",
            "persistence true",
            "persistence_location " + dir + "/",
            "max_inflight_messages 100",
            "max_queued_messages 100000",
            "log_dest file " + dir.resolve("mosquitto.log")));
    // mosquitto started as root drops to user "mosquitto": it must write its database here
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-rw-rw-"));
    broker = launch();
    scheduler = Executors.newScheduledThreadPool(2);
  }

  @AfterEach
  void stopBroker() {
    if (broker != null) {
      broker.destroyForcibly();
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  @Test
  void readingsTheBrokerAcknowledgedReachTheGatewayAfterARestartWhileAcknowledgementsLag()
      throws Exception {
    Set<String> received = ConcurrentHashMap.newKeySet();
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    GatewaySession session =
        new GatewaySession(
            0,
            (topic, message, ack) -> {
              received.add(
                  new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
              // stored 50 ms later, as a batch writer would: the acknowledgement follows then
              writer.schedule(ack::send, 50, TimeUnit.MILLISECONDS);
              return true;
            },
            scheduler);
    session.subscribe("t/acme/d/+/up");
    session.open(url(), "courtyard-gateway", new char[0], 100);
    try {
      awaitConnected(session);
      int sent = 600;
      List<Integer> acknowledged = publishThroughRestart(sent, sent / 3);
      assertTrue(acknowledged.size() >= sent / 2, "the broker acknowledged " + acknowledged.size());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!received.containsAll(names(acknowledged)) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Set<Integer> missing = new TreeSet<>(acknowledged);
      missing.removeIf(i -> received.contains(Integer.toString(i)));
      assertEquals(
          Set.of(),
          missing,
          "acknowledged by the broker but never delivered to the gateway (session connected: "
              + session.connected()
              + ")");
    } finally {
      session.close();
      writer.shutdownNow();
    }
  }

  /** Publishes {@code n} QoS 1 readings, restarting the broker after {@code restartAt}. */
  private List<Integer> publishThroughRestart(int n, int restartAt) throws Exception {
    MqttAsyncClient meter = new MqttAsyncClient(url(), "meter-1", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(false);
    o.setAutomaticReconnect(true);
    o.setMaxReconnectDelay(1_000);
    o.setMaxInflight(20);
    meter.connect(o).waitForCompletion(10_000);
    List<IMqttDeliveryToken> tokens = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        while (true) {
          try {
            tokens.add(meter.publish("t/acme/d/m1/up", Integer.toString(i).getBytes(), 1, false));
            Thread.sleep(3);
            break;
          } catch (MqttException e) {
            // not connected or the in-flight window is full: not sent, try again
            Thread.sleep(20);
          }
        }
        if (i == restartAt) {
          broker.destroy(); // SIGTERM: Mosquitto saves its database and exits
          if (!broker.waitFor(10, TimeUnit.SECONDS)) {
            fail("mosquitto did not stop");
          }
          broker = launch();
        }
      }
      List<Integer> acknowledged = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        try {
          tokens.get(i).waitForCompletion(30_000);
          acknowledged.add(i);
        } catch (MqttException e) {
          // not acknowledged: the meter knows it was not delivered
        }
      }
      return acknowledged;
    } finally {
      meter.disconnectForcibly(1_000, 1_000);
      meter.close();
    }
  }

  private static Set<String> names(List<Integer> seqs) {
    Set<String> s = new java.util.HashSet<>();
    seqs.forEach(i -> s.add(Integer.toString(i)));
    return s;
  }

  private static void awaitConnected(GatewaySession session) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!session.connected()) {
      if (System.nanoTime() > deadline) {
        fail("the gateway session did not connect");
      }
      Thread.sleep(20);
    }
    // connectComplete subscribes asynchronously: give the SUBACK a moment
    Thread.sleep(300);
  }

  private String url() {
    return "tcp://127.0.0.1:" + port;
  }

  private Process launch() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(MOSQUITTO.toString(), "-c", dir.resolve("mosquitto.conf").toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
            .start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return p;
      } catch (IOException e) {
        if (!p.isAlive()) {
          fail("mosquitto exited: " + Files.readString(dir.resolve("stdout.log")));
        }
        Thread.sleep(50);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("mosquitto did not listen on " + port);
  }
}
