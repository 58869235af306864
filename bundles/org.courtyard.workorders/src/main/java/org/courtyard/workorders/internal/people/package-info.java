/**
 * The people who work the orders: technicians (staff user ids of identity, never foreign keys) with
 * their skills and areas ({@link org.courtyard.workorders.internal.people.Technicians}), teams
 * ({@link org.courtyard.workorders.internal.people.Teams}), on-duty shifts in the tenant's zone
 * ({@link org.courtyard.workorders.internal.people.DutyRoster}), and the dispatcher's view of
 * everyone's open orders ({@link org.courtyard.workorders.internal.people.DispatchLoad}). Their
 * field rules are {@link org.courtyard.workorders.internal.people.PeopleRules} and {@link
 * org.courtyard.workorders.internal.people.DutyRules}.
 */
package org.courtyard.workorders.internal.people;
