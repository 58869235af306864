package org.courtyard.devices.platform;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.courtyard.api.TenantSlug;
import org.courtyard.broker.MqttBroker;
import org.courtyard.driver.DeviceDriver;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The device runtime as the devices module uses it: who may connect (the broker's authority), the
 * installed drivers and their quarantine, and the gateway that publishes commands. The module owns
 * the tenant's device rows; it tells the runtime which devices exist.
 */
@ProviderType
public interface DeviceRuntime {

  /** Lets the tenant's devices in (again): its devices module started. */
  void load(TenantSlug tenant, Collection<RegisteredDevice> devices);

  /** Removes the tenant's devices: the broker suspends their accounts and ends their sessions. */
  void unload(TenantSlug tenant);

  /** Lets a device in, or changes what is known of it (a new password's hash). */
  void put(RegisteredDevice device);

  /** Removes a revoked device: its broker account goes and its session ends. */
  void remove(TenantSlug tenant, String deviceId);

  /** The broker, to create and change devices' accounts; null while there is none. */
  MqttBroker broker();

  /**
   * Publishes a command to the device's down topic (QoS 1) on its tenant's gateway session.
   *
   * @throws IOException when it was not published (no broker, not connected)
   */
  void publish(RegisteredDevice device, byte[] payload) throws IOException;

  /** A device not heard from for longer is offline. */
  int heartbeatTimeoutSeconds();

  /** The installed driver, for its config descriptor and to encode commands; null if none. */
  DeviceDriver driver(String id);

  /** The installed drivers that serve a device type, by id. */
  List<String> driversFor(String deviceType);

  /** Every installed driver with its health and how many devices use it, by id. */
  List<DriverView> drivers();

  /** Lets a quarantined device's messages be decoded again; false if it is not quarantined. */
  boolean releaseDevice(RegisteredDevice device);

  /** Why the device's messages are refused now (it or its driver quarantined), or null. */
  String refusal(RegisteredDevice device);
}
