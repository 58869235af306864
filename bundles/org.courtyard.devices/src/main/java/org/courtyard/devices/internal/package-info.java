/** The devices module's implementation: registry, gateway, driver runtime, ingest, REST. */
package org.courtyard.devices.internal;
