package org.courtyard.broker.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientIdsTest {

  @Test
  void aDeviceUsesItsUsernameOrItsUsernameAndASuffix() {
    assertTrue(ClientIds.belongsTo("acme/wm-101", "acme/wm-101"));
    assertTrue(ClientIds.belongsTo("acme/wm-101/probe", "acme/wm-101"));
  }

  @Test
  void aDeviceCannotUseAnotherDevicesId() {
    assertFalse(ClientIds.belongsTo("acme/wm-102", "acme/wm-101"));
    assertFalse(ClientIds.belongsTo("zen/wm-101", "acme/wm-101"));
    // device ids may contain '-': acme/wm must not reach acme/wm-101's id
    assertFalse(ClientIds.belongsTo("acme/wm-101", "acme/wm"));
    assertFalse(ClientIds.belongsTo("acme/wm101", "acme/wm"));
    assertFalse(ClientIds.belongsTo("acme/wm/", "acme/wm"));
    assertFalse(ClientIds.belongsTo("acme", "acme/wm"));
    assertFalse(ClientIds.belongsTo("it-123", "acme/wm"));
    assertFalse(ClientIds.belongsTo(null, "acme/wm"));
    assertFalse(ClientIds.belongsTo("acme/wm", null));
  }

  @Test
  void theGatewaysIdsAreTheGatewaysAlone() {
    for (String id :
        new String[] {"courtyard-gateway", "courtyard-gateway-0", "courtyard-gateway-15"}) {
      assertTrue(GatewayAccount.isClientId(id), id);
      assertFalse(ClientIds.belongsTo(id, id), id);
      assertFalse(ClientIds.belongsTo(id, "acme/wm-101"), id);
    }
    assertFalse(ClientIds.belongsTo("courtyard-gateway/x", "courtyard-gateway"));
  }

  @Test
  void theGatewayHasExactlySixteenSessionIdsBesideItsUsername() {
    assertFalse(GatewayAccount.isClientId("courtyard-gateway-16"));
    assertFalse(GatewayAccount.isClientId("courtyard-gateway-01"));
    assertFalse(GatewayAccount.isClientId("courtyard-gateway-"));
    assertFalse(GatewayAccount.isClientId("courtyard-gateway-x"));
    assertFalse(GatewayAccount.isClientId(null));
  }

  @Test
  void theGatewaySubscribesEveryTenantsUpTopicsOrOneTenantsButNothingElse() {
    assertTrue(GatewayAccount.maySubscribe("t/+/d/+/up"));
    assertTrue(GatewayAccount.maySubscribe("t/acme/d/+/up"));
    assertFalse(GatewayAccount.maySubscribe("t/acme/d/+/down"));
    assertFalse(GatewayAccount.maySubscribe("t/#"));
    assertFalse(GatewayAccount.maySubscribe("t/+/d/#"));
    assertFalse(GatewayAccount.maySubscribe("t/a/b/d/+/up"));
    assertFalse(GatewayAccount.maySubscribe("#"));
  }
}
