/**
 * What other modules may ask of a tenant's billing: charges to a room for work they did (a paid
 * repair), each recorded once per outside reference and voided the way billing voids a bill; and
 * income taken over a counter or at a gate for no room (a visitor's parking), booked in the ledger
 * with a receipt, once per outside reference; and what they charge rooms every period (a parking
 * space's rent), billed in billing's own runs.
 */
@org.osgi.annotation.versioning.Version("1.2.0")
package org.courtyard.billing;
