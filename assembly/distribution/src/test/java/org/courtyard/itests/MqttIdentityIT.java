package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.courtyard.broker.MqttBroker;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * MQTT identities on the embedded broker: a client id belongs to the identity that logs in with it.
 * Under MQTT 3.1.1 a client connecting with an id in use ends the other session, so a device that
 * could borrow the gateway's id would cut every tenant off, and one that could borrow another
 * device's id would cut that device off. {@link MosquittoIT} checks the same on Mosquitto.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MqttIdentityIT {

  /**
   * The ids the gateway's sessions use: {@code courtyard-gateway} and {@code -0} to {@code -15}.
   */
  static final List<String> GATEWAY_IDS =
      List.of(
          "courtyard-gateway",
          "courtyard-gateway-0",
          "courtyard-gateway-7",
          "courtyard-gateway-15");

  private static Http operator;
  private static Http acme;
  private static Http zen;
  private static String acmePassword;
  private static String zenPassword;

  @Inject private BundleContext context;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    if (acme != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    acme = anonymous.tenant(operator.onboard("acme_id", "estate", "devices"));
    zen = anonymous.tenant(operator.onboard("zen_id", "estate", "devices"));
    acmePassword = acme.meter("wm-1");
    zenPassword = zen.meter("wm-1");
  }

  @Test
  public void a01_aDeviceCannotTakeTheGatewaysClientIds() throws Exception {
    long before = messages(zen, "wm-1");
    publishOne("zen_id/wm-1", "zen_id/wm-1", zenPassword, 1);
    awaitMessages(zen, "wm-1", before + 1);
    for (String id : GATEWAY_IDS) {
      assertRefused(id, "acme_id/wm-1", acmePassword);
    }
    // the gateway was not disconnected: another tenant's reading still arrives and is stored
    assertBrokerUp(operator);
    publishOne("zen_id/wm-1", "zen_id/wm-1", zenPassword, 2);
    awaitMessages(zen, "wm-1", before + 2);
    assertBrokerUp(operator);
  }

  @Test
  public void a02_aDeviceCannotTakeAnotherTenantsDeviceClientId() throws Exception {
    MqttClient victim = connect("zen_id/wm-1", "zen_id/wm-1", zenPassword);
    try {
      assertRefused("zen_id/wm-1", "acme_id/wm-1", acmePassword);
      assertRefused("zen_id/wm-1/x", "acme_id/wm-1", acmePassword);
      assertRefused("it-anything", "acme_id/wm-1", acmePassword);
      Thread.sleep(300);
      assertTrue("the device whose id was tried is still connected", victim.isConnected());
      long before = messages(zen, "wm-1");
      victim.publish("t/zen_id/d/wm-1/up", DevicesIT.reading(3, "3"), 1, false);
      awaitMessages(zen, "wm-1", before + 1);
    } finally {
      victim.disconnect();
    }
  }

  @Test
  public void a03_aDeviceOnItsOwnIdGetsNoOtherTenantsMessage() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    MqttClient own = connect("acme_id/wm-1/second", "acme_id/wm-1", acmePassword);
    try {
      DevicesIT.recordTopics(own, seen);
      assertEquals(1, DevicesIT.subscribe(own, "t/acme_id/d/wm-1/down"));
      assertEquals(128, DevicesIT.subscribe(own, "t/+/d/+/up"));
      assertEquals(128, DevicesIT.subscribe(own, "t/zen_id/d/wm-1/up"));
      assertEquals(128, DevicesIT.subscribe(own, "t/zen_id/d/wm-1/down"));
      long before = messages(zen, "wm-1");
      publishOne("zen_id/wm-1", "zen_id/wm-1", zenPassword, 4);
      awaitMessages(zen, "wm-1", before + 1);
      assertEquals("nothing of zen's reached acme's device", null, seen.poll(1, TimeUnit.SECONDS));
    } finally {
      own.disconnect();
    }
  }

  @Test
  public void a04_theGatewaysCredentialsWorkOnlyWithTheGatewaysIds() throws Exception {
    ServiceReference<MqttBroker> ref = context.getServiceReference(MqttBroker.class);
    MqttBroker broker = context.getService(ref);
    try {
      MqttBroker.Login gateway = broker.gatewayLogin();
      for (String id : List.of("courtyard-gateway-16", "courtyard-gateway-01", "acme_id/wm-1")) {
        assertRefused(id, gateway.username(), gateway.password());
      }
      assertRefused("courtyard-gateway", "acme_id/wm-1", gateway.password());
    } finally {
      context.ungetService(ref);
    }
    assertBrokerUp(operator);
  }

  // ------------------------------------------------------------------ shared with MosquittoIT

  /** Connects to the broker the devices use, with this client id. */
  static MqttClient connect(String clientId, String username, String password)
      throws MqttException {
    MqttClient c =
        new MqttClient(
            "tcp://127.0.0.1:" + CourtyardContainer.mqttPort(), clientId, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(username);
    o.setPassword(password.toCharArray());
    o.setCleanSession(true);
    o.setConnectionTimeout(10);
    o.setAutomaticReconnect(false);
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setMaxInflight(100);
    c.connect(o);
    return c;
  }

  /** The broker refuses this login as unauthorised. */
  static void assertRefused(String clientId, String username, String password) {
    try {
      MqttClient c = connect(clientId, username, password);
      c.disconnectForcibly();
      fail(username + " was let in as client " + clientId);
    } catch (MqttException e) {
      assertTrue(
          username + " as " + clientId + " refused as unauthorised, not " + e,
          e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
              || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED);
    }
  }

  /** Connects, publishes one reading with QoS 1 and disconnects. */
  static void publishOne(String clientId, String username, String password, long seq)
      throws MqttException {
    MqttClient c = connect(clientId, username, password);
    try {
      String[] parts = username.split("/");
      c.publish(
          "t/" + parts[0] + "/d/" + parts[1] + "/up",
          DevicesIT.reading(seq, Long.toString(seq)),
          1,
          false);
    } finally {
      c.disconnect();
    }
  }

  static long messages(Http tenant, String device) throws Exception {
    Http.Reply r = tenant.get("/devices/devices/" + device);
    assertEquals(r.toString(), 200, r.status);
    return r.json.path("messages").asLong();
  }

  static void awaitMessages(Http tenant, String device, long count) throws Exception {
    DevicesIT.await(
        tenant, "/devices/devices/" + device, j -> j.path("messages").asLong() >= count);
  }

  /** The operator's health report shows the broker up: the gateway is connected. */
  static void assertBrokerUp(Http operator) throws Exception {
    JsonNode broker = brokerHealth(operator);
    assertEquals(broker.toString(), "up", broker.path("status").asText());
  }

  static JsonNode brokerHealth(Http operator) throws Exception {
    Http.Reply h = operator.get("/operator/health");
    assertEquals(h.toString(), 200, h.status);
    return h.json.path("components").path("broker");
  }
}
