/**
 * The device runtime's contract with the devices module: the runtime ({@link
 * org.courtyard.devices.platform.DeviceRuntime}: broker authority, drivers, gateway) is installed
 * at boot; the module, installed when a first tenant enables it, registers each tenant's {@link
 * org.courtyard.devices.platform.DeviceIngest} and tells the runtime which devices exist. Not for
 * other modules: they use {@link org.courtyard.devices}.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.devices.platform;
