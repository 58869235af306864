/**
 * The estate base data module (基础信息管理): estates, their buildings, the units of a building and the
 * rooms of a unit, which every other business module refers to.
 *
 * <ul>
 *   <li>{@link org.courtyard.estate.internal.EstateModule} tells the platform the module exists.
 *   <li>{@link org.courtyard.estate.internal.EstateTenant} is a tenant's instance, created by the
 *       platform per tenant that enables the module; it owns the tenant's EntityManagerFactory and
 *       its {@link org.courtyard.estate.internal.EstateService}.
 *   <li>{@link org.courtyard.estate.internal.EstateResource} is the REST API under {@code
 *       /api/v1/estate}, routing each request to the caller's tenant instance.
 * </ul>
 *
 * <p>Nothing is exported: other modules that need estate data will get an API package of their own
 * when they exist, rather than reach into these classes.
 */
package org.courtyard.estate.internal;
