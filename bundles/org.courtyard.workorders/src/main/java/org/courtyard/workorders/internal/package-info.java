/**
 * Repairs and complaints (报修与投诉): the work-order module. Each class is one job:
 *
 * <ul>
 *   <li>{@link org.courtyard.workorders.internal.WorkordersModule} tells the platform the module
 *       exists; {@link org.courtyard.workorders.internal.WorkordersTenant} is a tenant's instance.
 *   <li>{@link org.courtyard.workorders.internal.lifecycle} holds the rules of an order's life: who
 *       may take which step from which state, and the timeline entry each step leaves.
 *   <li>{@link org.courtyard.workorders.internal.deadlines} computes the response and resolution
 *       deadlines in the tenant's working hours, with the clock stopped while an order is paused.
 * </ul>
 *
 * <p>Nothing is exported: no other module needs work orders yet.
 */
package org.courtyard.workorders.internal;
