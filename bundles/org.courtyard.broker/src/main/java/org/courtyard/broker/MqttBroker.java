package org.courtyard.broker;

import org.osgi.annotation.versioning.ProviderType;

/** A running MQTT broker the platform's gateway connects to. */
@ProviderType
public interface MqttBroker {

  /** Where clients connect, e.g. {@code tcp://127.0.0.1:1883}. */
  String url();

  /** Ends every session of the clients authenticated as {@code identity}; they may reconnect. */
  void disconnect(String identity);
}
