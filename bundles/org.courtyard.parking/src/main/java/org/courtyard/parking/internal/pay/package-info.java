/** Where parking books the money it takes: billing's ledger, when the tenant has billing. */
package org.courtyard.parking.internal.pay;
