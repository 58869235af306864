package org.courtyard.broker;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The MQTT broker the platform's gateway connects to: the embedded one, or an external Mosquitto
 * whose accounts are kept through its dynamic-security plugin. Device accounts follow the device
 * registry through {@link #grant}, {@link #suspend}, {@link #resume} and {@link #remove}; the
 * embedded broker asks its {@link MqttAuthority} instead and only ends sessions.
 */
@ProviderType
public interface MqttBroker {

  /** How the gateway logs in. */
  record Login(String username, String password) {
    @Override
    public String toString() {
      return "Login[" + username + "]";
    }
  }

  /** Where clients connect, e.g. {@code tcp://127.0.0.1:1883}. */
  String url();

  /** {@code embedded} or {@code external}. */
  String mode();

  /** The gateway's credentials: it may subscribe to every up topic and publish to down topics. */
  Login gatewayLogin();

  /**
   * Lets {@code username} log in with {@code password} and use exactly these two topics (creates
   * the account, or replaces its password).
   *
   * @throws IllegalStateException if the broker cannot be told
   */
  void grant(String username, String password, String publishTopic, String subscribeTopic);

  /** Refuses the account for now and ends its sessions (its tenant disabled devices). */
  void suspend(String username);

  /** Lets a suspended account in again. */
  void resume(String username);

  /** Deletes the account and ends its sessions. */
  void remove(String username);

  /** Ends every session of the clients authenticated as {@code identity}; they may reconnect. */
  void disconnect(String identity);

  /**
   * Deletes every account whose username starts with {@code prefix} (a tenant's devices, {@code
   * <tenant>/}, when the tenant is offboarded) and ends their sessions.
   *
   * @return how many accounts were deleted (the embedded broker keeps none: 0)
   */
  int removeAll(String prefix);
}
