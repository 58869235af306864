/**
 * What other modules may ask of a tenant's security: the alarms its devices raised, read in the
 * order they were recorded ({@link org.courtyard.security.AlarmFeed}), so that work orders can open
 * a repair for a water leak or a forced door without security knowing about work orders.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.security;
