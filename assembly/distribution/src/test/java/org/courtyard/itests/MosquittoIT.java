package org.courtyard.itests;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
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
 * device accounts, their client ids and their topic rights in Mosquitto's dynamic-security plugin.
 * The same ACL matrix, identities, ingest, revocation and suspension as {@link DevicesIT} and
 * {@link MqttIdentityIT}, enforced by Mosquitto. Mosquitto starts only after Courtyard, which must
 * start without it and connect once it is up. Skipped on a machine without the mosquitto binaries,
 * and failed for want of them on CI.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MosquittoIT {

  private static TestMosquitto mosquitto;
  private static long mosquittoPid;
  private static JsonNode brokerBeforeMosquitto;
  private static Http operator;

  @javax.inject.Inject private org.osgi.service.cm.ConfigurationAdmin configurations;
  private static Http north;
  private static Http south;
  private static String meterPassword;
  private static String gatePassword;

  @Configuration
  public Option[] config() {
    Option ci = systemProperty("courtyard.it.ci").value(String.valueOf(TestMosquitto.required()));
    if (!TestMosquitto.available()) {
      return CourtyardContainer.options(
          ci,
          systemProperty("courtyard.it.mosquitto").value("absent"),
          systemProperty("courtyard.it.mosquitto.absence").value(TestMosquitto.absence()));
    }
    synchronized (MosquittoIT.class) {
      if (mosquitto == null) {
        // not started: the container starts it, after Courtyard (a00)
        mosquitto = TestMosquitto.prepare();
      }
    }
    String cfg = "etc/org.courtyard.broker.cfg";
    return CourtyardContainer.options(
        ci,
        editConfigurationFilePut(cfg, "mode", "external"),
        editConfigurationFilePut(cfg, "url", "tcp://127.0.0.1:" + mosquitto.port),
        editConfigurationFilePut(cfg, "adminUsername", TestMosquitto.ADMIN),
        editConfigurationFilePut(cfg, "adminPassword", mosquitto.adminPassword),
        systemProperty("courtyard.it.mosquitto").value(String.valueOf(mosquitto.port)),
        systemProperty("courtyard.it.mosquitto.conf").value(mosquitto.conf.toString()),
        systemProperty("courtyard.it.mosquitto.admin").value(mosquitto.adminPassword));
  }

  @Before
  public void setUp() throws Exception {
    if (!System.getProperty("courtyard.it.mosquitto", "").matches("\\d+")) {
      String why = System.getProperty("courtyard.it.mosquitto.absence", "no mosquitto");
      if (Boolean.getBoolean("courtyard.it.ci")) {
        fail("CI must run the Mosquitto tests: " + why);
      }
      Assume.assumeTrue(why, false);
    }
    if (north != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    // Courtyard is up and Mosquitto is not started yet
    brokerBeforeMosquitto = MqttIdentityIT.brokerHealth(operator);
    mosquittoPid = TestMosquitto.launch(conf(), port()).pid();
    awaitBrokerUp();
    north = anonymous.tenant(operator.onboard("north_mq", "estate", "devices"));
    south = anonymous.tenant(operator.onboard("south_mq", "estate", "devices"));
  }

  private static int port() {
    return Integer.parseInt(System.getProperty("courtyard.it.mosquitto"));
  }

  private static java.nio.file.Path conf() {
    return java.nio.file.Path.of(System.getProperty("courtyard.it.mosquitto.conf"));
  }

  /**
   * Mosquitto as a service manager restarts it; the new one is stopped when the container exits.
   */
  private static Process restartMosquitto() throws Exception {
    Process p = TestMosquitto.restart(mosquittoPid, conf(), port());
    mosquittoPid = p.pid();
    return p;
  }

  private static void awaitBrokerUp() throws Exception {
    long deadline = System.currentTimeMillis() + 90_000;
    JsonNode broker = MqttIdentityIT.brokerHealth(operator);
    while (!"up".equals(broker.path("status").asText())) {
      if (System.currentTimeMillis() > deadline) {
        fail("the broker is not up 90 s after Mosquitto started: " + broker);
      }
      Thread.sleep(250);
      broker = MqttIdentityIT.brokerHealth(operator);
    }
  }

  private static MqttClient connect(String username, String password) throws Exception {
    return MqttIdentityIT.connect(username, username, password);
  }

  private static void assertRefused(String username, String password) {
    MqttIdentityIT.assertRefused(username, username, password);
  }

  @Test
  public void a00_courtyardStartsWhileMosquittoIsDownAndConnectsOnceItIsUp() throws Exception {
    assertEquals(
        "before Mosquitto started: " + brokerBeforeMosquitto,
        "down",
        brokerBeforeMosquitto.path("status").asText());
    // setUp waited for the broker to come up; it still is
    MqttIdentityIT.assertBrokerUp(operator);
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

    assertRefused("north_mq/wm-1", "cyd_wrong");
    assertRefused("south_mq/gate-1", meterPassword);
    assertRefused("courtyard-gateway", meterPassword);
    MqttClient c = connect("north_mq/wm-1", meterPassword);
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
    MqttClient c = connect("north_mq/wm-1", meterPassword);
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
    MqttClient c = connect("north_mq/wm-1", meterPassword);
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
    MqttClient gate = connect("south_mq/gate-1", gatePassword);
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
    assertRefused("south_mq/gate-1", gatePassword);
    assertEquals(200, operator.post("/operator/tenants/south_mq/modules/devices", "").status);
    connect("south_mq/gate-1", gatePassword).disconnect();

    MqttClient meter = connect("north_mq/wm-1", meterPassword);
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
    assertRefused("north_mq/wm-1", meterPassword);
  }

  @Test
  public void a05_offboardingATenantDeletesItsDevicesMosquittoAccounts() throws Exception {
    Http gone =
        Http.anonymous(CourtyardContainer.httpPort())
            .tenant(operator.onboard("gone_mq", "estate", "devices"));
    String password = gone.meter("wm-9");
    connect("gone_mq/wm-9", password).disconnect();
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
    assertRefused("gone_mq/wm-9", password);
  }

  @Test
  public void a06_noDeviceTakesTheGatewaysOrAnotherTenantsClientId() throws Exception {
    String north1 = north.meter("id-1");
    String south1 = south.meter("id-1");
    long before = MqttIdentityIT.messages(south, "id-1");
    MqttIdentityIT.publishOne("south_mq/id-1", "south_mq/id-1", south1, 1);
    MqttIdentityIT.awaitMessages(south, "id-1", before + 1);
    for (String id : MqttIdentityIT.GATEWAY_IDS) {
      MqttIdentityIT.assertRefused(id, "north_mq/id-1", north1);
    }
    MqttClient victim = connect("south_mq/id-1", south1);
    try {
      MqttIdentityIT.assertRefused("south_mq/id-1", "north_mq/id-1", north1);
      // Mosquitto binds one id per account: the username, nothing after it
      MqttIdentityIT.assertRefused("north_mq/id-1/x", "north_mq/id-1", north1);
      MqttIdentityIT.assertRefused("it-anything", "north_mq/id-1", north1);
      Thread.sleep(300);
      assertTrue("the device whose id was tried is still connected", victim.isConnected());
      victim.publish("t/south_mq/d/id-1/up", DevicesIT.reading(2, "2"), 1, false);
      // the gateway was not disconnected either: the reading is stored
      MqttIdentityIT.awaitMessages(south, "id-1", before + 2);
    } finally {
      victim.disconnect();
    }
    MqttIdentityIT.assertBrokerUp(operator);

    java.util.concurrent.BlockingQueue<String> seen =
        new java.util.concurrent.LinkedBlockingQueue<>();
    MqttClient own = connect("north_mq/id-1", north1);
    try {
      DevicesIT.recordTopics(own, seen);
      assertEquals(1, DevicesIT.subscribe(own, "t/north_mq/d/id-1/down"));
      assertEquals(128, DevicesIT.subscribe(own, "t/+/d/+/up"));
      assertEquals(128, DevicesIT.subscribe(own, "t/south_mq/d/id-1/up"));
      MqttIdentityIT.publishOne("south_mq/id-1", "south_mq/id-1", south1, 3);
      MqttIdentityIT.awaitMessages(south, "id-1", before + 3);
      assertEquals("nothing of south's reached north's device", null, seen.poll(1, SECONDS));
    } finally {
      own.disconnect();
    }
  }

  @Test
  public void a07_afterAMosquittoRestartDevicesAreStillRegisteredAndRevoked() throws Exception {
    restartMosquitto();
    // the admin client reconnects and subscribes to the plugin's answers again by itself: a
    // registration right after the restart waits for it rather than failing
    String password = north.meter("after-restart");
    awaitBrokerUp();
    long before = MqttIdentityIT.messages(north, "after-restart");
    MqttClient c = connect("north_mq/after-restart", password);
    try {
      c.publish("t/north_mq/d/after-restart/up", DevicesIT.reading(1, "1"), 1, false);
      MqttIdentityIT.awaitMessages(north, "after-restart", before + 1);
      assertEquals(200, north.post("/devices/devices/after-restart/revoke", "").status);
      long deadline = System.currentTimeMillis() + 10_000;
      while (c.isConnected() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertFalse("the revoked device was disconnected", c.isConnected());
    } finally {
      c.close(true);
    }
    assertRefused("north_mq/after-restart", password);
  }

  @Test
  public void a08_accountsMadeBeforeClientIdsWereBoundAreBoundWhenCourtyardStarts()
      throws Exception {
    String password = north.meter("legacy");
    // as an older Courtyard left it: no client id on the account
    Process unbind =
        new ProcessBuilder(
                "/usr/bin/mosquitto_ctrl",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port()),
                "-u",
                TestMosquitto.ADMIN,
                "-P",
                System.getProperty("courtyard.it.mosquitto.admin"),
                "dynsec",
                "setClientId",
                "north_mq/legacy")
            .redirectErrorStream(true)
            .start();
    assertTrue(unbind.waitFor(30, SECONDS));
    assertEquals(new String(unbind.getInputStream().readAllBytes()), 0, unbind.exitValue());
    MqttIdentityIT.connect("legacy-any-id", "north_mq/legacy", password).disconnect();

    // the broker component starts again (a configuration change), as at a Courtyard start
    org.osgi.service.cm.Configuration c =
        configurations.getConfiguration("org.courtyard.broker", "?");
    java.util.Dictionary<String, Object> props = c.getProperties();
    props.put("restartedBy", "MosquittoIT");
    c.update(props);
    Thread.sleep(2_000);
    awaitBrokerUp();
    long deadline = System.currentTimeMillis() + 20_000;
    while (true) {
      try {
        MqttIdentityIT.connect("legacy-any-id", "north_mq/legacy", password).disconnect();
      } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
        break; // bound now
      }
      if (System.currentTimeMillis() > deadline) {
        fail("the old account still takes any client id");
      }
      Thread.sleep(200);
    }
    MqttIdentityIT.assertRefused("legacy-any-id", "north_mq/legacy", password);
    connect("north_mq/legacy", password).disconnect();
  }

  /** Last: it restarts the class's Mosquitto mid-stream. */
  @Test
  public void a99_aMosquittoRestartMidStreamLosesNoAcknowledgedReadingAndStoresNoneTwice()
      throws Exception {
    List<AckedStream.Meter> meters = new java.util.ArrayList<>();
    for (String id : List.of("rs-1", "rs-2")) {
      meters.add(
          new AckedStream.Meter("north_mq/" + id, north.meter(id), "t/north_mq/d/" + id + "/up"));
    }
    List<List<Long>> acked =
        AckedStream.run(
            "tcp://127.0.0.1:" + port(), meters, 1, 400, 250, MosquittoIT::restartMosquitto);
    for (int i = 0; i < meters.size(); i++) {
      AckedStream.assertStored("north_mq", "rs-" + (i + 1), acked.get(i), 400);
    }
  }
}
