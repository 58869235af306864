package org.courtyard.broker.internal;

/**
 * Which MQTT client ids an identity may connect with. Under MQTT 3.1.1 a client that connects with
 * a client id already in use ends the other session, so an id that anyone could use would let any
 * device disconnect the gateway or another tenant's device. A device's client id is its username
 * ({@code <tenant>/<device>}); the embedded broker also accepts the username followed by {@code /}
 * and anything (a second session of the same device). The separator is {@code /} because device ids
 * may contain {@code -}: with {@code -}, device {@code acme/wm} could take {@code acme/wm-101}'s
 * id. The gateway's ids are its own ({@link GatewayAccount#isClientId}).
 */
final class ClientIds {

  private ClientIds() {}

  /**
   * Whether a client authenticated as {@code identity} (not the gateway) may use {@code clientId}.
   */
  static boolean belongsTo(String clientId, String identity) {
    if (clientId == null
        || identity == null
        || identity.isEmpty()
        || GatewayAccount.USERNAME.equals(identity)
        || GatewayAccount.isClientId(clientId)) {
      return false;
    }
    return clientId.equals(identity)
        || (clientId.length() > identity.length() + 1
            && clientId.startsWith(identity)
            && clientId.charAt(identity.length()) == '/');
  }
}
