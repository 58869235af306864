/** The security module: access log and alarms, fed by the devices module's records. */
package org.courtyard.security.internal;
