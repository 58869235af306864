package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.Assume;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Devices through an external Mosquitto 2 instead of the embedded broker: Courtyard keeps the
 * device accounts and their topic rights in Mosquitto's dynamic-security plugin. The same ACL
 * matrix, ingest, revocation and suspension as {@link DevicesIT}, enforced by Mosquitto. Skipped on
 * a machine without the mosquitto binaries.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MosquittoIT {

  private static TestMosquitto mosquitto;
  private static Http operator;
  private static Http north;
  private static Http south;
  private static String meterPassword;
  private static String gatePassword;

  @Configuration
  public Option[] config() {
    if (!TestMosquitto.available()) {
      return CourtyardContainer.options(systemProperty("courtyard.it.mosquitto").value("absent"));
    }
    synchronized (MosquittoIT.class) {
      if (mosquitto == null) {
        mosquitto = TestMosquitto.start();
      }
    }
    String cfg = "etc/org.courtyard.broker.cfg";
    return CourtyardContainer.options(
        editConfigurationFilePut(cfg, "mode", "external"),
        editConfigurationFilePut(cfg, "url", "tcp://127.0.0.1:" + mosquitto.port),
        editConfigurationFilePut(cfg, "adminUsername", TestMosquitto.ADMIN),
        editConfigurationFilePut(cfg, "adminPassword", mosquitto.adminPassword),
        systemProperty("courtyard.it.mosquitto").value(String.valueOf(mosquitto.port)),
        systemProperty("courtyard.it.mosquitto.pid").value(String.valueOf(mosquitto.pid)),
        systemProperty("courtyard.it.mosquitto.conf").value(mosquitto.conf.toString()));
  }

  @Before
  public void setUp() throws Exception {
    Assume.assumeTrue(
        "no mosquitto binaries on this machine",
        System.getProperty("courtyard.it.mosquitto", "").matches("\\d+"));
    if (north != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    north = anonymous.tenant(operator.onboard("north_mq", "estate", "devices"));
    south = anonymous.tenant(operator.onboard("south_mq", "estate", "devices"));
  }

  @Test
  public void a01_devicesGetAMosquittoAccountLimitedToTheirOwnTopics() throws Exception {
    Http.Reply meter =
        north.post(
            "/devices/devices",
            map(
                "id",
                "wm-1",
                "type",
                "water-meter",
                "name",
                "Meter",
                "location",
                map("kind", "area", "ref", "Plant room")));
    assertEquals(meter.toString(), 201, meter.status);
    meterPassword = meter.json.path("mqtt").path("password").asText();
    Http.Reply gate =
        south.post(
            "/devices/devices",
            map(
                "id",
                "gate-1",
                "type",
                "door-controller",
                "name",
                "Gate",
                "location",
                map("kind", "gate", "ref", "South gate")));
    assertEquals(gate.toString(), 201, gate.status);
    gatePassword = gate.json.path("mqtt").path("password").asText();

    DevicesIT.assertRefused("north_mq/wm-1", "cyd_wrong");
    DevicesIT.assertRefused("south_mq/gate-1", meterPassword);
    DevicesIT.assertRefused("courtyard-gateway", meterPassword);
    MqttClient c = DevicesIT.connect("north_mq/wm-1", meterPassword);
    try {
      assertEquals(1, DevicesIT.subscribe(c, "t/north_mq/d/wm-1/down"));
      assertEquals(128, DevicesIT.subscribe(c, "t/south_mq/d/gate-1/down"));
      assertEquals(128, DevicesIT.subscribe(c, "t/+/d/+/up"));
      assertEquals(128, DevicesIT.subscribe(c, "#"));
      c.publish("t/south_mq/d/gate-1/up", new byte[] {(byte) 0xA5, 0x5A}, 0, false);
    } finally {
      c.disconnect();
    }
    Thread.sleep(300);
    assertEquals(0, PlatformIT.count("select count(*) from t_south_mq.device_message"));
  }

  @Test
  public void a02_readingsThroughMosquittoAreStoredOnce() throws Exception {
    MqttClient c = DevicesIT.connect("north_mq/wm-1", meterPassword);
    try {
      for (int seq = 1; seq <= 50; seq++) {
        c.publish("t/north_mq/d/wm-1/up", DevicesIT.reading(seq, Integer.toString(seq)), 1, false);
      }
      for (int seq = 41; seq <= 50; seq++) {
        c.publish("t/north_mq/d/wm-1/up", DevicesIT.reading(seq, Integer.toString(seq)), 1, false);
      }
    } finally {
      c.disconnect();
    }
    JsonNode d =
        DevicesIT.await(
            north,
            "/devices/devices/wm-1",
            j -> j.path("messages").asLong() == 50 && j.path("duplicates").asLong() == 10);
    assertEquals("online", d.path("state").asText());
  }

  @Test
  public void a03_commandsReachTheDeviceThroughMosquitto() throws Exception {
    MqttClient c = DevicesIT.connect("north_mq/wm-1", meterPassword);
    java.util.concurrent.BlockingQueue<String> down =
        new java.util.concurrent.LinkedBlockingQueue<>();
    try {
      c.subscribe(
          "t/north_mq/d/wm-1/down",
          1,
          (t, m) -> down.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
      Http.Reply sent =
          north.post(
              "/devices/devices/wm-1/commands",
              map("name", "set-interval", "arguments", Map.of("seconds", "600")));
      assertEquals(sent.toString(), 202, sent.status);
      String payload = down.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(
          "{\"cmd\":\"interval\",\"id\":" + sent.json.path("id").asLong() + ",\"seconds\":600}",
          payload);
    } finally {
      c.disconnect();
    }
  }

  @Test
  public void a04_revokingAndSuspendingReachMosquitto() throws Exception {
    MqttClient gate = DevicesIT.connect("south_mq/gate-1", gatePassword);
    try {
      assertEquals(200, operator.delete("/operator/tenants/south_mq/modules/devices").status);
      long deadline = System.currentTimeMillis() + 10_000;
      while (gate.isConnected() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertFalse("the suspended device was disconnected", gate.isConnected());
    } finally {
      gate.close(true);
    }
    DevicesIT.assertRefused("south_mq/gate-1", gatePassword);
    assertEquals(200, operator.post("/operator/tenants/south_mq/modules/devices", "").status);
    DevicesIT.connect("south_mq/gate-1", gatePassword).disconnect();

    MqttClient meter = DevicesIT.connect("north_mq/wm-1", meterPassword);
    try {
      assertEquals(200, north.post("/devices/devices/wm-1/revoke", "").status);
      long deadline = System.currentTimeMillis() + 10_000;
      while (meter.isConnected() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertFalse("the revoked device was disconnected", meter.isConnected());
    } finally {
      meter.close(true);
    }
    DevicesIT.assertRefused("north_mq/wm-1", meterPassword);
  }

  @Test
  public void a05_offboardingATenantDeletesItsDevicesMosquittoAccounts() throws Exception {
    Http gone =
        Http.anonymous(CourtyardContainer.httpPort())
            .tenant(operator.onboard("gone_mq", "estate", "devices"));
    String password = gone.meter("wm-9");
    DevicesIT.connect("gone_mq/wm-9", password).disconnect();
    north.meter("wm-kept");
    java.nio.file.Path accounts =
        java.nio.file.Path.of(System.getProperty("courtyard.it.mosquitto.conf"))
            .resolveSibling("dynamic-security.json");
    assertTrue(java.nio.file.Files.readString(accounts).contains("\"gone_mq/wm-9\""));

    assertEquals(204, operator.delete("/operator/tenants/gone_mq?confirm=gone_mq").status);
    long deadline = System.currentTimeMillis() + 10_000;
    while (java.nio.file.Files.readString(accounts).contains("gone_mq/")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    String left = java.nio.file.Files.readString(accounts);
    assertFalse(
        "the account and its role are deleted, not only disabled", left.contains("gone_mq/"));
    assertTrue("other tenants' accounts stay", left.contains("\"north_mq/wm-kept\""));
    DevicesIT.assertRefused("gone_mq/wm-9", password);
  }

  /** Last: it leaves the class's Mosquitto replaced by one this container started. */
  @Test
  public void a99_aMosquittoRestartMidStreamLosesNoAcknowledgedReadingAndStoresNoneTwice()
      throws Exception {
    List<AckedStream.Meter> meters = new java.util.ArrayList<>();
    for (String id : List.of("rs-1", "rs-2")) {
      meters.add(
          new AckedStream.Meter("north_mq/" + id, north.meter(id), "t/north_mq/d/" + id + "/up"));
    }
    int port = Integer.parseInt(System.getProperty("courtyard.it.mosquitto"));
    Process[] restarted = new Process[1];
    try {
      List<List<Long>> acked =
          AckedStream.run(
              "tcp://127.0.0.1:" + port,
              meters,
              1,
              400,
              250,
              () ->
                  restarted[0] =
                      TestMosquitto.restart(
                          Long.parseLong(System.getProperty("courtyard.it.mosquitto.pid")),
                          java.nio.file.Path.of(System.getProperty("courtyard.it.mosquitto.conf")),
                          port));
      for (int i = 0; i < meters.size(); i++) {
        AckedStream.assertStored("north_mq", "rs-" + (i + 1), acked.get(i), 400);
      }
    } finally {
      if (restarted[0] != null) {
        restarted[0].destroy();
      }
    }
  }
}
