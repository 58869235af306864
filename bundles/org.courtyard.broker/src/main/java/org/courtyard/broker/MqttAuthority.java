package org.courtyard.broker;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides, for the broker, who a client is and what it may do. Asked on every connect, subscribe
 * and publish, so answers must come from memory. A change (a device added, revoked, a tenant
 * offboarded) takes effect on the next question; {@link MqttBroker#disconnect} ends the sessions
 * that were allowed before.
 */
@ConsumerType
public interface MqttAuthority {

  /**
   * @return the client's identity (the username it authenticated as), or null to refuse it
   */
  String authenticate(String clientId, String username, byte[] password);

  boolean canPublish(String identity, String topic);

  boolean canSubscribe(String identity, String topic);
}
