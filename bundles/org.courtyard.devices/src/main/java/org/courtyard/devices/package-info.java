/**
 * What the devices module gives other modules: the records devices reported, as {@link
 * org.courtyard.devices.DeviceEvent}s, delivered to every {@link
 * org.courtyard.devices.DeviceEventListener} once they are stored; and the {@link
 * org.courtyard.devices.DeviceDirectory} of each tenant's devices, to read their state and command
 * them.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.courtyard.devices;
