/**
 * What other modules may ask of a tenant's billing: charges to a room for work they did (a paid
 * repair), each recorded once per outside reference and voided the way billing voids a bill.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.billing;
