/**
 * Response and resolution deadlines (SLA) without storage. {@link
 * org.courtyard.workorders.internal.deadlines.WorkingCalendar} counts and adds working time in the
 * tenant's zone, hours, holidays and make-up days ({@link
 * org.courtyard.workorders.internal.deadlines.ServiceHours#ROUND_THE_CLOCK} counts every hour);
 * {@link org.courtyard.workorders.internal.deadlines.SlaClock} is one deadline's clock, stopped
 * while the order is paused; {@link org.courtyard.workorders.internal.deadlines.Deadlines} applies
 * a tenant's rules at each lifecycle step against an injected {@link java.time.Clock}.
 */
package org.courtyard.workorders.internal.deadlines;
