/**
 * The residents and owners module (业主信息管理): persons, which rooms they own or live in since when
 * (occupancies), and their vehicles. History is kept: an occupancy is ended, never edited or
 * deleted, and a removed vehicle stays on record.
 *
 * <ul>
 *   <li>{@link org.courtyard.residents.internal.ResidentsModule} tells the platform the module
 *       exists and that it needs the estate module.
 *   <li>{@link org.courtyard.residents.internal.ResidentsTenant} is a tenant's instance, created by
 *       the platform per tenant that enables the module; it owns the tenant's EntityManagerFactory
 *       and its {@link org.courtyard.residents.internal.ResidentsService}.
 *   <li>{@link org.courtyard.residents.internal.ResidentsResource} is the REST API under {@code
 *       /api/v1/residents}, routing each request to the caller's tenant instance.
 * </ul>
 *
 * <p>Rooms belong to the estate module: they are looked up through its exported {@code
 * EstateDirectory} service, never read from the estate tables.
 */
package org.courtyard.residents.internal;
