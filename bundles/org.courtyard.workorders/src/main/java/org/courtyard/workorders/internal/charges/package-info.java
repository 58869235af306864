/**
 * Paid repairs' charges: recorded with the completing step, posted to billing once per reference,
 * voided with the order's cancellation, retried by the sweep while billing is away.
 */
package org.courtyard.workorders.internal.charges;
