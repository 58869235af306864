package org.courtyard.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A vendor's driver for one or more device types. Implementations are stateless with respect to
 * devices (the gateway passes each device's configuration with every call), must be thread-safe,
 * and must not block: a decode is given tens of milliseconds, not seconds.
 */
@ConsumerType
public interface DeviceDriver {

  /** Who made the driver and which device types it serves. */
  DriverInfo info();

  /**
   * The per-device settings the driver understands, so the platform can validate a device's
   * configuration and a console can render a form for it without knowing the driver.
   */
  ConfigDescriptor configDescriptor();

  /**
   * Decodes one uplink payload. A payload the driver cannot make sense of is a {@link
   * DecodeResult#rejected rejected} result, not an exception.
   */
  DecodeResult decode(Uplink uplink, DeviceConfig config);

  /** Encodes a command for the device's downlink topic. */
  EncodeResult encode(Command command, String deviceType, DeviceConfig config);
}
