package org.courtyard.devices.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.api.TenantSlug;
import org.courtyard.broker.MqttBroker;
import org.courtyard.devices.platform.DeviceSecrets;
import org.courtyard.devices.platform.RegisteredDevice;
import org.junit.jupiter.api.Test;

/** The broker's ACL matrix as the registry decides it. */
class DeviceRegistryTest {

  private static final TenantSlug ACME = TenantSlug.of("acme");
  private static final TenantSlug ZEN = TenantSlug.of("zen");

  private final DeviceRegistry registry = new DeviceRegistry();
  private final List<String> told = new ArrayList<>();

  /** Records what the registry tells the broker. */
  private final MqttBroker broker =
      new MqttBroker() {
        @Override
        public String url() {
          return "tcp://test";
        }

        @Override
        public String mode() {
          return "test";
        }

        @Override
        public Login gatewayLogin() {
          return new Login("gw", "pw");
        }

        @Override
        public void grant(String username, String password, String pub, String sub) {
          told.add("grant " + username);
        }

        @Override
        public void suspend(String username) {
          told.add("suspend " + username);
        }

        @Override
        public void resume(String username) {
          told.add("resume " + username);
        }

        @Override
        public void remove(String username) {
          told.add("remove " + username);
        }

        @Override
        public void disconnect(String identity) {
          told.add("disconnect " + identity);
        }

        @Override
        public int removeAll(String prefix) {
          told.add("removeAll " + prefix);
          return 0;
        }
      };

  private static RegisteredDevice device(TenantSlug tenant, String id, String secret) {
    return new RegisteredDevice(
        tenant, id, "water-meter", "jsonmeter", Map.of(), DeviceSecrets.hash(secret), null);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eachDeviceAuthenticatesWithItsOwnPasswordOnly() {
    registry.load(ACME, List.of(device(ACME, "m1", "secret-a")));
    registry.load(ZEN, List.of(device(ZEN, "m1", "secret-z")));
    assertThat(registry.authenticate("c", "acme/m1", bytes("secret-a"))).isEqualTo("acme/m1");
    assertThat(registry.authenticate("c", "zen/m1", bytes("secret-z"))).isEqualTo("zen/m1");
    assertThat(registry.authenticate("c", "zen/m1", bytes("secret-a"))).isNull();
    assertThat(registry.authenticate("c", "acme/m2", bytes("secret-a"))).isNull();
    assertThat(registry.authenticate("c", "acme/m1", null)).isNull();
    assertThat(registry.authenticate("c", null, bytes("secret-a"))).isNull();
    assertThat(registry.authenticate("c", "courtyard-gateway", bytes("secret-a"))).isNull();
  }

  @Test
  void aDeviceMayOnlyUseItsOwnTwoTopics() {
    registry.load(ACME, List.of(device(ACME, "m1", "a"), device(ACME, "m2", "b")));
    registry.load(ZEN, List.of(device(ZEN, "m1", "z")));
    assertThat(registry.canPublish("acme/m1", "t/acme/d/m1/up")).isTrue();
    assertThat(registry.canPublish("acme/m1", "t/acme/d/m1/down")).isFalse();
    assertThat(registry.canPublish("acme/m1", "t/acme/d/m2/up")).isFalse();
    assertThat(registry.canPublish("acme/m1", "t/zen/d/m1/up")).isFalse();
    assertThat(registry.canSubscribe("acme/m1", "t/acme/d/m1/down")).isTrue();
    assertThat(registry.canSubscribe("acme/m1", "t/acme/d/m1/up")).isFalse();
    assertThat(registry.canSubscribe("acme/m1", "t/zen/d/m1/down")).isFalse();
    assertThat(registry.canSubscribe("acme/m1", "t/acme/d/+/down")).isFalse();
    assertThat(registry.canSubscribe("acme/m1", "#")).isFalse();
    assertThat(registry.canPublish(null, "t/acme/d/m1/up")).isFalse();
  }

  @Test
  void removingADeviceOrATenantEndsTheirSessionsAndTheirRights() {
    registry.useBroker(broker);
    registry.load(ACME, List.of(device(ACME, "m1", "a"), device(ACME, "m2", "b")));
    registry.load(ZEN, List.of(device(ZEN, "m1", "z")));
    assertThat(told).containsExactly("resume acme/m1", "resume acme/m2", "resume zen/m1");
    told.clear();
    registry.remove(ACME, "m1");
    assertThat(told).containsExactly("remove acme/m1");
    assertThat(registry.authenticate("c", "acme/m1", bytes("a"))).isNull();
    assertThat(registry.canPublish("acme/m1", "t/acme/d/m1/up")).isFalse();
    registry.unload(ACME);
    assertThat(told).containsExactly("remove acme/m1", "suspend acme/m2");
    assertThat(registry.count(ACME)).isZero();
    assertThat(registry.count(ZEN)).isEqualTo(1);
  }

  @Test
  void anOffboardedTenantsAccountsAreDeletedNotSuspended() {
    registry.useBroker(broker);
    registry.load(ACME, List.of(device(ACME, "m1", "a")));
    registry.load(ZEN, List.of(device(ZEN, "m1", "z")));
    told.clear();
    registry.purge(ACME);
    assertThat(told).containsExactly("removeAll acme/");
    assertThat(registry.authenticate("c", "acme/m1", bytes("a"))).isNull();
    assertThat(registry.authenticate("c", "zen/m1", bytes("z"))).isEqualTo("zen/m1");
  }

  @Test
  void theGatewayFindsADeviceByItsUpTopicOnly() {
    registry.load(ACME, List.of(device(ACME, "m1", "a")));
    assertThat(registry.findByUpTopic("t/acme/d/m1/up").id()).isEqualTo("m1");
    assertThat(registry.findByUpTopic("t/acme/d/m1/down")).isNull();
    assertThat(registry.findByUpTopic("t/zen/d/m1/up")).isNull();
    registry.remove(ACME, "m1");
    assertThat(registry.findByUpTopic("t/acme/d/m1/up")).isNull();
    registry.put(device(ACME, "m2", "b"));
    registry.unload(ACME);
    assertThat(registry.findByUpTopic("t/acme/d/m2/up")).isNull();
  }

  @Test
  void payloadsWithoutASequenceGetAStableNegativeKey() {
    long a = DecodeLanes.hashSequence(bytes("temp=21"));
    assertThat(a).isNegative().isEqualTo(DecodeLanes.hashSequence(bytes("temp=21")));
    assertThat(DecodeLanes.hashSequence(bytes("temp=22"))).isNegative().isNotEqualTo(a);
  }
}
