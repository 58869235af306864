package org.courtyard.broker;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides, for the embedded broker, who a device is and which topics it may use. Asked on every
 * connect, subscribe and publish, so answers must come from memory. (The broker's own gateway
 * account is the broker's business, not the authority's.)
 */
@ConsumerType
public interface MqttAuthority {

  /**
   * The broker then accepts the client only if its client id is this identity, or this identity
   * followed by {@code /} and more: no client can take over another's session by its id.
   *
   * @return the client's identity (the username it authenticated as), or null to refuse it
   */
  String authenticate(String clientId, String username, byte[] password);

  boolean canPublish(String identity, String topic);

  boolean canSubscribe(String identity, String topic);
}
