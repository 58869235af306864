/**
 * The devices module, per tenant: the device registry rows, records, refusals and commands, and
 * their REST API. The device runtime it uses (broker authority, gateway, drivers) is the platform
 * bundle {@code org.courtyard.devices.platform}.
 */
package org.courtyard.devices.internal;
