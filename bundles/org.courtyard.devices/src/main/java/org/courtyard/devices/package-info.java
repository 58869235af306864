/**
 * What the devices module gives other modules: the records devices reported, as {@link
 * org.courtyard.devices.DeviceEvent}s, delivered to every {@link
 * org.courtyard.devices.DeviceEventListener} once they are stored.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package org.courtyard.devices;
