/**
 * The device API for every module, exported by the device runtime (installed at boot, so importers
 * need no optional or dynamic import; the {@link org.courtyard.devices.DeviceDirectory} service is
 * the devices module's, there while it is installed): the records devices reported, as {@link
 * org.courtyard.devices.DeviceEvent}s, delivered to every {@link
 * org.courtyard.devices.DeviceEventListener} once they are stored (1.3: on the shared workers, one
 * call at a time per tenant, no longer on the ingest thread); and the {@link
 * org.courtyard.devices.DeviceDirectory} of each tenant's devices, to read their state and command
 * them (1.3 also: which devices a caller's data scope reaches, and commands sent within it; 1.4:
 * where devices are, {@link org.courtyard.devices.DevicePlace}, for orders opened from their
 * alarms).
 */
@org.osgi.annotation.versioning.Version("1.4.0")
package org.courtyard.devices;
