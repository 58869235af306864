/**
 * The device runtime: broker authority, gateway, decode lanes, ingest writers, driver runtime and
 * packages, operator API and shell commands.
 */
package org.courtyard.devices.platform.internal;
