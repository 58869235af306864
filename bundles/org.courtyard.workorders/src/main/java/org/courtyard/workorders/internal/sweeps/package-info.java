/**
 * The system's own steps on a tenant's orders, run every minute: {@link
 * org.courtyard.workorders.internal.sweeps.OrderSweeps} marks the warnings and breaches of the
 * response and resolution deadlines whose instants have passed, and confirms the orders the
 * residents left unconfirmed for the tenant's period, each with a line in the order's timeline.
 */
package org.courtyard.workorders.internal.sweeps;
