package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The gate half of the parking benchmark: a plate camera publishes an entry read and waits for the
 * open command on its downlink, one car after another. Through Courtyard the read is stored by the
 * device gateway, handed to parking, decided in a transaction with the lot locked (lists, the card,
 * the temporary spaces), written as a passage, and the command is stored and published by the
 * devices module. The baseline is the same loop on a plain broker of the same kind (Moquette,
 * persistent, as Courtyard embeds it) with a gate controller a competent engineer would write: it
 * subscribes to the camera, parses the JSON, looks the plate up in the card holders it keeps in
 * memory, and publishes the open command at QoS 1, storing nothing. Both sides are warmed alike;
 * the figure is the baseline's median time to open against Courtyard's.
 */
final class GateLoop {

  /** What one side measured: each car's milliseconds from publish to open command. */
  record Side(List<Double> ms) {
    double p(double percentile) {
      return BenchSupport.percentile(ms, percentile);
    }
  }

  record Result(Side courtyard, Side baseline, long passages, long opened) {}

  private static final String LANE = "in-1";
  private static final int PLATES = 50;

  private GateLoop() {}

  static Result run(
      BenchHttp http,
      String owner,
      String tenant,
      long lot,
      int mqttPort,
      BenchSupport.Database db,
      int reads,
      int warm)
      throws Exception {
    List<String> plates = new ArrayList<>();
    for (int i = 0; i < PLATES; i++) {
      plates.add(String.format(Locale.ROOT, "粤B%05d", 10_000 + i));
    }
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    for (String plate : plates) {
      http.call(
          "POST",
          "/parking/cards",
          owner,
          Map.of(
              "lotId", lot,
              "plate", plate,
              "holderName", "Card " + plate,
              "firstDay", today,
              "lastDay", LocalDate.parse(today).plusDays(30).toString()),
          201);
    }
    JsonNode camera =
        http.call(
            "POST",
            "/devices/devices",
            owner,
            Map.of(
                "id", "bench-cam",
                "type", "plate-camera",
                "name", "Bench gate camera",
                "location", Map.of("kind", "gate", "ref", "Bench gate")),
            201);
    http.call(
        "POST",
        "/parking/gates",
        owner,
        Map.of(
            "lotId",
            lot,
            "deviceId",
            "bench-cam",
            "lane",
            LANE,
            "direction",
            "entry",
            "name",
            "Bench entrance"),
        201);
    String user = camera.path("mqtt").path("username").asText();
    String password = camera.path("mqtt").path("password").asText();
    String up = "t/" + tenant + "/d/bench-cam/up";
    String down = "t/" + tenant + "/d/bench-cam/down";

    System.out.println("  the gate loop through Courtyard (camera read to open command)");
    Side courtyard =
        loop("tcp://127.0.0.1:" + mqttPort, user, password, up, down, plates, reads, warm);

    System.out.println("  the same loop on a plain broker with an in-memory gate controller");
    Side baseline = baseline(plates, reads, warm);

    long passages;
    long opened;
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), count(*) FILTER (WHERE decision = 'open' AND command_id IS NOT"
                    + " NULL) FROM t_"
                    + tenant
                    + ".parking_passage")) {
      rs.next();
      passages = rs.getLong(1);
      opened = rs.getLong(2);
    }
    return new Result(courtyard, baseline, passages, opened);
  }

  /** The camera: publishes a read, waits for its open command, again for every car. */
  private static Side loop(
      String url,
      String user,
      String password,
      String up,
      String down,
      List<String> plates,
      int reads,
      int warm)
      throws Exception {
    MqttClient camera =
        new MqttClient(
            url, user == null ? "bench-camera" : user + "/bench", new MemoryPersistence());
    MqttConnectOptions o = options(user, password);
    camera.connect(o);
    BlockingQueue<String> opens = new LinkedBlockingQueue<>();
    camera.subscribe(
        down, 1, (t, m) -> opens.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
    List<Double> ms = new ArrayList<>();
    try {
      for (int i = 0; i < warm + reads; i++) {
        String plate = plates.get(i % plates.size());
        byte[] read =
            ("{\"seq\":"
                    + (i + 1)
                    + ",\"type\":\"plate\",\"ts\":\""
                    + OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0)
                    + "\",\"lane\":\""
                    + LANE
                    + "\",\"dir\":\"in\",\"plate\":\""
                    + plate
                    + "\",\"color\":\"blue\",\"conf\":96}")
                .getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        camera.publish(up, read, 1, false);
        String open = opens.poll(30, TimeUnit.SECONDS);
        if (open == null || !open.contains("\"cmd\":\"open\"")) {
          throw new IllegalStateException(
              "car " + (i + 1) + " (" + plate + ") got no open: " + open);
        }
        if (i >= warm) {
          ms.add((System.nanoTime() - t0) / 1e6);
        }
      }
    } finally {
      camera.disconnect();
      camera.close();
    }
    return new Side(ms);
  }

  private static Side baseline(List<String> plates, int reads, int warm) throws Exception {
    int port = BenchSupport.freePort();
    Path data = Files.createTempDirectory("courtyard-bench-gate");
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(port));
    p.setProperty("persistence_enabled", "true");
    p.setProperty("data_path", data.toString());
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("allow_anonymous", "true");
    // the rest as Courtyard's embedded broker sets it (org.courtyard.broker's Moquette)
    p.setProperty(IConfig.PERSISTENT_QUEUE_TYPE_PROPERTY_NAME, "h2");
    p.setProperty(IConfig.SESSION_QUEUE_SIZE, "65536");
    p.setProperty(BrokerConstants.AUTOSAVE_INTERVAL_PROPERTY_NAME, "1");
    Server broker = new Server();
    broker.startServer(new MemoryConfig(p));
    String url = "tcp://127.0.0.1:" + port;
    Set<String> cards = new HashSet<>(plates);
    MqttAsyncClient controller =
        new MqttAsyncClient(url, "bench-controller", new MemoryPersistence());
    long[] ids = {0};
    try {
      controller.setCallback(
          new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {}

            @Override
            public void messageArrived(String topic, MqttMessage message) throws Exception {
              JsonNode read = BenchHttp.JSON.readTree(message.getPayload());
              String plate =
                  read.path("plate")
                      .asText("")
                      .replaceAll("[\\s.\\-\u00B7]", "")
                      .toUpperCase(Locale.ROOT);
              if (read.path("conf").asInt() >= 80 && cards.contains(plate)) {
                controller.publish(
                    "t/bench/d/cam/down",
                    ("{\"cmd\":\"open\",\"id\":" + ++ids[0] + ",\"lane\":\"" + LANE + "\"}")
                        .getBytes(StandardCharsets.UTF_8),
                    1,
                    false);
              }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
          });
      controller.connect(options(null, null)).waitForCompletion();
      controller.subscribe("t/bench/d/cam/up", 1).waitForCompletion();
      return loop(url, null, null, "t/bench/d/cam/up", "t/bench/d/cam/down", plates, reads, warm);
    } finally {
      controller.disconnect().waitForCompletion();
      controller.close();
      broker.stopServer();
    }
  }

  private static MqttConnectOptions options(String user, String password) {
    MqttConnectOptions o = new MqttConnectOptions();
    if (user != null) {
      o.setUserName(user);
      o.setPassword(password.toCharArray());
    }
    o.setCleanSession(true);
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setConnectionTimeout(30);
    o.setKeepAliveInterval(60);
    return o;
  }
}
