/**
 * The parking module (停车管理): lots of an estate, their spaces, and the leases and reservations that
 * hold a space for a period, never two at once (PostgreSQL's exclusion constraint, see {@link
 * org.courtyard.parking.internal.Bookings}).
 *
 * <ul>
 *   <li>{@link org.courtyard.parking.internal.ParkingModule} announces the module (it requires
 *       estate).
 *   <li>{@link org.courtyard.parking.internal.ParkingTenant} is a tenant's instance; {@link
 *       org.courtyard.parking.internal.ParkingInstances} finds the caller's.
 *   <li>{@link org.courtyard.parking.internal.Lots}, {@link org.courtyard.parking.internal.Spaces}
 *       and {@link org.courtyard.parking.internal.Bookings} hold the rules with {@link
 *       org.courtyard.parking.internal.ParkingRules}; the {@code *Resource} classes are their REST
 *       resources under {@code /api/v1/parking}.
 * </ul>
 *
 * <p>Nothing is exported yet.
 */
package org.courtyard.parking.internal;
