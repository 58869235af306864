/** Where residents live, from the residents module when the tenant has it. */
package org.courtyard.parking.internal.residents;
